package io.tandem.interfaces.web;

import io.tandem.application.InvalidRequestException;
import io.tandem.application.Page;
import io.tandem.application.SyncLogs;
import io.tandem.application.SyncReplay;
import io.tandem.application.UnknownRecordException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The sync logs page (§8): the newest batches, filtered by direction, object and status; with
 * {@code entry}, one batch and its records, filtered by outcome. A bad filter shows its reason on the
 * page instead of the list.
 */
@Named
@RequestScoped
public class SyncLogsPage {

    private static final int ENTRIES = 50;
    private static final int RECORDS = 200;
    private static final Jsonb JSON = JsonbBuilder.create();

    /** A batch as the list shows it. */
    public static final class EntryRow {
        private final SyncLogs.Entry e;

        EntryRow(SyncLogs.Entry e) {
            this.e = e;
        }

        public long getId() {
            return e.id();
        }

        public String getDirection() {
            return e.direction();
        }

        public String getObject() {
            return e.object();
        }

        public String getTrigger() {
            return e.trigger();
        }

        public String getStarted() {
            return Shown.time(e.startedAt());
        }

        public long getDurationMs() {
            return e.durationMs();
        }

        public String getStatus() {
            return e.status();
        }

        public int getFailedCount() {
            return e.failed();
        }

        public String getCounts() {
            return e.created() + " created, " + e.updated() + " updated, " + e.unchanged() + " unchanged, " + e.skipped()
                    + " skipped, " + e.failed() + " failed" + (e.conflicts() > 0 ? ", " + e.conflicts() + " conflicts" : "");
        }

        public int getApiCalls() {
            return e.apiCalls();
        }

        public String getMessage() {
            return e.message() == null ? "" : e.message();
        }
    }

    /** One record of a batch: what happened to it and why. */
    public static final class RecordRow {
        private final SyncLogs.RecordLine r;

        RecordRow(SyncLogs.RecordLine r) {
            this.r = r;
        }

        public String getSalesforceId() {
            return r.salesforceId() == null ? "" : r.salesforceId();
        }

        public String getContact() {
            return r.contactId() == null ? "" : String.valueOf(r.contactId());
        }

        public String getOutcome() {
            return r.outcome();
        }

        public String getReason() {
            return r.reason() == null ? "" : r.reason();
        }

        public String getDetail() {
            return r.detail() == null || r.detail().isEmpty() ? "" : JSON.toJson(r.detail());
        }
    }

    @Inject
    SyncLogs logs;
    @Inject
    SyncReplay replay;

    private Map<String, String> params;
    private String error;
    private EntryRow entry;
    private List<EntryRow> entries = List.of();
    private List<RecordRow> records = List.of();
    private long total;
    private String next;

    @PostConstruct
    void load() {
        params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        try {
            String id = blankToNull(params.get("entry"));
            if (id == null) {
                Page<SyncLogs.Entry> page = logs.entries(new SyncLogs.Filter(param("direction"), param("object"), param("status"), param("from"), param("to"),
                                param("contact")),
                        param("cursor"), ENTRIES);
                entries = page.items().stream().map(EntryRow::new).toList();
                total = page.total();
                next = page.next();
            } else {
                entry = new EntryRow(logs.entry(parseId(id)));
                Page<SyncLogs.RecordLine> page = logs.records(entry.getId(), param("outcome"), param("cursor"), RECORDS);
                records = page.items().stream().map(RecordRow::new).toList();
                total = page.total();
                next = page.next();
            }
        } catch (InvalidRequestException e) {
            error = e.field() + ": " + e.getMessage();
        } catch (UnknownRecordException e) {
            error = e.getMessage();
        }
    }

    private static long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("entry", "must be the number of a log entry");
        }
    }

    private String param(String name) {
        return blankToNull(params.get(name));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Whether a record of this batch can be replayed alone: a contact's, that failed. */
    public boolean isContactBatch() {
        return entry != null && (entry.getObject().equals("Lead") || entry.getObject().equals("Contact"));
    }

    /** One failed contact of the batch back in the queue (operators). */
    public void replayRecord(String contactId) {
        long logId = entry.getId();
        Messages.call("Contact " + contactId + " is queued again", () -> {
            if (replay.replayRecord(logId, Long.parseLong(contactId)).requeued() == 0) {
                throw new InvalidRequestException("contact", "nothing of contact " + contactId + " failed in batch " + logId + " (replayed already?)");
            }
        });
    }

    /** The batch's failed entries back in the queue (operators). */
    public void replayBatch() {
        long logId = entry.getId();
        Messages.call("The batch's failed entries are queued again", () -> {
            int n = replay.replay(new SyncReplay.Request(null, logId, null, null)).requeued();
            Messages.info(n + " entr" + (n == 1 ? "y" : "ies") + " queued again");
        });
    }

    public String getError() {
        return error;
    }

    public EntryRow getEntry() {
        return entry;
    }

    public List<EntryRow> getEntries() {
        return entries;
    }

    public List<RecordRow> getRecords() {
        return records;
    }

    public long getTotal() {
        return total;
    }

    public String getDirection() {
        return shown("direction");
    }

    public String getObject() {
        return shown("object");
    }

    public String getOutcome() {
        return shown("outcome");
    }

    public String getStatus() {
        return shown("status");
    }

    public String getFrom() {
        return shown("from");
    }

    public String getTo() {
        return shown("to");
    }

    public String getContact() {
        return shown("contact");
    }

    /** Whether the list shows a time window, which can be replayed as a whole. */
    public boolean isWindow() {
        return param("from") != null || param("to") != null;
    }

    /** Every failed entry of the window (from / to) back in the queue (operators). */
    public void replayWindow() {
        String from = param("from");
        String to = param("to");
        Messages.call("The window's failed entries are queued again", () -> {
            int n = replay.replay(new SyncReplay.Request(null, null, from, to)).requeued();
            Messages.info(n + " entr" + (n == 1 ? "y" : "ies") + " queued again");
        });
    }

    /** A filter as the form shows it again: empty when not given. */
    private String shown(String name) {
        String value = param(name);
        return value == null ? "" : value;
    }

    /** The query string of the next page, the filters kept; empty on the last page. */
    public String getNextQuery() {
        if (next == null) {
            return "";
        }
        StringBuilder q = new StringBuilder("cursor=").append(enc(next));
        for (String name : List.of("entry", "direction", "object", "status", "outcome", "from", "to", "contact")) {
            if (param(name) != null) {
                q.append('&').append(name).append('=').append(enc(param(name)));
            }
        }
        return q.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
