package io.tandem.domain.service;

import io.tandem.domain.model.contact.ContactField;

import java.util.List;
import java.util.Map;

/**
 * Which Salesforce field each Tandem field is on Leads and on Contacts, and which fields each object's
 * reads ask for. One Salesforce field is one Tandem field whatever the object (City on a Lead,
 * MailingCity on a Contact are both {@code city}).
 */
public interface SalesforceFieldNames {

    /** The mapped fields of a Lead or a Contact: Tandem field → Salesforce API name. */
    Map<ContactField, String> mapped(String object);

    /** Every field an inbound read of the object selects (besides Id and the stamps). */
    List<String> selected(String object);
}
