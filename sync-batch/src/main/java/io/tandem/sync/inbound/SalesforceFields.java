package io.tandem.sync.inbound;

import io.tandem.domain.model.contact.ContactField;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which Salesforce field each Tandem field is on Leads and on Contacts, and which fields each object's
 * reads ask for. One Salesforce field is one Tandem field whatever the object (City on a Lead,
 * MailingCity on a Contact are both {@code city}).
 */
public final class SalesforceFields {

    public static final String ACCOUNT = "Account";
    public static final String CONTACT = "Contact";
    public static final String LEAD = "Lead";
    /** The order of every poll and of the initial import: companies first, then the people in them. */
    public static final List<String> OBJECTS = List.of(ACCOUNT, CONTACT, LEAD);

    private static final Map<ContactField, String> ON_LEAD = new LinkedHashMap<>();
    private static final Map<ContactField, String> ON_CONTACT = new LinkedHashMap<>();

    static {
        ON_LEAD.put(ContactField.FIRST_NAME, "FirstName");
        ON_LEAD.put(ContactField.LAST_NAME, "LastName");
        ON_LEAD.put(ContactField.PHONE, "Phone");
        ON_LEAD.put(ContactField.TITLE, "Title");
        ON_LEAD.put(ContactField.CITY, "City");
        ON_LEAD.put(ContactField.STATE, "State");
        ON_LEAD.put(ContactField.COUNTRY, "Country");
        ON_CONTACT.putAll(ON_LEAD);
        ON_CONTACT.put(ContactField.CITY, "MailingCity");
        ON_CONTACT.put(ContactField.STATE, "MailingState");
        ON_CONTACT.put(ContactField.COUNTRY, "MailingCountry");
    }

    private SalesforceFields() {
    }

    /** The mapped standard fields of a Lead or a Contact: Tandem field → Salesforce API name. */
    public static Map<ContactField, String> mapped(String object) {
        return LEAD.equals(object) ? ON_LEAD : ON_CONTACT;
    }

    /** Every field an inbound read of the object selects (besides Id and the stamps). */
    public static List<String> selected(String object) {
        List<String> fields = new ArrayList<>();
        switch (object) {
            case ACCOUNT -> fields.addAll(List.of("Name", "Website", "MasterRecordId"));
            case CONTACT -> {
                fields.add("Email");
                fields.addAll(ON_CONTACT.values());
                fields.addAll(List.of("AccountId", "Account.Name", "Account.Website", "MasterRecordId"));
            }
            case LEAD -> {
                fields.add("Email");
                fields.addAll(ON_LEAD.values());
                fields.addAll(List.of("Company", "IsConverted", "ConvertedContactId", "ConvertedAccountId", "MasterRecordId"));
            }
            default -> throw new IllegalArgumentException("not a synced object: " + object);
        }
        return fields;
    }
}
