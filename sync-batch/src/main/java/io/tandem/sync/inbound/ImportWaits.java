package io.tandem.sync.inbound;

import io.tandem.domain.service.SalesforceFailure;
import jakarta.batch.runtime.context.JobContext;

import java.time.Duration;
import java.time.Instant;

/**
 * An import that stopped for a reason that passes (Salesforce not answering, the API limit reached)
 * waits instead of failing, and goes on by itself from its last commit: after 30 s, then twice as long
 * after each further try that meets the same, up to 10 minutes (as the drain backs off). Its exit
 * status carries the cause from the step that met it to the listener that writes the import's state.
 */
public final class ImportWaits {

    /** The import's status while it waits to go on by itself. */
    public static final String WAITING = "WAITING";
    /** Exit-status prefix of an execution that ended to wait. */
    public static final String WAIT = "WAIT: ";
    /** Exit-status prefix of an execution that failed for good, with its cause. */
    public static final String FAILED = "FAILED: ";
    static final Duration FIRST = Duration.ofSeconds(30);
    static final Duration LONGEST = Duration.ofMinutes(10);

    private ImportWaits() {
    }

    /** The exit status for a Salesforce failure: a wait when it passes by itself, a failure otherwise. */
    public static String exitStatus(SalesforceFailure f) {
        String cause = "Salesforce answered " + f.getMessage();
        return (f.isTransient() ? WAIT : FAILED) + cause;
    }

    /** Notes the failure's cause on the job (for its listener) and gives it back to be thrown. */
    public static SalesforceFailure noted(JobContext job, SalesforceFailure f) {
        job.setExitStatus(exitStatus(f));
        return f;
    }

    /** Ends the step to wait when the API limits leave no room ({@code paused} says why; null: there is room). */
    public static void stopIfPaused(JobContext job, String paused) {
        if (paused != null) {
            job.setExitStatus(WAIT + "paused at the API limit: " + paused);
            throw new IllegalStateException("the import pauses at the API limit: " + paused);
        }
    }

    /** When the next try may start, after {@code tries} tries that ended waiting, the last at {@code endedAt}. */
    public static Instant nextTry(Instant endedAt, int tries) {
        Duration wait = FIRST.multipliedBy(1L << Math.min(Math.max(tries - 1, 0), 10));
        return endedAt.plus(wait.compareTo(LONGEST) > 0 ? LONGEST : wait);
    }
}
