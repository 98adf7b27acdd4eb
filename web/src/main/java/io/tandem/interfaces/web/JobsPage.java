package io.tandem.interfaces.web;

import io.tandem.application.BatchJobs;
import io.tandem.application.InboundSync;
import io.tandem.application.Page;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The jobs page (§8): every execution of Tandem's jobs (the Salesforce import, CSV imports, backfills,
 * campaign links, pushes), newest first, with its status, step metrics and progress; operators stop a
 * running one, restart a failed or stopped one, and import from Salesforce again.
 */
@Named
@RequestScoped
public class JobsPage {

    private static final int SHOWN = 50;

    /** One execution as a row shows it. */
    public static final class Row {
        private final BatchJobs.Execution e;
        private final int percent;

        Row(BatchJobs.Execution e, int percent) {
            this.e = e;
            this.percent = percent;
        }

        public long getId() {
            return e.id();
        }

        public String getJob() {
            return e.job();
        }

        public String getStatus() {
            return e.status();
        }

        public String getExitStatus() {
            return e.exitStatus() == null || e.exitStatus().equals(e.status()) ? "" : e.exitStatus();
        }

        public String getStarted() {
            return Shown.time(e.started());
        }

        public String getEnded() {
            return Shown.time(e.ended());
        }

        /** 0–100; -1 while it runs without a known total. */
        public int getPercent() {
            return percent;
        }

        public boolean isRunning() {
            return e.status().equals("STARTED") || e.status().equals("STARTING");
        }

        public boolean isRestartable() {
            return e.status().equals("FAILED") || e.status().equals("STOPPED");
        }

        /** Each step: its status, read/write counts and the counts it keeps itself. */
        public String getSteps() {
            return e.steps().stream().map(s -> s.name() + " " + s.status().toLowerCase()
                    + (s.metrics().getOrDefault("READ_COUNT", 0L) > 0 ? ", " + s.metrics().get("READ_COUNT") + " read, "
                    + s.metrics().getOrDefault("WRITE_COUNT", 0L) + " written" : "")
                    + (s.progress() == null ? "" : " " + s.progress().entrySet().stream().map(p -> p.getKey() + " " + p.getValue())
                    .collect(Collectors.joining(", ", "(", ")")))).collect(Collectors.joining("; "));
        }
    }

    @Inject
    BatchJobs jobs;
    @Inject
    InboundSync inbound;

    private List<Row> rows;
    private long total;

    @PostConstruct
    void load() {
        InboundSync.ImportView imported = inbound.status();
        Page<BatchJobs.Execution> recent = jobs.recent(null, SHOWN);
        total = recent.total();
        rows = recent.items().stream().map(e -> new Row(e, percent(e, imported))).toList();
    }

    private static int percent(BatchJobs.Execution e, InboundSync.ImportView imported) {
        if (e.status().equals("COMPLETED")) {
            return 100;
        }
        if (e.job().equals("salesforce-import") && imported.executionId() != null && imported.executionId() == e.id() && imported.total() > 0) {
            return (int) Math.min(99, imported.done() * 100 / imported.total());
        }
        return e.status().equals("STARTED") || e.status().equals("STARTING") ? -1 : 0;
    }

    public List<Row> getRows() {
        return rows;
    }

    public long getTotal() {
        return total;
    }

    public void stop(long id) {
        Messages.call("Execution " + id + " asked to stop", () -> jobs.stop(id));
        load();
    }

    /** The Salesforce import resumes through its own service (it keeps its progress); other jobs restart as they are. */
    public void restart(long id, String job) {
        if (job.equals("salesforce-import")) {
            Messages.call("The Salesforce import goes on from where it stopped", () -> inbound.start(false, Map.of()));
        } else {
            Messages.call("Execution " + id + " restarted", () -> jobs.restart(id));
        }
        load();
    }

    /** Reads everything from Salesforce again (the import, fresh). */
    public void importAgain() {
        Messages.call("The Salesforce import started again", () -> inbound.start(true, Map.of()));
        load();
    }
}
