package io.tandem.sync.outbound;

import io.tandem.domain.model.sync.Outbox;
import io.tandem.domain.model.sync.RecordType;
import io.tandem.domain.model.sync.SyncSettings;
import io.tandem.domain.model.sync.SyncSettingsRepository;
import io.tandem.domain.service.SalesforceFailure;
import io.tandem.domain.service.SalesforceFieldNames;
import io.tandem.sync.SalesforceDescribes;
import io.tandem.domain.service.SalesforceGateway;
import io.tandem.domain.service.SalesforceOrg;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The drain (§5): claims up to 1,000 entries at a time in the order the changes were made and hands
 * each kind's entries to its {@link OutboundKind}, which coalesces them per record, reads Salesforce's
 * current values per 200, decides field by field (§3) and writes (one call per 200, allOrNone false).
 * No transaction is open across a call to Salesforce: claims, reads and the outcome of each batch are
 * transactions of their own ({@link OutboundBatches}), and a lease on the claimed rows stands in for a
 * held lock, so a dead instance's entries go back to the queue. It goes on while entries wait and the
 * limits allow, for at most a minute per tick.
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
    Outbox outbox;
    @Inject
    SalesforceOrg org;
    @Inject
    SalesforceFieldNames fieldNames;
    @Inject
    SalesforceDescribes describes;
    @Inject
    SyncSettingsRepository settingsRepository;
    @Inject
    ApiLimits limits;
    @Inject
    DrainStatus status;
    @Inject
    @Any
    Instance<OutboundKind> kinds;

    /** Whether a full Salesforce call's worth of changes waits: reason enough to drain before the cadence is due. */
    public boolean fullCallWaiting() {
        return outbox.hasWaiting(DrainRound.CALL);
    }

    /** Drains until the queue is empty, the limits say stop, Salesforce fails, or the time budget is spent. */
    public void drain() {
        SalesforceGateway gateway = org.gateway().orElse(null);
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
            List<Outbox.Claimed> claimed = batches.claim(INSTANCE, CLAIM);
            if (claimed.isEmpty()) {
                status.drained(sent);
                return;
            }
            DrainRound round = new DrainRound(gateway, settings, fieldNames.mapped(), describes, batches, limits, claimed);
            int attempts = claimed.stream().mapToInt(Outbox.Claimed::attempts).max().orElse(0);
            try {
                sent += send(round, claimed);
            } catch (DrainRound.LimitReached e) {
                round.putBack();
                status.paused(e.getMessage());
                LOG.log(Level.INFO, "Outbound sync paused between batches: {0}", e.getMessage());
                return;
            } catch (SalesforceFailure e) {
                describes.forgetIfFieldsChanged(e.errorCode());
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

    /** Each kind's entries to its sender, in the senders' order; entries of a kind nothing sends are skipped. */
    private int send(DrainRound round, List<Outbox.Claimed> claimed) {
        Map<RecordType, List<Outbox.Claimed>> byKind = new EnumMap<>(RecordType.class);
        claimed.forEach(e -> byKind.computeIfAbsent(e.kind(), k -> new ArrayList<>()).add(e));
        int sent = 0;
        List<OutboundKind> senders = kinds.stream().sorted(Comparator.comparingInt(OutboundKind::order)).toList();
        for (OutboundKind sender : senders) {
            List<Outbox.Claimed> entries = byKind.remove(sender.kind());
            if (entries != null) {
                sent += sender.send(round, entries);
            }
        }
        byKind.forEach((kind, entries) -> round.skipAll(kind.name(), entries, "Tandem has no sender for " + kind + " changes yet"));
        return sent;
    }
}
