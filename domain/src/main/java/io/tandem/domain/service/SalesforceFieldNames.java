package io.tandem.domain.service;

import java.util.List;

/**
 * Which Salesforce fields the sync reads and writes: the mapped ones, as the administrator set them
 * (one Salesforce field is one Tandem field whatever the object: City on a Lead, MailingCity on a
 * Contact are both {@code city}), and those the inbound rules read beside them.
 */
public interface SalesforceFieldNames {

    /** The mappings as they stand now. */
    MappedFields mapped();

    /** Every field an inbound read of the object selects (besides Id and the stamps): the rules' fields, then the mapped ones. */
    List<String> selected(String object, MappedFields mapped);

    /** The same, with the mappings as they stand now. */
    default List<String> selected(String object) {
        return selected(object, mapped());
    }
}
