package io.tandem.sync.outbound;

import io.tandem.domain.model.contact.Contact;
import io.tandem.domain.model.contact.SalesforceLink;
import io.tandem.domain.model.field.FieldMapping;
import io.tandem.domain.model.field.FieldMappingRepository;
import io.tandem.domain.model.sync.RecordType;
import io.tandem.domain.model.sync.SyncSettings;
import io.tandem.domain.model.sync.SyncSettingsRepository;
import io.tandem.domain.service.SalesforceGateway;
import io.tandem.infrastructure.salesforce.SalesforceException;
import io.tandem.sync.SalesforceAccess;
import io.tandem.sync.inbound.SalesforceFields;
import io.tandem.sync.log.RecordOutcome.Outcome;
import io.tandem.sync.outbound.ContactPlan.Ending;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The drain (§5): claims up to 1,000 entries at a time in the order the changes were made, coalesces
 * them per contact, and per 200 contacts reads Salesforce's current values (one call), decides field by
 * field (§3) and writes what is to be written (one call, allOrNone false). New contacts are looked up by
 * email (Contact, then Lead) before anything is created, which is also what makes a retry after a crash
 * between Salesforce's create and Tandem's commit find the record instead of making a second one. It
 * goes on while entries wait and the limits allow, for at most a minute per tick.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboundDrain {

    private static final Logger LOG = Logger.getLogger(OutboundDrain.class.getName());
    static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();
    private static final int CLAIM = 1000;
    private static final Duration BUDGET = Duration.ofSeconds(60);

    @Inject
    OutboundBatches batches;
    @Inject
    SalesforceAccess access;
    @Inject
    SyncSettingsRepository settingsRepository;
    @Inject
    FieldMappingRepository mappings;
    @Inject
    ApiLimits limits;
    @Inject
    DrainStatus status;

    /** Drains until the queue is empty, the limits say stop, Salesforce fails, or the time budget is spent. */
    public void drain() {
        SalesforceGateway gateway = access.gateway().orElse(null);
        if (gateway == null) {
            status.paused("no Salesforce connection is configured");
            return;
        }
        Instant until = Instant.now().plus(BUDGET);
        int sent = 0;
        while (Instant.now().isBefore(until)) {
            SyncSettings settings = settingsRepository.current();
            String paused = limits.pausedReason(gateway, settings);
            if (paused != null) {
                if (status.last() == null || status.last().pausedReason() == null) {
                    LOG.log(Level.INFO, "Outbound sync paused: {0}", paused);
                }
                status.paused(paused);
                return;
            }
            List<OutboxLedger.Claimed> claimed = batches.claim(INSTANCE, CLAIM);
            if (claimed.isEmpty()) {
                status.drained(sent);
                return;
            }
            DrainRound round = new DrainRound(gateway, settings, FieldMapping.modes(mappings.all()), batches, limits, claimed);
            int attempts = claimed.stream().mapToInt(OutboxLedger.Claimed::attempts).max().orElse(0);
            try {
                sent += process(round, claimed);
            } catch (SalesforceException e) {
                round.release(attempts, e.errorCode(), e.getMessage());
                status.failed("Salesforce answered " + e.getMessage() + (e.isTransient() ? "; retried with back-off" : ""));
                LOG.log(Level.INFO, "Drain stopped: {0}; the entries wait for the next try", e.getMessage());
                return;
            } catch (RuntimeException e) {
                // nothing stays claimed by a drain that broke: what it did not end goes back to the queue
                round.release(attempts, "TANDEM_ERROR", String.valueOf(e.getMessage()));
                status.failed("an error in Tandem: " + e.getMessage());
                LOG.log(Level.WARNING, "Drain stopped by an error; the entries wait for the next try", e);
                return;
            }
        }
        status.drained(sent);
    }

    private int process(DrainRound round, List<OutboxLedger.Claimed> claimed) {
        Map<Long, ContactPlan> plans = new LinkedHashMap<>();
        Map<Long, Set<String>> changed = new HashMap<>();
        Map<Long, ContactPlan> companyPlans = new LinkedHashMap<>();
        for (OutboxLedger.Claimed e : claimed) {
            if (e.type() != RecordType.CONTACT) {
                ContactPlan plan = companyPlans.computeIfAbsent(e.recordId(), ContactPlan::new);
                plan.company = true;
                plan.entryIds.add(e.id());
                continue;
            }
            ContactPlan plan = plans.computeIfAbsent(e.recordId(), ContactPlan::new);
            plan.entryIds.add(e.id());
            if (e.operation().equals("DELETE")) {
                plan.end(Ending.SKIPPED, Outcome.SKIPPED, "deleted here; local deletes are not sent to Salesforce");
            }
            changed.computeIfAbsent(e.recordId(), k -> new LinkedHashSet<>()).addAll(e.fields());
        }
        int sent = AccountWrites.write(round, List.copyOf(companyPlans.values()));
        if (plans.isEmpty()) {
            return sent;
        }
        if (!round.settings.writes(RecordType.CONTACT)) {
            round.complete("Contact", Instant.now(), 0, plans.values().stream()
                    .map(p -> p.end(Ending.SKIPPED, Outcome.SKIPPED, "writing contacts to Salesforce is off")).toList());
            return sent;
        }
        OutboundBatches.Loaded loaded = batches.load(plans.keySet());
        List<ContactPlan> leads = new ArrayList<>();
        List<ContactPlan> contactsLinked = new ArrayList<>();
        List<ContactPlan> unlinked = new ArrayList<>();
        List<ContactPlan> done = new ArrayList<>();
        for (ContactPlan plan : plans.values()) {
            Contact c = loaded.contacts().get(plan.contactId);
            if (plan.reason != null) {
                done.add(plan);
            } else if (c == null) {
                done.add(plan.end(Ending.SKIPPED, Outcome.SKIPPED, "the contact no longer exists here"));
            } else if (c.salesforce().isLinked()) {
                (c.salesforce().type() == SalesforceLink.Type.LEAD ? leads : contactsLinked).add(plan);
            } else if (c.salesforce().isDeleted()) {
                done.add(plan.end(Ending.SKIPPED, Outcome.SKIPPED, "deleted in Salesforce; not created there again automatically"));
            } else {
                unlinked.add(plan);
            }
        }
        if (!done.isEmpty()) {
            round.complete("Contact", Instant.now(), 0, done);
        }
        sent += ContactWrites.linked(round, SalesforceFields.LEAD, leads, loaded, changed);
        sent += ContactWrites.linked(round, SalesforceFields.CONTACT, contactsLinked, loaded, changed);
        sent += ContactWrites.unlinked(round, unlinked, loaded);
        return sent;
    }
}
