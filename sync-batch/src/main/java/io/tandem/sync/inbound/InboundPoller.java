package io.tandem.sync.inbound;

import io.tandem.domain.model.sync.InboundState;
import io.tandem.domain.service.SalesforceFieldNames;
import io.tandem.sync.SalesforceDescribes;
import io.tandem.domain.model.sync.SyncSettings;
import io.tandem.domain.model.sync.SyncSettingsRepository;
import io.tandem.domain.model.sync.Watermark;
import io.tandem.domain.service.SalesforceGateway;
import io.tandem.domain.service.ClusterLocks;
import io.tandem.domain.service.SalesforceFailure;
import io.tandem.domain.service.SalesforceOrg;
import io.tandem.sync.outbound.ApiLimits;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The incremental poll: asks in one call whether Accounts, Contacts or Leads changed after their
 * watermarks, then reads each changed object's changes (deletions and merges included) a page at a
 * time, each page its own transaction. One poll at a time across every Tandem instance on the database
 * (a MariaDB named lock, released if the holder dies). Waits for the initial import, a connection, and
 * room under the API limits.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InboundPoller {

    private static final Logger LOG = Logger.getLogger(InboundPoller.class.getName());
    private static final int PAGE = 2000;
    private static final String LOCK = "tandem.inbound-poll";
    /** Salesforce stamps to the second: a second is read once it has ended (and late commits in it have landed). */
    private static final Duration SETTLE = Duration.ofSeconds(2);

    /** What a poll did, in words and numbers. */
    public record PollResult(Instant at, String outcome, Map<String, Integer> records, int apiCalls) {
    }

    @Inject
    SalesforceFieldNames fieldNames;
    @Inject
    SalesforceDescribes describes;
    @Inject
    InboundState state;
    @Inject
    InboundBatches batches;
    @Inject
    SalesforceOrg access;
    @Inject
    SyncSettingsRepository settings;
    @Inject
    PollHistory history;
    @Inject
    ApiLimits limits;
    @Inject
    ClusterLocks locks;

    public PollResult poll(String trigger) {
        Instant at = Instant.now();
        Optional<ClusterLocks.Held> lock;
        try {
            lock = locks.acquire(LOCK, Duration.ZERO);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The inbound poll could not take its lock", e);
            return history.record(new PollResult(at, "failed: " + e.getMessage(), Map.of(), 0));
        }
        if (lock.isEmpty()) {
            return history.record(new PollResult(at, "skipped: another poll is running", Map.of(), 0));
        }
        try (ClusterLocks.Held held = lock.get()) {
            return history.record(pollLocked(trigger, at));
        }
    }

    private PollResult pollLocked(String trigger, Instant at) {
        if (!state.importStatus().isDone()) {
            return new PollResult(at, "waiting: the initial import has not completed", Map.of(), 0);
        }
        SalesforceGateway gateway = access.gateway().orElse(null);
        if (gateway == null) {
            return new PollResult(at, "waiting: no Salesforce connection is configured", Map.of(), 0);
        }
        SyncSettings current = settings.current();
        String paused = limits.pausedReason(gateway, current);
        if (paused != null) {
            return new PollResult(at, "paused: " + paused, Map.of(), 0);
        }
        Map<String, Watermark> watermarks = new LinkedHashMap<>();
        state.watermarks().forEach((object, w) -> {
            if (current.reads(object)) {
                watermarks.put(object, w);
            }
        });
        if (watermarks.isEmpty()) {
            return new PollResult(at, "off: no object is synced inbound", Map.of(), 0);
        }
        long callsBefore = gateway.callsSent();
        try {
            return read(gateway, trigger, at, watermarks, callsBefore);
        } finally {
            limits.record((int) (gateway.callsSent() - callsBefore));
        }
    }

    private PollResult read(SalesforceGateway gateway, String trigger, Instant at, Map<String, Watermark> watermarks, long callsBefore) {
        Map<String, Integer> records = new LinkedHashMap<>();
        String object = null;
        try {
            Instant settled = settledNow();
            Map<String, Boolean> changed = gateway.anyChanges(watermarks, settled);
            for (Map.Entry<String, Watermark> e : watermarks.entrySet()) {
                if (!changed.getOrDefault(e.getKey(), false)) {
                    continue;
                }
                object = e.getKey();
                Watermark w = e.getValue();
                // the mappings are read once an object and poll, not once a page
                List<String> fields = fieldNames.selected(object);
                while (true) {
                    Instant started = Instant.now();
                    long before = gateway.callsSent();
                    SalesforceGateway.Changes page = gateway.changedSince(object, fields, w, settled, PAGE);
                    if (page.records().isEmpty()) {
                        break;
                    }
                    batches.apply(object, page.records(), page.next(), trigger, started, (int) (gateway.callsSent() - before));
                    records.merge(object, page.records().size(), Integer::sum);
                    w = page.next();
                    if (!page.more()) {
                        break;
                    }
                }
            }
        } catch (SalesforceFailure e) {
            int calls = (int) (gateway.callsSent() - callsBefore);
            boolean fieldsChanged = describes.forgetIfFieldsChanged(e.errorCode());
            batches.failed(object == null ? "All" : object, trigger, at, calls, "Salesforce answered " + e.getMessage()
                    + (e.isTransient() ? "; the next poll tries again from the same place" : "")
                    + (fieldsChanged ? "; a mapped field may be gone from the org: check the field mappings" : ""));
            return new PollResult(at, "failed: " + e.getMessage(), records, calls);
        }
        return new PollResult(at, records.isEmpty() ? "nothing changed" : "applied", records, (int) (gateway.callsSent() - callsBefore));
    }

    /** The end of the last second that is surely over, as far as reads are concerned. */
    public static Instant settledNow() {
        return Instant.now().minus(SETTLE).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    /**
     * Runs the work while no poll runs, in any instance (waiting up to 30 s for one to end): what changes
     * the import's state holds the poll's lock, so a poll never reads beside a starting import.
     */
    public <T> T whileNoPollRuns(java.util.function.Supplier<T> work) {
        try (ClusterLocks.Held held = locks.acquire(LOCK, Duration.ofSeconds(30)).orElseThrow(
                () -> new IllegalStateException("a poll has held the inbound lock for more than 30 s"))) {
            return work.get();
        }
    }
}
