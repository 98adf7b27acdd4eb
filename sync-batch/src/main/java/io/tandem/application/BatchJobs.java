package io.tandem.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.Stateless;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/** The batch jobs an operator may start, and every recorded execution of Tandem's jobs. */
@Stateless
@RolesAllowed(Roles.VIEWER)
public class BatchJobs {

    /** Jobs started on request; the others are started by Tandem itself. */
    private static final Set<String> STARTABLE = Set.of("heartbeat");

    public record Execution(long id, String job, String status, String exitStatus, Instant created, Instant started,
                            Instant ended, Map<String, String> parameters, List<Step> steps) {
    }

    /** A step and its metrics; {@code progress}: the counts a step keeps as it goes (its own words), or null. */
    public record Step(String name, String status, Map<String, Long> metrics, Map<String, Long> progress) {
    }

    @RolesAllowed(Roles.OPERATOR)
    public Execution start(String job, Map<String, String> parameters) {
        if (job == null || !STARTABLE.contains(job)) {
            throw new InvalidRequestException("job", "must be one of " + STARTABLE);
        }
        Properties props = new Properties();
        if (parameters != null) {
            props.putAll(parameters);
        }
        return execution(operator().start(job, props));
    }

    /** Starts a failed or stopped execution again from its last checkpoint: the new execution. */
    @RolesAllowed(Roles.OPERATOR)
    public Execution restart(long id) {
        JobOperator operator = operator();
        try {
            JobExecution e = operator.getJobExecution(id);
            if (e.getBatchStatus() != jakarta.batch.runtime.BatchStatus.FAILED && e.getBatchStatus() != jakarta.batch.runtime.BatchStatus.STOPPED) {
                throw new ConflictException("status", "execution " + id + " is " + e.getBatchStatus() + "; only a failed or stopped one restarts");
            }
            Properties props = e.getJobParameters() == null ? new Properties() : e.getJobParameters();
            return execution(operator.restart(id, props));
        } catch (NoSuchJobExecutionException e) {
            throw new UnknownRecordException("job execution", id);
        } catch (jakarta.batch.operations.JobRestartException | jakarta.batch.operations.JobExecutionAlreadyCompleteException
                 | jakarta.batch.operations.JobExecutionNotMostRecentException e) {
            throw new ConflictException("id", "execution " + id + " cannot restart: " + e.getMessage());
        }
    }

    /** Asks a running execution to stop after its current chunk. */
    @RolesAllowed(Roles.OPERATOR)
    public Execution stop(long id) {
        try {
            operator().stop(id);
            return execution(id);
        } catch (NoSuchJobExecutionException e) {
            throw new UnknownRecordException("job execution", id);
        } catch (jakarta.batch.operations.JobExecutionNotRunningException e) {
            throw new ConflictException("status", "execution " + id + " is not running");
        }
    }

    public Execution execution(long id) {
        JobOperator operator = operator();
        try {
            JobExecution e = operator.getJobExecution(id);
            List<Step> steps = new ArrayList<>();
            for (StepExecution s : operator.getStepExecutions(id)) {
                Map<String, Long> metrics = new LinkedHashMap<>();
                for (Metric m : s.getMetrics()) {
                    metrics.put(m.getType().name(), m.getValue());
                }
                steps.add(new Step(s.getStepName(), s.getBatchStatus().name(), metrics, progress(s.getPersistentUserData())));
            }
            return new Execution(e.getExecutionId(), e.getJobName(), e.getBatchStatus().name(), e.getExitStatus(),
                    instant(e.getCreateTime()), instant(e.getStartTime()), instant(e.getEndTime()),
                    parameters(e.getJobParameters()), steps);
        } catch (NoSuchJobExecutionException e) {
            throw new UnknownRecordException("job execution", id);
        }
    }

    /**
     * Every execution of every job, newest first, a page at a time: the total counts them all, the cursor
     * goes on after the last one shown. Only the page's executions are read in full.
     */
    public Page<Execution> recent(String cursor, Integer limit) {
        int n = Cursors.limit(limit);
        long before = Cursors.read(cursor);
        JobOperator operator = operator();
        List<Long> ids = new ArrayList<>();
        for (String name : operator.getJobNames()) {
            try {
                for (JobInstance instance : instancesOf(operator, name)) {
                    operator.getJobExecutions(instance).forEach(e -> ids.add(e.getExecutionId()));
                }
            } catch (NoSuchJobException e) {
                // a job name without instances
            }
        }
        ids.sort(Comparator.reverseOrder());
        List<Long> rest = ids.stream().filter(id -> before == 0 || id < before).toList();
        List<Execution> items = rest.stream().limit(n).map(this::execution).toList();
        return new Page<>(items, ids.size(), rest.size() > n ? Cursors.after(items.get(n - 1).id()) : null);
    }

    /**
     * A job's instances. While one is being started the batch runtime has its instance but not yet its status,
     * and fails inside with a NullPointerException for that moment: read again, a few times, a little later.
     */
    private static List<JobInstance> instancesOf(JobOperator operator, String name) {
        for (int attempt = 1; ; attempt++) {
            try {
                return operator.getJobInstances(name, 0, operator.getJobInstanceCount(name));
            } catch (NullPointerException startingNow) {
                if (attempt == 5) {
                    throw startingNow;
                }
                try {
                    Thread.sleep(20L * attempt);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw startingNow;
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> progress(java.io.Serializable kept) {
        if (!(kept instanceof Map<?, ?> m) || m.values().stream().anyMatch(v -> !(v instanceof Long))) {
            return null;
        }
        return Map.copyOf((Map<String, Long>) m);
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }

    private static Map<String, String> parameters(Properties props) {
        Map<String, String> map = new LinkedHashMap<>();
        if (props != null) {
            props.stringPropertyNames().stream().sorted().forEach(k -> map.put(k, props.getProperty(k)));
        }
        return map;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
