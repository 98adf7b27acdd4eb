package io.tandem.infrastructure.salesforce;

import io.tandem.domain.model.contact.ContactField;
import io.tandem.domain.service.SalesforceFieldNames;
import io.tandem.domain.service.SalesforceObjects;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The standard fields every org has, mapped the same way in every org: the seven contact fields on Leads
 * and Contacts, and what the inbound rules read beside them (email, Account, conversion, merges).
 */
@ApplicationScoped
public class StandardFieldNames implements SalesforceFieldNames {

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

    @Override
    public Map<ContactField, String> mapped(String object) {
        return SalesforceObjects.LEAD.equals(object) ? ON_LEAD : ON_CONTACT;
    }

    @Override
    public List<String> selected(String object) {
        List<String> fields = new ArrayList<>();
        switch (object) {
            case SalesforceObjects.ACCOUNT -> fields.addAll(List.of("Name", "Website", "MasterRecordId"));
            case SalesforceObjects.CONTACT -> {
                fields.add("Email");
                fields.addAll(ON_CONTACT.values());
                fields.addAll(List.of("AccountId", "Account.Name", "Account.Website", "MasterRecordId"));
            }
            case SalesforceObjects.LEAD -> {
                fields.add("Email");
                fields.addAll(ON_LEAD.values());
                fields.addAll(List.of("Company", "IsConverted", "ConvertedContactId", "ConvertedAccountId", "MasterRecordId"));
            }
            default -> throw new IllegalArgumentException("not a synced object: " + object);
        }
        return fields;
    }
}
