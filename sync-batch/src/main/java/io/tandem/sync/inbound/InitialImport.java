package io.tandem.sync.inbound;

import io.tandem.domain.model.sync.SyncSettingsRepository;
import io.tandem.sync.outbound.ApiLimits;
import io.tandem.domain.model.sync.InboundState;
import io.tandem.domain.service.SalesforceOrg;
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
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The initial import's life: started, resumed, stopped, and started by itself for a connection never
 * imported or an import a crash cut off. The import is the {@code salesforce-import} batch job; every
 * change of its state happens while no poll runs, on any instance.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InitialImport {

    public static final String JOB = "salesforce-import";
    /** Executions this JVM started, which it can stop. */
    private static final Set<Long> STARTED_HERE = ConcurrentHashMap.newKeySet();
    /** How long a launched import counts as alive before its job has taken the import's lock. */
    private static final Duration LAUNCH_GRACE = Duration.ofSeconds(30);
    private static final Set<String> PARAMETERS = Set.of("chunkSize", "bulkThreshold");
    /** Tries in a row that ended waiting, for the backoff (per instance; the import's lock keeps to one at a time). */
    private static final AtomicInteger WAITS = new AtomicInteger();

    @Inject
    InboundState state;
    @Inject
    InboundPoller poller;
    @Inject
    SalesforceOrg org;
    @Inject
    ImportLock lock;
    @Inject
    ApiLimits limits;
    @Inject
    SyncSettingsRepository settings;

    /**
     * Starts the initial import; after one that did not complete (failed, stopped, or cut off by a
     * crash) it resumes from the last committed record unless {@code fresh}. A completed import is
     * done again from the beginning only when {@code fresh}.
     */
    public void start(boolean fresh, Map<String, String> parameters) {
        if (org.gateway().isEmpty()) {
            throw ImportRefusedException.notSetUp("no Salesforce connection is configured: save one in Settings → Connection");
        }
        Properties props = new Properties();
        if (parameters != null) {
            parameters.forEach((k, v) -> {
                if (PARAMETERS.contains(k)) {
                    props.setProperty(k, v);
                }
            });
        }
        poller.whileNoPollRuns(() -> {
            InboundState.ImportStatus s = state.importStatus();
            if (s.isRunning() && isAlive(s)) {
                throw ImportRefusedException.conflict("the import is running (execution " + s.executionId() + "); stop it first");
            }
            if (s.isDone() && !fresh) {
                throw ImportRefusedException.conflict("the initial import has completed and the poll keeps Tandem current; "
                        + "POST with ?fresh=true to read everything again");
            }
            return launch(fresh || s.isNone(), s, props);
        });
    }

    public void stop() {
        InboundState.ImportStatus s = state.importStatus();
        if (!s.isRunning() || s.executionId() == null) {
            throw ImportRefusedException.conflict("the import is not running");
        }
        if (runsHere(s.executionId())) {
            operator().stop(s.executionId());
        } else if (isAlive(s)) {
            throw ImportRefusedException.conflict("another Tandem instance runs the import (execution " + s.executionId()
                    + "); stop it there");
        } else {
            state.executionCutOff(s.executionId());
            state.importEnded("STOPPED", "cut off by a restart of the server; POST /api/sync/import resumes it");
        }
    }

    /**
     * Called by the timers: a connection never imported starts its initial import, and an import the
     * server's crash cut off goes on from its last commit.
     */
    public void startOrResumeByItself() {
        InboundState.ImportStatus seen = state.importStatus();
        boolean fresh = seen.isNone();
        boolean waiting = ImportWaits.WAITING.equals(seen.status());
        if (!waiting) {
            WAITS.set(0);
        } else if (!waitIsOver(seen)) {
            return;
        }
        if ((!fresh && !waiting && !(seen.isRunning() && !isAlive(seen))) || org.gateway().isEmpty()) {
            return;
        }
        poller.whileNoPollRuns(() -> {
            InboundState.ImportStatus s = state.importStatus();
            if (!s.status().equals(seen.status()) || !Objects.equals(s.executionId(), seen.executionId())
                    || (s.isRunning() && isAlive(s))) {
                return null;
            }
            return launch(fresh, s, new Properties());
        });
    }

    /**
     * A waiting import goes on once its backoff has passed and the API limits leave room (a try that meets
     * Salesforce still down simply waits again, longer).
     */
    private boolean waitIsOver(InboundState.ImportStatus s) {
        Instant ended = s.finishedAt() == null ? Instant.EPOCH : s.finishedAt();
        if (Instant.now().isBefore(ImportWaits.nextTry(ended, Math.max(1, WAITS.get())))) {
            return false;
        }
        var gateway = org.gateway();
        if (gateway.isEmpty() || limits.pausedReason(gateway.get(), settings.current()) != null) {
            return false;
        }
        WAITS.incrementAndGet();
        return true;
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
