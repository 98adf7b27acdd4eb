package io.tandem.interfaces.web;

import io.tandem.application.BatchJobs;
import io.tandem.application.CampaignMembers;
import io.tandem.application.CampaignTypes;
import io.tandem.application.Campaigns;
import io.tandem.application.InvalidRequestException;
import io.tandem.application.Page;
import io.tandem.application.UnknownRecordException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.ArrayList;
import java.util.List;

/**
 * One campaign (§6): its type, status and Salesforce link with the link's first sync and its progress;
 * link or unlink, rename, change its status, delete; its members (the first 100, by status) with their
 * status changed or removed one by one, and new ones added by email, up to 1,000 at once. The id travels as
 * the {@code id} parameter, also on the page's own posts.
 */
@Named
@RequestScoped
public class CampaignPage {

    /** A member as a row shows it. */
    public static final class MemberRow {
        private final CampaignMembers.MemberView m;
        private String status;

        MemberRow(CampaignMembers.MemberView m) {
            this.m = m;
            this.status = m.status();
        }

        public long getContactId() {
            return m.contactId();
        }

        public String getEmail() {
            return m.email();
        }

        public String getUpdatedAt() {
            return Shown.time(m.updatedAt());
        }

        public String getStatus() {
            return status;
        }

        public void setStatus(String status) {
            this.status = status;
        }
    }

    @Inject
    Campaigns campaigns;
    @Inject
    CampaignTypes types;
    @Inject
    CampaignMembers members;

    private long id;
    private Campaigns.CampaignView campaign;
    private List<String> statuses = List.of();
    private List<MemberRow> memberRows = List.of();
    private long memberTotal;
    private String error;
    private String filter;
    private String name;
    private String status;
    private String emails;
    private String memberStatus;
    private String salesforceId;

    @PostConstruct
    void load() {
        var params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        try {
            id = Long.parseLong(params.getOrDefault("id", "").trim());
            filter = params.get("status") == null || params.get("status").isBlank() ? null : params.get("status");
            read();
        } catch (NumberFormatException e) {
            error = "id: must be a campaign's number";
        } catch (UnknownRecordException e) {
            error = e.getMessage();
        } catch (InvalidRequestException e) {
            error = e.field() + ": " + e.getMessage();
        }
    }

    private void read() {
        campaign = campaigns.get(id);
        name = campaign.name();
        status = campaign.status();
        statuses = types.get(campaign.typeId()).statuses().stream().map(CampaignTypes.StatusView::label).toList();
        Page<CampaignMembers.MemberView> page = members.members(id, filter, null, 100);
        memberTotal = page.total();
        memberRows = page.items().stream().map(MemberRow::new).toList();
    }

    public void rename() {
        if (Messages.call("Saved.", () -> campaigns.change(id, name, status))) {
            read();
        }
    }

    public String delete() {
        return Messages.call("Campaign deleted.", () -> campaigns.delete(id)) ? "campaigns.xhtml?faces-redirect=true" : null;
    }

    public void link() {
        if (Messages.call("Linked; the first two-way sync of its members has started.", () -> campaigns.link(id, salesforceId))) {
            read();
        }
    }

    public void unlink() {
        if (Messages.call("Unlinked: its members no longer sync.", () -> campaigns.unlink(id))) {
            read();
        }
    }

    /** Adds the emails given (one a line, or separated by commas), up to 1,000, each with its outcome told. */
    public void add() {
        if (emails != null && emails.length() > 400_000) {
            Messages.error("members: at most 1,000 emails at once");
            return;
        }
        List<CampaignMembers.MemberInput> in = new ArrayList<>();
        for (String e : (emails == null ? "" : emails).split("[\\s,;]+")) {
            if (!e.isBlank()) {
                in.add(new CampaignMembers.MemberInput(null, e.trim(), memberStatus == null || memberStatus.isBlank() ? null : memberStatus));
            }
        }
        CampaignMembers.Added added = Messages.answer(() -> members.addMembers(id, in));
        if (added != null) {
            Messages.info(added.added() + " added, " + added.updated() + " updated, " + added.failed() + " failed");
            added.results().stream().filter(r -> r.error() != null).limit(20)
                    .forEach(r -> Messages.error((r.email() == null ? "contact " + r.contactId() : r.email()) + ": " + r.error()));
            emails = null;
            read();
        }
    }

    public void changeMember(MemberRow row) {
        if (Messages.call(row.getEmail() + " is now " + row.status + ".", () -> members.changeMember(id, row.getContactId(), row.status))) {
            read();
        }
    }

    public void removeMember(MemberRow row) {
        if (Messages.call(row.getEmail() + " removed.", () -> members.removeMember(id, row.getContactId()))) {
            read();
        }
    }

    public boolean isFound() {
        return campaign != null;
    }

    public String getError() {
        return error;
    }

    public long getId() {
        return id;
    }

    public String getTitle() {
        return campaign == null ? "Campaign" : campaign.name();
    }

    public String getTypeName() {
        return campaign == null ? "" : campaign.typeName();
    }

    public boolean isLinked() {
        return campaign != null && campaign.salesforce() != null;
    }

    public String getSalesforce() {
        if (!isLinked()) {
            return "not linked: its members stay in Tandem";
        }
        Campaigns.SalesforceLink l = campaign.salesforce();
        return l.id() + " \"" + l.name() + "\"" + (Boolean.FALSE.equals(l.active()) ? " (inactive)" : "");
    }

    /** The link's first sync: its status, and its progress where the job keeps counts. */
    public String getFirstSync() {
        BatchJobs.Execution e = isLinked() ? campaign.salesforce().firstSync() : null;
        if (e == null) {
            return "";
        }
        StringBuilder s = new StringBuilder("First sync: ").append(e.status());
        e.steps().stream().filter(step -> step.progress() != null && !step.progress().isEmpty())
                .forEach(step -> s.append("; ").append(step.name()).append(' ').append(step.progress()));
        return s.toString();
    }

    public List<String> getStatuses() {
        return statuses;
    }

    public List<MemberRow> getMembers() {
        return memberRows;
    }

    public long getMemberTotal() {
        return memberTotal;
    }

    public String getFilter() {
        return filter == null ? "" : filter;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getEmails() {
        return emails;
    }

    public void setEmails(String emails) {
        this.emails = emails;
    }

    public String getMemberStatus() {
        return memberStatus;
    }

    public void setMemberStatus(String memberStatus) {
        this.memberStatus = memberStatus;
    }

    public String getSalesforceId() {
        return salesforceId;
    }

    public void setSalesforceId(String salesforceId) {
        this.salesforceId = salesforceId;
    }
}
