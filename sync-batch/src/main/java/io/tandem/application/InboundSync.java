package io.tandem.application;

import io.tandem.sync.SalesforceAccess;
import io.tandem.sync.inbound.ImportLock;
import io.tandem.sync.inbound.InboundPoller;
import io.tandem.sync.inbound.InboundState;
import io.tandem.sync.inbound.PollHistory;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Salesforce → Tandem as operators drive it: the initial import (start, resume, stop, progress) and a
 * poll on request. The import is the {@code salesforce-import} batch job; the poll runs by itself every
 * poll interval once the import has completed.
 */
@Stateless
@RolesAllowed(Roles.VIEWER)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InboundSync {

    public static final String JOB = "salesforce-import";
    /** Executions this JVM started, which it can stop. */
    private static final Set<Long> STARTED_HERE = ConcurrentHashMap.newKeySet();
    /** How long a launched import counts as alive before its job has taken the import's lock. */
    private static final Duration LAUNCH_GRACE = Duration.ofSeconds(30);

    /** The import as the API shows it, with how far each object has been read. */
    public record ImportView(String status, Long executionId, long total, long done, String message, Instant startedAt,
                             Instant finishedAt, Map<String, Position> readUpTo) {
    }

    /** How far one object has been read: the SystemModstamp and Id of the last record. */
    public record Position(Instant systemModstamp, String lastId) {
    }

    /** A poll: when, what came of it, records read per object, API calls. */
    public record PollView(Instant at, String outcome, Map<String, Integer> records, int apiCalls) {

        static PollView of(InboundPoller.PollResult r) {
            return r == null ? null : new PollView(r.at(), r.outcome(), r.records(), r.apiCalls());
        }
    }

    @Inject
    InboundState state;
    @Inject
    InboundPoller poller;
    @Inject
    PollHistory history;
    @Inject
    SalesforceAccess access;
    @Inject
    ImportLock lock;

    public ImportView status() {
        InboundState.ImportStatus s = state.importStatus();
        Map<String, Position> positions = new java.util.LinkedHashMap<>();
        state.watermarks().forEach((object, w) -> positions.put(object, w.isBeginning() ? null : new Position(w.systemModstamp(), w.id())));
        return new ImportView(s.status(), s.executionId(), s.total(), s.done(), s.message(), s.startedAt(), s.finishedAt(),
                positions);
    }

    /**
     * Starts the initial import; after one that did not complete (failed, stopped, or cut off by a
     * crash) it resumes from the last committed record unless {@code fresh}. A completed import is
     * done again from the beginning only when {@code fresh}.
     */
    @RolesAllowed(Roles.OPERATOR)
    public ImportView start(boolean fresh, Map<String, String> parameters) {
        if (access.gateway().isEmpty()) {
            throw new InvalidRequestException("connection", "no Salesforce connection is configured: save one in Settings → Connection");
        }
        Properties props = new Properties();
        if (parameters != null) {
            parameters.forEach((k, v) -> {
                if (Set.of("chunkSize", "bulkThreshold").contains(k)) {
                    props.setProperty(k, v);
                }
            });
        }
        poller.whileNoPollRuns(() -> {
            InboundState.ImportStatus s = state.importStatus();
            if (s.isRunning() && isAlive(s)) {
                throw new ConflictException("import", "the import is running (execution " + s.executionId() + "); stop it first");
            }
            if (s.isDone() && !fresh) {
                throw new ConflictException("import", "the initial import has completed and the poll keeps Tandem current; "
                        + "POST with ?fresh=true to read everything again");
            }
            return launch(fresh || "NONE".equals(s.status()), s, props);
        });
        return status();
    }

    @RolesAllowed(Roles.OPERATOR)
    public ImportView stop() {
        InboundState.ImportStatus s = state.importStatus();
        if (!s.isRunning() || s.executionId() == null) {
            throw new ConflictException("import", "the import is not running");
        }
        if (runsHere(s.executionId())) {
            operator().stop(s.executionId());
        } else if (isAlive(s)) {
            throw new ConflictException("import", "another Tandem instance runs the import (execution " + s.executionId()
                    + "); stop it there");
        } else {
            state.executionCutOff(s.executionId());
            state.importEnded("STOPPED", "cut off by a restart of the server; POST /api/sync/import resumes it");
        }
        return status();
    }

    @RolesAllowed(Roles.OPERATOR)
    public PollView pollNow() {
        return PollView.of(poller.poll("manual"));
    }

    public PollView lastPoll() {
        return PollView.of(history.last());
    }

    /**
     * Called by the timers, without a caller: a connection never imported starts its initial import, and an
     * import the server's crash cut off goes on from its last commit.
     */
    @PermitAll
    public void startOrResumeByItself() {
        InboundState.ImportStatus seen = state.importStatus();
        boolean fresh = "NONE".equals(seen.status());
        if ((!fresh && !(seen.isRunning() && !isAlive(seen))) || access.gateway().isEmpty()) {
            return;
        }
        poller.whileNoPollRuns(() -> {
            InboundState.ImportStatus s = state.importStatus();
            if (!s.status().equals(seen.status()) || !java.util.Objects.equals(s.executionId(), seen.executionId())
                    || (s.isRunning() && isAlive(s))) {
                return null;
            }
            return launch(fresh, s, new Properties());
        });
    }

    /**
     * Launches the job, the row saying so first: from then on every instance sees the import alive, so
     * none launches a second one. A fresh import starts from the beginning of every object. An import
     * still RUNNING here is dead (the callers checked): its execution is marked abandoned.
     */
    private long launch(boolean fresh, InboundState.ImportStatus before, Properties props) {
        if (before.isRunning() && before.executionId() != null) {
            state.executionCutOff(before.executionId());
        }
        if (fresh) {
            state.resetAll();
        }
        state.importLaunched(fresh);
        try {
            long execution = operator().start(JOB, props);
            STARTED_HERE.add(execution);
            state.importExecution(execution);
            return execution;
        } catch (RuntimeException e) {
            state.importEnded("FAILED", "the import could not be started: " + e.getMessage());
            throw e;
        }
    }

    /**
     * Whether an import runs now on any instance: its job holds the import's lock, or it was launched
     * moments ago and has yet to take it. A RUNNING row with neither was cut off by a crash.
     */
    private boolean isAlive(InboundState.ImportStatus s) {
        return runsHere(s.executionId()) || lock.heldAnywhere()
                || (s.launchedAt() != null && s.launchedAt().isAfter(Instant.now().minus(LAUNCH_GRACE)));
    }

    private static boolean runsHere(Long executionId) {
        if (executionId == null || !STARTED_HERE.contains(executionId)) {
            return false;
        }
        try {
            BatchStatus status = operator().getJobExecution(executionId).getBatchStatus();
            return status == BatchStatus.STARTING || status == BatchStatus.STARTED || status == BatchStatus.STOPPING;
        } catch (NoSuchJobExecutionException e) {
            return false;
        }
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
