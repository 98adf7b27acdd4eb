package io.tandem.sync.outbound;

import io.tandem.domain.model.company.Company;
import io.tandem.domain.model.contact.Contact;
import io.tandem.domain.model.contact.ContactField;
import io.tandem.domain.model.contact.SalesforceLink;
import io.tandem.domain.model.field.FieldMapping;
import io.tandem.domain.model.field.FieldMappingRepository;
import io.tandem.domain.model.field.FieldSync;
import io.tandem.domain.model.field.SyncMode;
import io.tandem.domain.model.sync.RecordType;
import io.tandem.domain.model.sync.SyncSettings;
import io.tandem.domain.model.sync.SyncSettingsRepository;
import io.tandem.domain.service.SalesforceGateway;
import io.tandem.domain.service.SalesforceRecord;
import io.tandem.domain.shared.SalesforceId;
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
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
    private static final int CALL = 200;
    private static final Duration BUDGET = Duration.ofSeconds(60);
    private static final String NOT_PROVIDED = "[not provided]";

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

    /** The claimed entries not ended yet; their lease is renewed after each batch. */
    private Set<Long> held = new LinkedHashSet<>();

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
            try {
                sent += process(gateway, settings, claimed);
            } catch (SalesforceException e) {
                release(claimed, e.errorCode(), e.getMessage());
                status.failed("Salesforce answered " + e.getMessage() + (e.isTransient() ? "; retried with back-off" : ""));
                LOG.log(Level.INFO, "Drain stopped: {0}; the entries wait for the next try", e.getMessage());
                return;
            } catch (RuntimeException e) {
                // nothing stays claimed by a drain that broke: what it did not end goes back to the queue
                release(claimed, "TANDEM_ERROR", String.valueOf(e.getMessage()));
                status.failed("an error in Tandem: " + e.getMessage());
                LOG.log(Level.WARNING, "Drain stopped by an error; the entries wait for the next try", e);
                return;
            }
        }
        status.drained(sent);
    }

    /** Entries of a broken batch not ended yet, back in the queue with back-off. */
    private void release(List<OutboxLedger.Claimed> claimed, String code, String message) {
        List<Long> open = claimed.stream().map(OutboxLedger.Claimed::id).filter(held::contains).toList();
        batches.release(open, claimed.stream().mapToInt(OutboxLedger.Claimed::attempts).max().orElse(0), code, message);
    }

    private int process(SalesforceGateway gateway, SyncSettings settings, List<OutboxLedger.Claimed> claimed) {
        held = new LinkedHashSet<>(claimed.stream().map(OutboxLedger.Claimed::id).toList());
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
        int sent = companies(gateway, settings, List.copyOf(companyPlans.values()));
        if (plans.isEmpty()) {
            return sent;
        }
        if (!settings.writes(RecordType.CONTACT)) {
            complete(gateway, "Contact", Instant.now(), 0, plans.values().stream()
                    .map(p -> p.end(Ending.SKIPPED, Outcome.SKIPPED, "writing contacts to Salesforce is off")).toList());
            return 0;
        }
        OutboundBatches.Loaded loaded = batches.load(plans.keySet());
        Map<ContactField, SyncMode> modes = modes();
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
            complete(gateway, "Contact", Instant.now(), 0, done);
        }
        sent += linked(gateway, SalesforceFields.LEAD, leads, loaded, changed, modes);
        sent += linked(gateway, SalesforceFields.CONTACT, contactsLinked, loaded, changed, modes);
        sent += unlinked(gateway, settings, unlinked, loaded, modes);
        return sent;
    }

    /**
     * Shared companies linked to an Account, per 200: the Account's name and website read (one call) and
     * what differs written (one call). A company without an Account gets one when one of its contacts is
     * created in Salesforce as a Contact (per the settings), not on its own.
     */
    private int companies(SalesforceGateway gateway, SyncSettings settings, List<ContactPlan> plans) {
        if (plans.isEmpty()) {
            return 0;
        }
        if (!settings.writes(RecordType.COMPANY)) {
            complete(gateway, SalesforceFields.ACCOUNT, Instant.now(), 0, plans.stream()
                    .map(p -> p.end(Ending.SKIPPED, Outcome.SKIPPED, "writing companies to Salesforce is off")).toList());
            return 0;
        }
        Map<Long, Company> found = batches.companies(plans.stream().map(p -> p.contactId).toList());
        List<ContactPlan> linked = new ArrayList<>();
        List<ContactPlan> other = new ArrayList<>();
        for (ContactPlan p : plans) {
            Company c = found.get(p.contactId);
            if (c == null) {
                other.add(p.end(Ending.SKIPPED, Outcome.SKIPPED, "the company no longer exists here"));
            } else if (c.account() == null) {
                other.add(p.end(Ending.SKIPPED, Outcome.SKIPPED, "not linked to an Account; one is made when a contact of it "
                        + "is created in Salesforce as a Contact"));
            } else {
                linked.add(p);
            }
        }
        if (!other.isEmpty()) {
            complete(gateway, SalesforceFields.ACCOUNT, Instant.now(), 0, other);
        }
        int sent = 0;
        for (int from = 0; from < linked.size(); from += CALL) {
            List<ContactPlan> part = linked.subList(from, Math.min(linked.size(), from + CALL));
            Instant started = Instant.now();
            long before = gateway.callsSent();
            List<String> ids = part.stream().map(p -> found.get(p.contactId).account().value()).toList();
            List<SalesforceRecord> current = gateway.retrieve(SalesforceFields.ACCOUNT, ids, List.of("Name", "Website"));
            List<Map<String, Object>> writes = new ArrayList<>();
            List<ContactPlan> writing = new ArrayList<>();
            for (int i = 0; i < part.size(); i++) {
                ContactPlan plan = part.get(i);
                Company c = found.get(plan.contactId);
                plan.object = SalesforceFields.ACCOUNT;
                plan.salesforceId = ids.get(i);
                SalesforceRecord sf = current.get(i);
                if (sf == null) {
                    plan.end(Ending.SKIPPED, Outcome.SKIPPED, "the Account is deleted in Salesforce");
                    continue;
                }
                Map<String, Object> fields = new LinkedHashMap<>();
                if (!c.name().equals(sf.fields().get("Name"))) {
                    fields.put("Name", c.name());
                }
                if (c.website() != null && !c.website().equals(sf.fields().get("Website"))) {
                    fields.put("Website", c.website());
                }
                if (fields.isEmpty()) {
                    plan.end(Ending.SENT, Outcome.UNCHANGED, "the Account already has these values");
                    continue;
                }
                plan.detail.put("sent", new LinkedHashMap<>(fields));
                fields.put("type", SalesforceFields.ACCOUNT);
                fields.put("Id", ids.get(i));
                writes.add(fields);
                writing.add(plan);
            }
            if (!writes.isEmpty()) {
                List<SalesforceGateway.SaveResult> results = gateway.save(false, writes);
                for (int i = 0; i < writing.size(); i++) {
                    if (results.get(i).success()) {
                        writing.get(i).end(Ending.SENT, Outcome.UPDATED, "sent");
                        sent++;
                    } else {
                        failed(writing.get(i), results.get(i));
                        writing.get(i).deletedInSalesforce = false;
                    }
                }
            }
            complete(gateway, SalesforceFields.ACCOUNT, started, (int) (gateway.callsSent() - before), part);
        }
        return sent;
    }

    /** Linked contacts, per 200: read Salesforce's values (one call), decide, write (one call). */
    private int linked(SalesforceGateway gateway, String object, List<ContactPlan> plans, OutboundBatches.Loaded loaded,
                       Map<Long, Set<String>> changed, Map<ContactField, SyncMode> modes) {
        int sent = 0;
        Map<ContactField, String> mapped = SalesforceFields.mapped(object);
        for (int from = 0; from < plans.size(); from += CALL) {
            List<ContactPlan> part = plans.subList(from, Math.min(plans.size(), from + CALL));
            Instant started = Instant.now();
            long before = gateway.callsSent();
            List<String> ids = part.stream().map(p -> loaded.contacts().get(p.contactId).salesforce().id().value()).toList();
            List<SalesforceRecord> current = gateway.retrieve(object, ids, List.copyOf(mapped.values()));
            List<Map<String, Object>> writes = new ArrayList<>();
            List<ContactPlan> writing = new ArrayList<>();
            for (int i = 0; i < part.size(); i++) {
                ContactPlan plan = part.get(i);
                Contact c = loaded.contacts().get(plan.contactId);
                plan.object = object;
                plan.salesforceId = ids.get(i);
                SalesforceRecord sf = current.get(i);
                if (sf == null) {
                    plan.deletedInSalesforce = true;
                    plan.end(Ending.SKIPPED, Outcome.DELETED, "the " + object + " is deleted in Salesforce: link cleared, not created again");
                    continue;
                }
                Map<String, Object> fields = decide(c, sf, changed.getOrDefault(plan.contactId, Set.of()), mapped, modes, plan);
                if (fields.isEmpty()) {
                    plan.end(Ending.SENT, Outcome.UNCHANGED, "nothing to send");
                    continue;
                }
                fields.put("type", object);
                fields.put("Id", ids.get(i));
                writes.add(fields);
                writing.add(plan);
            }
            if (!writes.isEmpty()) {
                List<SalesforceGateway.SaveResult> results = gateway.save(false, writes);
                for (int i = 0; i < writing.size(); i++) {
                    ContactPlan plan = writing.get(i);
                    SalesforceGateway.SaveResult r = results.get(i);
                    if (r.success()) {
                        plan.end(Ending.SENT, Outcome.UPDATED, "sent");
                        sent++;
                    } else {
                        failed(plan, r);
                    }
                }
            }
            complete(gateway, object, started, (int) (gateway.callsSent() - before), part);
        }
        return sent;
    }

    /**
     * Field by field under its mode, against the record just read: what to send (by Salesforce name).
     * Fields not sent are noted with why; fields Salesforce already holds become the base.
     */
    private static Map<String, Object> decide(Contact c, SalesforceRecord sf, Set<String> changedFields, Map<ContactField, String> mapped,
                                              Map<ContactField, SyncMode> modes, ContactPlan plan) {
        Map<String, Object> send = new LinkedHashMap<>();
        Map<String, Object> sentView = new LinkedHashMap<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        Map<String, String> conflicts = new LinkedHashMap<>();
        for (String name : changedFields) {
            ContactField f = ContactField.byName(name);
            String sfName = f == null ? null : mapped.get(f);
            if (sfName == null) {
                if (!name.equals("email") && !name.equals("companyId")) {
                    skipped.put(name, "not mapped to a Salesforce field");
                } else {
                    skipped.put(name, name.equals("email") ? "the email is the match key: changed only in Salesforce"
                            : "company changes follow Accounts from Salesforce");
                }
                continue;
            }
            Object local = c.get(f);
            Object remote = f.normalize(sf.fields().get(sfName));
            FieldSync.Decision d = FieldSync.outbound(modes.get(f), new FieldSync.Side(local, c.changedAt(f)), c.base(f),
                    new FieldSync.Side(remote, sf.lastModifiedDate()));
            if (d.conflict()) {
                conflicts.put(name, d.reason());
            }
            if (d.apply()) {
                send.put(sfName, local);
                sentView.put(name, local);
                plan.exchanged.put(f, local);
            } else {
                skipped.put(name, d.reason());
                if (java.util.Objects.equals(local, remote)) {
                    plan.exchanged.put(f, local);
                }
            }
        }
        if (!sentView.isEmpty()) {
            plan.detail.put("sent", sentView);
        }
        if (!skipped.isEmpty()) {
            plan.detail.put("skipped", skipped);
        }
        if (!conflicts.isEmpty()) {
            plan.detail.put("conflicts", conflicts);
        }
        return send;
    }

    /**
     * Contacts not linked yet, per 200: found by email as a Contact, else as an open Lead (one call each),
     * and linked; the rest created as Leads or Contacts per the settings (one call).
     */
    private int unlinked(SalesforceGateway gateway, SyncSettings settings, List<ContactPlan> plans, OutboundBatches.Loaded loaded,
                         Map<ContactField, SyncMode> modes) {
        int sent = 0;
        boolean asContact = settings.values().createAs().equals("contact");
        for (int from = 0; from < plans.size(); from += CALL) {
            List<ContactPlan> part = plans.subList(from, Math.min(plans.size(), from + CALL));
            Instant started = Instant.now();
            long before = gateway.callsSent();
            Map<String, ContactPlan> byEmail = new LinkedHashMap<>();
            for (ContactPlan p : part) {
                byEmail.put(loaded.contacts().get(p.contactId).email().key(), p);
            }
            Map<String, SalesforceRecord> found = new HashMap<>();
            for (SalesforceRecord r : gateway.findByEmail(SalesforceFields.CONTACT, byEmail.keySet(),
                    List.copyOf(SalesforceFields.mapped(SalesforceFields.CONTACT).values()), null)) {
                found.putIfAbsent(key(r), r);
            }
            Set<String> rest = new LinkedHashSet<>(byEmail.keySet());
            rest.removeAll(found.keySet());
            if (!rest.isEmpty()) {
                for (SalesforceRecord r : gateway.findByEmail(SalesforceFields.LEAD, rest,
                        List.copyOf(SalesforceFields.mapped(SalesforceFields.LEAD).values()), "IsConverted = false")) {
                    found.putIfAbsent(key(r), r);
                }
            }
            List<Map<String, Object>> updates = new ArrayList<>();
            List<ContactPlan> updating = new ArrayList<>();
            List<Map<String, Object>> creates = new ArrayList<>();
            List<ContactPlan> creating = new ArrayList<>();
            Map<String, String> accounts = asContact ? accountsFor(gateway, settings, part, loaded) : Map.of();
            for (Map.Entry<String, ContactPlan> e : byEmail.entrySet()) {
                ContactPlan plan = e.getValue();
                Contact c = loaded.contacts().get(plan.contactId);
                SalesforceRecord match = found.get(e.getKey());
                if (match != null) {
                    plan.object = match.object();
                    plan.salesforceId = match.id();
                    plan.linkTo = SalesforceId.of(match.id());
                    Set<String> all = new LinkedHashSet<>();
                    for (ContactField f : ContactField.values()) {
                        if (c.get(f) != null) {
                            all.add(f.apiName());
                        }
                    }
                    Map<String, Object> fields = decide(c, match, all, SalesforceFields.mapped(match.object()), modes, plan);
                    if (fields.isEmpty()) {
                        plan.end(Ending.SENT, Outcome.UNCHANGED, "linked to the existing " + match.object() + " with this email; nothing to send");
                        continue;
                    }
                    fields.put("type", match.object());
                    fields.put("Id", match.id());
                    updates.add(fields);
                    updating.add(plan);
                    continue;
                }
                String object = asContact ? SalesforceFields.CONTACT : SalesforceFields.LEAD;
                plan.object = object;
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("type", object);
                fields.put("Email", c.email().address());
                Map<String, Object> sentView = new LinkedHashMap<>();
                for (Map.Entry<ContactField, String> m : SalesforceFields.mapped(object).entrySet()) {
                    Object v = c.get(m.getKey());
                    if (v != null && modes.get(m.getKey()) != SyncMode.DO_NOT_SYNC && modes.get(m.getKey()) != SyncMode.ALWAYS_SALESFORCE) {
                        fields.put(m.getValue(), v);
                        sentView.put(m.getKey().apiName(), v);
                        plan.exchanged.put(m.getKey(), v);
                    }
                }
                if (fields.get("LastName") == null) {
                    fields.put("LastName", c.email().address().substring(0, c.email().address().indexOf('@')));
                }
                Company company = loaded.companies().get(c.companyId());
                if (object.equals(SalesforceFields.LEAD)) {
                    fields.put("Company", company == null ? NOT_PROVIDED : company.name());
                } else if (accounts.get(e.getKey()) != null) {
                    fields.put("AccountId", accounts.get(e.getKey()));
                }
                plan.detail.put("sent", sentView);
                creates.add(fields);
                creating.add(plan);
            }
            if (!updates.isEmpty()) {
                List<SalesforceGateway.SaveResult> results = gateway.save(false, updates);
                for (int i = 0; i < updating.size(); i++) {
                    if (results.get(i).success()) {
                        updating.get(i).end(Ending.SENT, Outcome.UPDATED, "linked to the existing " + updating.get(i).object
                                + " with this email instead of creating a duplicate; sent");
                        sent++;
                    } else {
                        failed(updating.get(i), results.get(i));
                    }
                }
            }
            if (!creates.isEmpty()) {
                List<SalesforceGateway.SaveResult> results = gateway.save(true, creates);
                for (int i = 0; i < creating.size(); i++) {
                    ContactPlan plan = creating.get(i);
                    SalesforceGateway.SaveResult r = results.get(i);
                    if (r.success()) {
                        plan.salesforceId = r.id();
                        plan.linkTo = SalesforceId.of(r.id());
                        plan.end(Ending.SENT, Outcome.CREATED, "created as a " + plan.object);
                        sent++;
                    } else {
                        plan.exchanged.clear();
                        failed(plan, r);
                    }
                }
            }
            complete(gateway, "Contact", started, (int) (gateway.callsSent() - before), part);
        }
        return sent;
    }

    /**
     * For new Contacts: the Account of the contact's company, else one whose website matches the email's
     * domain (when allowed), else a new one (when allowed). Free-mail domains never match or make one.
     */
    private Map<String, String> accountsFor(SalesforceGateway gateway, SyncSettings settings, List<ContactPlan> part,
                                            OutboundBatches.Loaded loaded) {
        Map<String, String> byEmail = new HashMap<>();
        Map<String, List<String>> emailsByDomain = new LinkedHashMap<>();
        for (ContactPlan p : part) {
            Contact c = loaded.contacts().get(p.contactId);
            Company company = loaded.companies().get(c.companyId());
            if (company != null && company.account() != null) {
                byEmail.put(c.email().key(), company.account().value());
            } else if (!c.email().isFreeMail()) {
                emailsByDomain.computeIfAbsent(c.email().domain(), d -> new ArrayList<>()).add(c.email().key());
            }
        }
        if (emailsByDomain.isEmpty()) {
            return byEmail;
        }
        SyncSettings.Values v = settings.values();
        Map<String, String> accountByDomain = new HashMap<>();
        if (v.linkAccountsByDomain()) {
            for (SalesforceRecord a : gateway.accountsByDomain(emailsByDomain.keySet())) {
                Object website = a.fields().get("Website");
                if (website != null) {
                    accountByDomain.putIfAbsent(Company.domainOf(website.toString()), a.id());
                }
            }
        }
        if (v.createAccounts()) {
            List<String> missing = emailsByDomain.keySet().stream().filter(d -> !accountByDomain.containsKey(d)).toList();
            if (!missing.isEmpty()) {
                List<Map<String, Object>> creates = new ArrayList<>();
                for (String d : missing) {
                    Map<String, Object> account = new LinkedHashMap<>();
                    account.put("type", SalesforceFields.ACCOUNT);
                    account.put("Name", d);
                    account.put("Website", d);
                    creates.add(account);
                }
                List<SalesforceGateway.SaveResult> results = gateway.save(true, creates);
                for (int i = 0; i < missing.size(); i++) {
                    if (results.get(i).success()) {
                        accountByDomain.put(missing.get(i), results.get(i).id());
                    }
                }
            }
        }
        emailsByDomain.forEach((domain, emails) -> {
            String account = accountByDomain.get(domain);
            if (account != null) {
                emails.forEach(e -> byEmail.put(e, account));
            }
        });
        return byEmail;
    }

    private static void failed(ContactPlan plan, SalesforceGateway.SaveResult r) {
        plan.exchanged.clear();
        plan.detail.remove("sent");
        plan.errorCode = r.errorCode();
        plan.detail.put("error", r.errorCode() + ": " + r.message());
        if (r.transientError()) {
            plan.end(Ending.RETRY, Outcome.FAILED, "Salesforce answered " + r.errorCode() + " (" + r.message() + "); tried again later");
        } else if ("ENTITY_IS_DELETED".equals(r.errorCode())) {
            plan.deletedInSalesforce = true;
            plan.end(Ending.SKIPPED, Outcome.DELETED, "deleted in Salesforce: link cleared, not created again");
        } else {
            plan.end(Ending.FAILED, Outcome.FAILED, r.errorCode() + ": " + r.message());
        }
    }

    private void complete(SalesforceGateway gateway, String object, Instant started, int calls, List<ContactPlan> plans) {
        batches.complete(object, started, calls, plans);
        limits.record(calls);
        if (!held.isEmpty()) {
            held.removeAll(plans.stream().flatMap(p -> p.entryIds.stream()).toList());
            batches.renew(INSTANCE, held);
        }
    }

    private Map<ContactField, SyncMode> modes() {
        Map<ContactField, SyncMode> modes = new EnumMap<>(ContactField.class);
        for (ContactField f : ContactField.values()) {
            modes.put(f, FieldMapping.DEFAULT_MODE);
        }
        for (FieldMapping m : mappings.all()) {
            ContactField f = ContactField.byName(m.field());
            if (f != null) {
                modes.put(f, m.mode());
            }
        }
        return modes;
    }

    private static String key(SalesforceRecord r) {
        Object email = r.fields().get("Email");
        return email == null ? "" : email.toString().trim().toLowerCase(Locale.ROOT);
    }
}
