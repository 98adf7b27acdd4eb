package io.tandem.emulator.org;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What sales does in the Salesforce UI, for the control API: convert a lead, merge records. */
public final class OrgActions {

    private final Org org;
    private final Dml dml;

    public OrgActions(Org org, Dml dml) {
        this.org = org;
        this.dml = dml;
    }

    /**
     * Converts a lead: into the given Account and Contact when named, else new ones made from the
     * lead; optionally with an Opportunity. Answers the ids involved.
     */
    public Map<String, String> convert(String leadId, String accountId, String contactId, boolean opportunity, String userId) {
        return dml.atomically(undo -> {
            Record lead = org.find(leadId);
            if (lead == null || !lead.type().name().equals("Lead")) {
                throw SalesforceError.notFound();
            }
            Dml.requireLive(lead);
            if (Boolean.TRUE.equals(lead.get("IsConverted"))) {
                throw SalesforceError.badRequest("CANNOT_UPDATE_CONVERTED_LEAD", "This lead was already converted");
            }
            Dml.Context ctx = new Dml.Context(userId, Boolean.FALSE);
            String account = accountId != null ? requireLive(accountId, "Account")
                    : dml.create(org.schema().require("Account"), Map.of("Name", lead.string("Company")), ctx, undo).id();
            String contact;
            if (contactId != null) {
                contact = requireLive(contactId, "Contact");
            } else {
                Map<String, Object> fields = new LinkedHashMap<>();
                copy(lead, fields, "FirstName", "FirstName");
                copy(lead, fields, "LastName", "LastName");
                copy(lead, fields, "Email", "Email");
                copy(lead, fields, "Phone", "Phone");
                copy(lead, fields, "Title", "Title");
                copy(lead, fields, "City", "MailingCity");
                copy(lead, fields, "State", "MailingState");
                copy(lead, fields, "Country", "MailingCountry");
                copy(lead, fields, "LeadSource", "LeadSource");
                fields.put("AccountId", account);
                contact = dml.create(org.schema().require("Contact"), fields, ctx, undo).id();
            }
            String opportunityId = null;
            if (opportunity) {
                opportunityId = dml.create(org.schema().require("Opportunity"), Map.of("Name", lead.string("Company") + "-",
                        "AccountId", account, "StageName", "Prospecting",
                        "CloseDate", Behaviours.today(org).plusDays(30).toString()), ctx, undo).id();
            }
            Map<String, Object> converted = new LinkedHashMap<>();
            converted.put("IsConverted", Boolean.TRUE);
            converted.put("Status", Schema.CONVERTED_STATUS);
            converted.put("ConvertedAccountId", account);
            converted.put("ConvertedContactId", contact);
            converted.put("ConvertedOpportunityId", opportunityId);
            converted.put("ConvertedDate", Behaviours.today(org));
            dml.system(lead, converted, userId, undo);
            moveReferences(lead.id(), contact, "CampaignMember", "LeadId", "ContactId", userId, undo);
            moveReferences(lead.id(), contact, "Task", "WhoId", "WhoId", userId, undo);
            Map<String, String> ids = new LinkedHashMap<>();
            ids.put("leadId", lead.id());
            ids.put("accountId", account);
            ids.put("contactId", contact);
            ids.put("opportunityId", opportunityId);
            return ids;
        });
    }

    /**
     * Merges up to two records into a master of the same type: the losers are deleted with
     * MasterRecordId set, and what pointed at them points at the master.
     */
    public Map<String, Object> merge(String masterId, List<String> mergeIds, String userId) {
        if (mergeIds == null || mergeIds.isEmpty() || mergeIds.size() > 2) {
            throw SalesforceError.badRequest("INVALID_OPERATION", "A merge takes a master and one or two other records");
        }
        return dml.atomically(undo -> {
            Record master = org.find(masterId);
            if (master == null) {
                throw SalesforceError.notFound();
            }
            Dml.requireLive(master);
            String type = master.type().name();
            if (!type.equals("Lead") && !type.equals("Contact") && !type.equals("Account")) {
                throw SalesforceError.badRequest("INVALID_OPERATION", "Only leads, contacts and accounts merge");
            }
            List<String> merged = new ArrayList<>();
            for (String id : mergeIds) {
                Record loser = org.find(id);
                if (loser == null || loser == master || !loser.type().name().equals(type)) {
                    throw SalesforceError.badRequest("INVALID_ID_FIELD", "Invalid record id to merge: " + id);
                }
                Dml.requireLive(loser);
                switch (type) {
                    case "Account" -> {
                        moveReferences(loser.id(), master.id(), "Contact", "AccountId", "AccountId", userId, undo);
                        moveReferences(loser.id(), master.id(), "Opportunity", "AccountId", "AccountId", userId, undo);
                    }
                    case "Contact" -> {
                        moveReferences(loser.id(), master.id(), "CampaignMember", "ContactId", "ContactId", userId, undo);
                        moveReferences(loser.id(), master.id(), "OpportunityContactRole", "ContactId", "ContactId", userId, undo);
                        moveReferences(loser.id(), master.id(), "Task", "WhoId", "WhoId", userId, undo);
                    }
                    default -> {
                        moveReferences(loser.id(), master.id(), "CampaignMember", "LeadId", "LeadId", userId, undo);
                        moveReferences(loser.id(), master.id(), "Task", "WhoId", "WhoId", userId, undo);
                    }
                }
                dml.system(loser, Map.of("MasterRecordId", master.id()), userId, undo);
                dml.delete(loser, new Dml.Context(userId, null), undo);
                merged.add(loser.id());
            }
            dml.system(master, Map.of(), userId, undo);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("id", master.id());
            result.put("mergedRecordIds", merged);
            return result;
        });
    }

    private String requireLive(String id, String type) {
        Record r = org.find(id);
        if (r == null || !r.type().name().equals(type)) {
            throw SalesforceError.badRequest("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id");
        }
        Dml.requireLive(r);
        return r.id();
    }

    private void moveReferences(String from, String to, String type, String fromField, String toField, String userId,
                                List<Runnable> undo) {
        for (Record r : org.rows(org.schema().require(type))) {
            if (!r.isDeleted() && Objects.equals(from, r.get(fromField))) {
                Map<String, Object> change = new LinkedHashMap<>();
                if (!fromField.equals(toField)) {
                    change.put(fromField, null);
                }
                change.put(toField, to);
                dml.system(r, change, userId, undo);
            }
        }
    }

    private static void copy(Record from, Map<String, Object> to, String fromField, String toField) {
        Object v = from.get(fromField);
        if (v != null) {
            to.put(toField, v);
        }
    }
}
