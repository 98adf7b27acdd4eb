package io.tandem.interfaces.web;

import io.tandem.application.CampaignMembers;
import io.tandem.application.ContactDetails;
import io.tandem.application.Contacts;
import io.tandem.application.Events;
import io.tandem.application.Page;
import io.tandem.application.SyncLogs;
import io.tandem.application.UnknownRecordException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * One contact ({@code ?id=}): its fields, where each value came from (provenance: who wrote it, when, under
 * which mode), its Salesforce link, campaign memberships, opportunities and marketing events; an operator
 * pushes it to Salesforce now.
 */
@Named
@RequestScoped
public class ContactPage {

    private static final Jsonb JSON = JsonbBuilder.create();

    /** A label and a value, for the page's small tables. */
    public record Pair(String label, String value) {
        public String getLabel() {
            return label;
        }

        public String getValue() {
            return value;
        }
    }

    @Inject
    Contacts contacts;
    @Inject
    CampaignMembers members;
    @Inject
    Events events;
    @Inject
    SyncLogs logs;

    private long id;
    private ContactDetails contact;
    private String error;
    // each read once a request: the page asks a table for its rows and whether it is empty
    private List<Pair> campaigns;
    private List<Pair> eventRows;
    private List<HistoryRow> history;
    private Optional<String> salesforceUrl;
    private long historyTotal;

    @PostConstruct
    void load() {
        String raw = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
        try {
            id = Long.parseLong(raw == null ? "" : raw.trim());
            contact = contacts.get(id);
        } catch (NumberFormatException e) {
            error = "id: must be a contact's number";
        } catch (UnknownRecordException e) {
            error = e.getMessage();
        }
    }

    /** One line of the contact's sync history. */
    public static final class HistoryRow {
        private final SyncLogs.HistoryLine line;

        HistoryRow(SyncLogs.HistoryLine line) {
            this.line = line;
        }

        public long getLogId() {
            return line.logId();
        }

        public String getWhen() {
            return Shown.time(line.startedAt());
        }

        public String getBatch() {
            return line.direction().toLowerCase() + " " + line.object() + " by " + line.trigger();
        }

        public String getOutcome() {
            return line.outcome();
        }

        public String getReason() {
            return line.reason() == null ? "" : line.reason();
        }

        public String getDetail() {
            return line.detail() == null || line.detail().isEmpty() ? "" : JSON.toJson(line.detail());
        }
    }

    /** The 20 newest records logged for the contact, each with its batch. */
    public List<HistoryRow> getHistory() {
        if (history == null) {
            Page<SyncLogs.HistoryLine> page = logs.history(id, null, 20);
            historyTotal = page.total();
            history = page.items().stream().map(HistoryRow::new).toList();
        }
        return history;
    }

    public long getHistoryTotal() {
        getHistory();
        return historyTotal;
    }

    public String getError() {
        return error;
    }

    public boolean isFound() {
        return contact != null;
    }

    public long getId() {
        return id;
    }

    public String getTitle() {
        return contact == null ? "Contact" : contact.email();
    }

    public List<Pair> getFields() {
        List<Pair> f = new ArrayList<>();
        f.add(new Pair("Email", contact.email()));
        f.add(new Pair("First name", contact.firstName()));
        f.add(new Pair("Last name", contact.lastName()));
        f.add(new Pair("Title", contact.title()));
        f.add(new Pair("Phone", contact.phone()));
        f.add(new Pair("City", contact.city()));
        f.add(new Pair("State", contact.state()));
        f.add(new Pair("Country", contact.country()));
        f.add(new Pair("Lead score", contact.leadScore() == null ? null : contact.leadScore().toString()));
        f.add(new Pair("Company", Long.toString(contact.companyId())));
        if (contact.customFields() != null) {
            contact.customFields().forEach((k, v) -> f.add(new Pair("custom." + k, String.valueOf(v))));
        }
        f.add(new Pair("Source", contact.systemSource()));
        f.add(new Pair("Created", Shown.time(contact.createdAt())));
        f.add(new Pair("Updated", Shown.time(contact.updatedAt())));
        return f;
    }

    /** Where each field's value came from, as the field clocks keep it. */
    public List<Pair> getProvenance() {
        List<Pair> p = new ArrayList<>();
        if (contact.provenance() != null) {
            for (Map.Entry<String, Object> e : contact.provenance().entrySet()) {
                p.add(new Pair(e.getKey(), e.getValue() instanceof String s ? s : JSON.toJson(e.getValue())));
            }
        }
        return p;
    }

    public String getSalesforce() {
        ContactDetails.Salesforce sf = contact.salesforce();
        return sf == null ? "not linked" : sf.deleted() ? "deleted in Salesforce" : sf.type() + " " + sf.id();
    }

    /** The linked record in the org, to open there; null when not linked or the connection has not logged in yet. */
    public String getSalesforceUrl() {
        if (salesforceUrl == null) {
            ContactDetails.Salesforce sf = contact.salesforce();
            salesforceUrl = sf == null || sf.id() == null ? Optional.empty() : contacts.salesforceUrl(sf.id());
        }
        return salesforceUrl.orElse(null);
    }

    public List<Pair> getCampaigns() {
        return campaigns == null ? campaigns = readCampaigns() : campaigns;
    }

    private List<Pair> readCampaigns() {
        return members.ofContact(id).stream().map(m -> new Pair(m.campaign() + " (#" + m.campaignId() + ")", m.status() + ", "
                + Shown.time(m.updatedAt()))).toList();
    }

    public List<Pair> getOpportunities() {
        return contact.opportunities().stream().map(o -> new Pair(o.name(), o.stage() + (o.amount() == null ? "" : ", " + o.amount())
                + (o.closeDate() == null ? "" : ", closes " + o.closeDate()) + (o.role() == null ? "" : ", " + o.role()))).toList();
    }

    public List<Pair> getEvents() {
        return eventRows == null ? eventRows = readEvents() : eventRows;
    }

    private List<Pair> readEvents() {
        return events.ofContact(id, null, 20).items().stream().map(e -> new Pair(e.type() + " " + Shown.time(e.at()),
                JSON.toJson(e.details()) + (e.taskId() == null ? "" : " → Task " + e.taskId()))).toList();
    }

    public void push() {
        Messages.call("Queued for Salesforce", () -> contacts.push(id));
    }
}
