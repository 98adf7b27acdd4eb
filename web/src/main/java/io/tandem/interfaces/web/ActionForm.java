package io.tandem.interfaces.web;

import io.tandem.application.Actions;
import io.tandem.application.InvalidRequestException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Salesforce action asked for on the actions page (operators, §7): a task, a campaign membership, a
 * queue or a push, for contacts named by id or chosen by the contact list's search; only the fields of
 * the action chosen are sent, and the service's refusal names the field.
 */
@Named
@RequestScoped
public class ActionForm {

    @Inject
    Actions actions;
    @Inject
    ActionsPage list;

    private String action = "task";
    private String ids;
    private String q;
    private String subject;
    private String dueDate;
    private String priority;
    private String ownerId;
    private String salesforceCampaignId;
    private String status;
    private String queueId;

    public void request() {
        Actions.ActionView asked = Messages.answer(() -> actions.request(action, selection(), parameters()));
        if (asked != null) {
            list.refresh();
            Messages.info("Action " + asked.id() + " asked: " + (asked.total() > 0 ? asked.total() + " contacts" : "its contacts are being chosen")
                    + "; each outcome shows below as it comes.");
        }
    }

    private Actions.Selection selection() {
        if (ids != null && !ids.isBlank()) {
            if (ids.length() > 200_000) {
                throw new InvalidRequestException("contacts.ids", "at most " + Actions.MAX_IDS + " ids");
            }
            List<Long> list = new ArrayList<>();
            for (String id : ids.split("[\\s,;]+")) {
                if (!id.isBlank()) {
                    try {
                        list.add(Long.valueOf(id.trim()));
                    } catch (NumberFormatException e) {
                        throw new InvalidRequestException("contacts.ids", "'" + id.trim() + "' is not a contact's id");
                    }
                }
            }
            return new Actions.Selection(list, null);
        }
        Map<String, Object> filter = new LinkedHashMap<>();
        if (q != null && !q.isBlank()) {
            filter.put("q", q.trim());
        }
        return new Actions.Selection(null, filter);
    }

    private Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        switch (action) {
            case "task" -> {
                put(p, "subject", subject);
                put(p, "dueDate", dueDate);
                put(p, "status", status);
                put(p, "priority", priority);
                put(p, "ownerId", ownerId);
            }
            case "campaign" -> {
                put(p, "salesforceCampaignId", salesforceCampaignId);
                put(p, "status", status);
            }
            case "queue" -> put(p, "queueId", queueId);
            default -> {
            }
        }
        return p;
    }

    private static void put(Map<String, Object> p, String name, String value) {
        if (value != null && !value.isBlank()) {
            p.put(name, value.trim());
        }
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getIds() {
        return ids;
    }

    public void setIds(String ids) {
        this.ids = ids;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getDueDate() {
        return dueDate;
    }

    public void setDueDate(String dueDate) {
        this.dueDate = dueDate;
    }

    public String getPriority() {
        return priority;
    }

    public void setPriority(String priority) {
        this.priority = priority;
    }

    public String getOwnerId() {
        return ownerId;
    }

    public void setOwnerId(String ownerId) {
        this.ownerId = ownerId;
    }

    public String getSalesforceCampaignId() {
        return salesforceCampaignId;
    }

    public void setSalesforceCampaignId(String salesforceCampaignId) {
        this.salesforceCampaignId = salesforceCampaignId;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getQueueId() {
        return queueId;
    }

    public void setQueueId(String queueId) {
        this.queueId = queueId;
    }
}
