package io.tandem.interfaces.web;

import io.tandem.application.Conflicts;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The conflicts inbox page: each open conflict with both values and times and what was kept; an operator
 * keeps it or sends the other value, one at a time or the ticked ones at once.
 */
@Named
@ViewScoped
public class ConflictsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One conflict as a row shows it. */
    public static final class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        private final long id;
        private final long contactId;
        private final String email;
        private final String field;
        private final String tandem;
        private final String salesforce;
        private final String kept;
        private final String reason;
        private boolean ticked;

        Row(Conflicts.ConflictView c) {
            id = c.id();
            contactId = c.contactId();
            email = c.email();
            field = c.field();
            tandem = shown(c.tandemValue()) + " (" + Shown.time(c.tandemAt()) + ")";
            salesforce = shown(c.salesforceValue()) + " (" + Shown.time(c.salesforceAt()) + ")";
            kept = c.kept();
            reason = c.reason();
        }

        private static String shown(String v) {
            return v == null ? "empty" : "\"" + v + "\"";
        }

        public long getId() {
            return id;
        }

        public long getContactId() {
            return contactId;
        }

        public String getEmail() {
            return email;
        }

        public String getField() {
            return field;
        }

        public String getTandem() {
            return tandem;
        }

        public String getSalesforce() {
            return salesforce;
        }

        public String getKept() {
            return kept;
        }

        public String getReason() {
            return reason;
        }

        public String getOtherLabel() {
            return kept.equals("salesforce") ? "Send Tandem's value" : "Take Salesforce's value";
        }

        public boolean isTicked() {
            return ticked;
        }

        public void setTicked(boolean ticked) {
            this.ticked = ticked;
        }
    }

    @Inject
    Conflicts conflicts;

    private List<Row> rows;
    private long total;

    @PostConstruct
    void load() {
        var page = conflicts.list(true, null, 200);
        rows = page.items().stream().map(Row::new).toList();
        total = page.total();
    }

    public List<Row> getRows() {
        return rows;
    }

    public long getTotal() {
        return total;
    }

    public void keep(long id) {
        Messages.call("Conflict " + id + " kept as it is", () -> conflicts.resolve(List.of(id), "keep"));
        load();
    }

    public void sendOther(long id) {
        Messages.call("Conflict " + id + ": the other value is on its way", () -> conflicts.resolve(List.of(id), "send_other"));
        load();
    }

    public void keepTicked() {
        bulk("keep");
    }

    public void sendOtherTicked() {
        bulk("send_other");
    }

    private void bulk(String choice) {
        List<Long> ids = new ArrayList<>();
        rows.stream().filter(Row::isTicked).forEach(r -> ids.add(r.getId()));
        if (ids.isEmpty()) {
            Messages.error("ids: tick at least one conflict");
            return;
        }
        Messages.call(ids.size() + " conflicts resolved", () -> conflicts.resolve(ids, choice));
        load();
    }
}
