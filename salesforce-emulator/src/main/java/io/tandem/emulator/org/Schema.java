package io.tandem.emulator.org;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.tandem.emulator.org.FieldType.BOOLEAN;
import static io.tandem.emulator.org.FieldType.CURRENCY;
import static io.tandem.emulator.org.FieldType.DATE;
import static io.tandem.emulator.org.FieldType.DATETIME;
import static io.tandem.emulator.org.FieldType.DOUBLE;
import static io.tandem.emulator.org.FieldType.EMAIL;
import static io.tandem.emulator.org.FieldType.ID;
import static io.tandem.emulator.org.FieldType.INT;
import static io.tandem.emulator.org.FieldType.PHONE;
import static io.tandem.emulator.org.FieldType.PICKLIST;
import static io.tandem.emulator.org.FieldType.REFERENCE;
import static io.tandem.emulator.org.FieldType.STRING;
import static io.tandem.emulator.org.FieldType.TEXTAREA;
import static io.tandem.emulator.org.FieldType.URL;

/** The objects of the org: the standard ones a marketing sync touches, plus custom fields added later. */
public final class Schema {

    public static final String CONVERTED_STATUS = "Closed - Converted";

    private final Map<String, ObjectDef> objects = new LinkedHashMap<>();
    private final Map<String, ObjectDef> byPrefix = new LinkedHashMap<>();

    public static Schema standard() {
        Schema s = new Schema();
        s.add(account());
        s.add(contact());
        s.add(lead());
        s.add(campaign());
        s.add(campaignMember());
        s.add(campaignMemberStatus());
        s.add(task());
        s.add(opportunity());
        s.add(opportunityContactRole());
        s.add(group());
        s.add(user());
        s.add(leadStatus());
        return s;
    }

    public ObjectDef object(String name) {
        return name == null ? null : objects.get(name.toLowerCase(Locale.ROOT));
    }

    public ObjectDef require(String name) {
        ObjectDef o = object(name);
        if (o == null) {
            throw new SalesforceError(404, "NOT_FOUND", "The requested resource does not exist");
        }
        return o;
    }

    public ObjectDef byPrefix(String id) {
        return id == null || id.length() < 3 ? null : byPrefix.get(id.substring(0, 3));
    }

    public Collection<ObjectDef> objects() {
        return List.copyOf(objects.values());
    }

    private void add(ObjectDef o) {
        objects.put(o.name().toLowerCase(Locale.ROOT), o);
        byPrefix.put(o.keyPrefix(), o);
    }

    private static ObjectDef base(String name, String prefix, boolean ownable, boolean mergeable) {
        ObjectDef o = new ObjectDef(name, prefix, ownable);
        o.add(FieldDef.of("Id", ID).readOnly().notNillable().build());
        o.add(FieldDef.of("IsDeleted", BOOLEAN).readOnly().notNillable().build());
        if (mergeable) {
            o.add(FieldDef.of("MasterRecordId", REFERENCE).readOnly().reference("MasterRecord", name).build());
        }
        if (ownable) {
            o.add(FieldDef.of("OwnerId", REFERENCE).notNillable().reference("Owner", "User", "Group").build());
        }
        o.add(FieldDef.of("CreatedDate", DATETIME).readOnly().notNillable().build());
        o.add(FieldDef.of("CreatedById", REFERENCE).readOnly().notNillable().reference("CreatedBy", "User").build());
        o.add(FieldDef.of("LastModifiedDate", DATETIME).readOnly().notNillable().build());
        o.add(FieldDef.of("LastModifiedById", REFERENCE).readOnly().notNillable().reference("LastModifiedBy", "User").build());
        o.add(FieldDef.of("SystemModstamp", DATETIME).readOnly().notNillable().build());
        return o;
    }

    private static ObjectDef account() {
        ObjectDef o = base("Account", "001", true, true);
        o.add(FieldDef.of("Name", STRING).required().build());
        o.add(FieldDef.of("Website", URL).build());
        o.add(FieldDef.of("Industry", PICKLIST).picklist(null, false, "Agriculture", "Banking", "Consulting",
                "Education", "Energy", "Healthcare", "Manufacturing", "Media", "Retail", "Technology").build());
        o.add(FieldDef.of("AnnualRevenue", CURRENCY).build());
        o.add(FieldDef.of("NumberOfEmployees", INT).build());
        o.add(FieldDef.of("Phone", PHONE).build());
        o.add(FieldDef.of("BillingCity", STRING).length(40).build());
        o.add(FieldDef.of("BillingState", STRING).length(80).build());
        o.add(FieldDef.of("BillingCountry", STRING).length(80).build());
        o.add(FieldDef.of("Description", TEXTAREA).build());
        return o;
    }

    private static ObjectDef contact() {
        ObjectDef o = base("Contact", "003", true, true);
        o.add(FieldDef.of("AccountId", REFERENCE).reference("Account", "Account").build());
        o.add(FieldDef.of("FirstName", STRING).length(40).build());
        o.add(FieldDef.of("LastName", STRING).length(80).required().build());
        o.add(FieldDef.of("Name", STRING).length(121).derived().build());
        o.add(FieldDef.of("Email", EMAIL).build());
        o.add(FieldDef.of("Phone", PHONE).build());
        o.add(FieldDef.of("Title", STRING).length(128).build());
        o.add(FieldDef.of("Department", STRING).length(80).build());
        o.add(FieldDef.of("MailingCity", STRING).length(40).build());
        o.add(FieldDef.of("MailingState", STRING).length(80).build());
        o.add(FieldDef.of("MailingCountry", STRING).length(80).build());
        o.add(FieldDef.of("LeadSource", PICKLIST).picklist(null, false, "Web", "Phone Inquiry", "Partner Referral",
                "Purchased List", "Other").build());
        o.add(FieldDef.of("HasOptedOutOfEmail", BOOLEAN).notNillable().defaultValue("false").build());
        o.add(FieldDef.of("Description", TEXTAREA).build());
        return o;
    }

    private static ObjectDef lead() {
        ObjectDef o = base("Lead", "00Q", true, true);
        o.add(FieldDef.of("FirstName", STRING).length(40).build());
        o.add(FieldDef.of("LastName", STRING).length(80).required().build());
        o.add(FieldDef.of("Name", STRING).length(121).derived().build());
        o.add(FieldDef.of("Company", STRING).required().build());
        o.add(FieldDef.of("Email", EMAIL).build());
        o.add(FieldDef.of("Phone", PHONE).build());
        o.add(FieldDef.of("Title", STRING).length(128).build());
        o.add(FieldDef.of("City", STRING).length(40).build());
        o.add(FieldDef.of("State", STRING).length(80).build());
        o.add(FieldDef.of("Country", STRING).length(80).build());
        o.add(FieldDef.of("Website", URL).build());
        o.add(FieldDef.of("Industry", PICKLIST).picklist(null, false, "Agriculture", "Banking", "Consulting",
                "Education", "Energy", "Healthcare", "Manufacturing", "Media", "Retail", "Technology").build());
        o.add(FieldDef.of("Status", PICKLIST).notNillable().picklist("Open - Not Contacted", true, "Open - Not Contacted",
                "Working - Contacted", CONVERTED_STATUS, "Closed - Not Converted").build());
        o.add(FieldDef.of("LeadSource", PICKLIST).picklist(null, false, "Web", "Phone Inquiry", "Partner Referral",
                "Purchased List", "Other").build());
        o.add(FieldDef.of("Rating", PICKLIST).picklist(null, false, "Hot", "Warm", "Cold").build());
        o.add(FieldDef.of("HasOptedOutOfEmail", BOOLEAN).notNillable().defaultValue("false").build());
        o.add(FieldDef.of("IsConverted", BOOLEAN).readOnly().notNillable().build());
        o.add(FieldDef.of("ConvertedDate", DATE).readOnly().build());
        o.add(FieldDef.of("ConvertedAccountId", REFERENCE).readOnly().reference("ConvertedAccount", "Account").build());
        o.add(FieldDef.of("ConvertedContactId", REFERENCE).readOnly().reference("ConvertedContact", "Contact").build());
        o.add(FieldDef.of("ConvertedOpportunityId", REFERENCE).readOnly().reference("ConvertedOpportunity", "Opportunity").build());
        o.add(FieldDef.of("Description", TEXTAREA).build());
        return o;
    }

    private static ObjectDef campaign() {
        ObjectDef o = base("Campaign", "701", true, false);
        o.add(FieldDef.of("Name", STRING).length(80).required().build());
        o.add(FieldDef.of("Type", PICKLIST).picklist(null, false, "Conference", "Webinar", "Trade Show", "Email",
                "Direct Mail", "Advertisement", "Other").build());
        o.add(FieldDef.of("Status", PICKLIST).picklist("Planned", false, "Planned", "In Progress", "Completed", "Aborted").build());
        o.add(FieldDef.of("IsActive", BOOLEAN).notNillable().defaultValue("false").build());
        o.add(FieldDef.of("StartDate", DATE).build());
        o.add(FieldDef.of("EndDate", DATE).build());
        o.add(FieldDef.of("ParentId", REFERENCE).reference("Parent", "Campaign").build());
        o.add(FieldDef.of("Description", TEXTAREA).build());
        return o;
    }

    private static ObjectDef campaignMember() {
        ObjectDef o = base("CampaignMember", "00v", false, false);
        o.add(FieldDef.of("CampaignId", REFERENCE).required().createOnly().reference("Campaign", "Campaign").build());
        o.add(FieldDef.of("LeadId", REFERENCE).createOnly().reference("Lead", "Lead").build());
        o.add(FieldDef.of("ContactId", REFERENCE).createOnly().reference("Contact", "Contact").build());
        o.add(FieldDef.of("Status", PICKLIST).build());
        o.add(FieldDef.of("HasResponded", BOOLEAN).readOnly().notNillable().build());
        o.add(FieldDef.of("FirstRespondedDate", DATE).readOnly().build());
        return o;
    }

    private static ObjectDef campaignMemberStatus() {
        ObjectDef o = base("CampaignMemberStatus", "01Y", false, false);
        o.add(FieldDef.of("CampaignId", REFERENCE).required().createOnly().reference("Campaign", "Campaign").build());
        o.add(FieldDef.of("Label", STRING).length(765).required().build());
        o.add(FieldDef.of("IsDefault", BOOLEAN).notNillable().defaultValue("false").build());
        o.add(FieldDef.of("HasResponded", BOOLEAN).notNillable().defaultValue("false").build());
        o.add(FieldDef.of("SortOrder", INT).build());
        return o;
    }

    private static ObjectDef task() {
        ObjectDef o = base("Task", "00T", true, false);
        o.add(FieldDef.of("WhoId", REFERENCE).reference("Who", "Lead", "Contact").build());
        o.add(FieldDef.of("WhatId", REFERENCE).reference("What", "Account", "Opportunity", "Campaign").build());
        o.add(FieldDef.of("Subject", STRING).build());
        o.add(FieldDef.of("Status", PICKLIST).notNillable().picklist("Not Started", true, "Not Started", "In Progress",
                "Completed", "Waiting on someone else", "Deferred").build());
        o.add(FieldDef.of("Priority", PICKLIST).notNillable().picklist("Normal", true, "High", "Normal", "Low").build());
        o.add(FieldDef.of("ActivityDate", DATE).build());
        o.add(FieldDef.of("Description", TEXTAREA).build());
        o.add(FieldDef.of("TaskSubtype", PICKLIST).picklist("Task", false, "Task", "Email", "Call").build());
        o.add(FieldDef.of("IsClosed", BOOLEAN).derived().build());
        return o;
    }

    private static ObjectDef opportunity() {
        ObjectDef o = base("Opportunity", "006", true, false);
        o.add(FieldDef.of("Name", STRING).length(120).required().build());
        o.add(FieldDef.of("AccountId", REFERENCE).reference("Account", "Account").build());
        o.add(FieldDef.of("StageName", PICKLIST).required().picklist(null, true, "Prospecting", "Qualification",
                "Proposal", "Negotiation", "Closed Won", "Closed Lost").build());
        o.add(FieldDef.of("CloseDate", DATE).required().build());
        o.add(FieldDef.of("Amount", CURRENCY).build());
        o.add(FieldDef.of("IsClosed", BOOLEAN).derived().build());
        o.add(FieldDef.of("IsWon", BOOLEAN).derived().build());
        return o;
    }

    private static ObjectDef opportunityContactRole() {
        ObjectDef o = base("OpportunityContactRole", "00K", false, false);
        o.add(FieldDef.of("OpportunityId", REFERENCE).required().reference("Opportunity", "Opportunity").build());
        o.add(FieldDef.of("ContactId", REFERENCE).required().reference("Contact", "Contact").build());
        o.add(FieldDef.of("Role", PICKLIST).picklist(null, false, "Decision Maker", "Economic Buyer", "Influencer",
                "Technical Buyer", "Evaluator", "Other").build());
        o.add(FieldDef.of("IsPrimary", BOOLEAN).notNillable().defaultValue("false").build());
        return o;
    }

    private static ObjectDef group() {
        ObjectDef o = base("Group", "00G", false, false);
        o.add(FieldDef.of("Name", STRING).length(40).required().build());
        o.add(FieldDef.of("DeveloperName", STRING).length(80).build());
        o.add(FieldDef.of("Type", PICKLIST).picklist("Regular", true, "Regular", "Queue").build());
        return o;
    }

    private static ObjectDef user() {
        ObjectDef o = base("User", "005", false, false);
        o.add(FieldDef.of("Username", STRING).length(80).required().build());
        o.add(FieldDef.of("FirstName", STRING).length(40).build());
        o.add(FieldDef.of("LastName", STRING).length(80).required().build());
        o.add(FieldDef.of("Name", STRING).length(121).derived().build());
        o.add(FieldDef.of("Email", EMAIL).required().build());
        o.add(FieldDef.of("IsActive", BOOLEAN).notNillable().defaultValue("true").build());
        return o;
    }

    private static ObjectDef leadStatus() {
        ObjectDef o = base("LeadStatus", "01J", false, false);
        o.add(FieldDef.of("MasterLabel", STRING).readOnly().build());
        o.add(FieldDef.of("ApiName", STRING).readOnly().build());
        o.add(FieldDef.of("IsDefault", BOOLEAN).readOnly().build());
        o.add(FieldDef.of("IsConverted", BOOLEAN).readOnly().build());
        o.add(FieldDef.of("SortOrder", INT).readOnly().build());
        return o;
    }

    /** A custom field added the way an admin would in Setup. */
    /** What a custom field is made with, beyond its object, name and type. */
    public record CustomFieldOptions(int length, boolean externalId, List<String> picklist, boolean restricted, boolean required,
                                     int precision, int scale, boolean updateable) {
    }

    public FieldDef addCustomField(String objectName, String fieldName, FieldType type, CustomFieldOptions options) {
        ObjectDef o = require(objectName);
        if (!fieldName.matches("[A-Za-z][A-Za-z0-9_]*__c")) {
            throw SalesforceError.badRequest("INVALID_FIELD", "Custom field names end in __c: " + fieldName);
        }
        FieldDef.Builder b = FieldDef.of(fieldName, type);
        if (options.length() > 0) {
            b.length(options.length());
        }
        if (options.externalId()) {
            b.externalId();
        }
        if (options.picklist() != null && !options.picklist().isEmpty()) {
            b.picklist(null, options.restricted(), options.picklist().toArray(String[]::new));
        }
        if (type == DOUBLE || type == BOOLEAN) {
            b.length(0);
        }
        if (options.precision() > 0) {
            b.digits(options.precision(), options.scale());
        }
        if (options.required()) {
            b.required();
        }
        b.updateable(options.updateable());
        FieldDef f = b.build();
        o.add(f);
        return f;
    }
}
