package io.tandem.emulator.org;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What a real org does around a write: defaults, assignment rules, campaign member statuses. */
final class Behaviours {

    private Behaviours() {
    }

    static void beforeInsert(Org org, Record r, Dml.Context ctx, OrgSettings settings) {
        switch (r.type().name()) {
            case "Lead" -> {
                r.set("IsConverted", Boolean.FALSE);
                assign(r, ctx.autoAssign() == null || ctx.autoAssign(), settings);
            }
            case "CampaignMember" -> newMember(org, r);
            default -> {
            }
        }
    }

    static void afterInsert(Org org, Dml dml, Record r, Dml.Context ctx, List<Runnable> undo) {
        if (r.type().name().equals("Campaign")) {
            ObjectDef statusType = org.schema().require("CampaignMemberStatus");
            dml.create(statusType, Map.of("CampaignId", r.id(), "Label", "Sent", "IsDefault", true,
                    "HasResponded", false, "SortOrder", 1), ctx, undo);
            dml.create(statusType, Map.of("CampaignId", r.id(), "Label", "Responded", "IsDefault", false,
                    "HasResponded", true, "SortOrder", 2), ctx, undo);
        } else if (r.type().name().equals("CampaignMemberStatus") && Boolean.TRUE.equals(r.get("IsDefault"))) {
            for (Record other : statuses(org, r.string("CampaignId"))) {
                if (other != r && Boolean.TRUE.equals(other.get("IsDefault"))) {
                    other.set("IsDefault", Boolean.FALSE);
                    undo.add(() -> other.set("IsDefault", Boolean.TRUE));
                }
            }
        }
    }

    static void beforeUpdate(Org org, Record r, Map<FieldDef, Object> values, Dml.Context ctx, OrgSettings settings) {
        switch (r.type().name()) {
            case "Lead" -> {
                if (Boolean.TRUE.equals(r.get("IsConverted"))) {
                    throw SalesforceError.badRequest("CANNOT_UPDATE_CONVERTED_LEAD", "cannot reference converted lead");
                }
                // as on create, the active rule runs unless the call's Sforce-Auto-Assign header says FALSE
                if (!Boolean.FALSE.equals(ctx.autoAssign()) && settings.leadAssignmentOwnerId() != null) {
                    values.put(r.type().field("OwnerId"), settings.leadAssignmentOwnerId());
                }
            }
            case "CampaignMember" -> {
                FieldDef status = r.type().field("Status");
                if (values.containsKey(status)) {
                    String label = (String) values.get(status);
                    Record st = requireStatus(org, r.string("CampaignId"), label);
                    values.put(r.type().field("HasResponded"), st.get("HasResponded"));
                    if (Boolean.TRUE.equals(st.get("HasResponded")) && r.get("FirstRespondedDate") == null) {
                        values.put(r.type().field("FirstRespondedDate"), today(org));
                    }
                }
            }
            default -> {
            }
        }
    }

    static void checkStatusDeletable(Org org, Record status) {
        if (Boolean.TRUE.equals(status.get("IsDefault"))) {
            throw SalesforceError.badRequest("DELETE_FAILED", "You can't delete the default member status.");
        }
        for (Record m : org.rows(org.schema().require("CampaignMember"))) {
            if (!m.isDeleted() && Objects.equals(m.get("CampaignId"), status.get("CampaignId"))
                    && Objects.equals(m.get("Status"), status.get("Label"))) {
                throw SalesforceError.badRequest("DELETE_FAILED", "You can't delete a member status that is in use.");
            }
        }
    }

    /** The computed value of a derived field. */
    static Object derived(Record r, FieldDef f) {
        return switch (f.name()) {
            case "Name" -> {
                String first = r.string("FirstName");
                String last = r.string("LastName");
                yield first == null || first.isEmpty() ? last : first + " " + last;
            }
            case "IsClosed" -> r.type().name().equals("Task") ? "Completed".equals(r.get("Status"))
                    : String.valueOf(r.get("StageName")).startsWith("Closed");
            case "IsWon" -> "Closed Won".equals(r.get("StageName"));
            default -> null;
        };
    }

    private static void assign(Record lead, boolean ruleRuns, OrgSettings settings) {
        if (ruleRuns && settings.leadAssignmentOwnerId() != null) {
            lead.set("OwnerId", settings.leadAssignmentOwnerId());
        }
    }

    private static void newMember(Org org, Record m) {
        String leadId = m.string("LeadId");
        String contactId = m.string("ContactId");
        if (leadId == null && contactId == null) {
            throw SalesforceError.badRequest("REQUIRED_FIELD_MISSING", "Required fields are missing: [LeadId, ContactId]", "LeadId", "ContactId");
        }
        String campaignId = m.string("CampaignId");
        for (Record other : org.rows(m.type())) {
            if (!other.isDeleted() && campaignId.equals(other.get("CampaignId"))
                    && ((leadId != null && leadId.equals(other.get("LeadId"))) || (contactId != null && contactId.equals(other.get("ContactId"))))) {
                throw SalesforceError.badRequest("DUPLICATE_VALUE", "Already a campaign member.");
            }
        }
        String label = m.string("Status");
        Record st = label == null ? defaultStatus(org, campaignId) : requireStatus(org, campaignId, label);
        if (st != null) {
            m.set("Status", st.get("Label"));
            m.set("HasResponded", st.get("HasResponded"));
            if (Boolean.TRUE.equals(st.get("HasResponded"))) {
                m.set("FirstRespondedDate", today(org));
            }
        } else {
            m.set("HasResponded", Boolean.FALSE);
        }
    }

    private static Record requireStatus(Org org, String campaignId, String label) {
        for (Record st : statuses(org, campaignId)) {
            if (label != null && label.equals(st.get("Label"))) {
                return st;
            }
        }
        throw FieldValues.restrictedPicklist("Status", "Status", label);
    }

    private static Record defaultStatus(Org org, String campaignId) {
        for (Record st : statuses(org, campaignId)) {
            if (Boolean.TRUE.equals(st.get("IsDefault"))) {
                return st;
            }
        }
        return null;
    }

    static List<Record> statuses(Org org, String campaignId) {
        return org.rows(org.schema().require("CampaignMemberStatus")).stream()
                .filter(st -> !st.isDeleted() && Objects.equals(campaignId, st.get("CampaignId"))).toList();
    }

    static LocalDate today(Org org) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(org.now()), ZoneOffset.UTC);
    }
}
