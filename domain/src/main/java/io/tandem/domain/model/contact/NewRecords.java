package io.tandem.domain.model.contact;

import io.tandem.domain.model.company.Company;
import io.tandem.domain.model.sync.OutboxEntry;

import java.util.List;

/**
 * A port for writing many new records at once, faster than one persist each: companies, the contacts
 * in them and their outbox entries, in the caller's transaction. Ids come from the same blocks JPA
 * draws from, handed out at once so records can refer to each other before they are written.
 */
public interface NewRecords {

    void identify(Company company);

    void identify(Contact contact);

    void identify(OutboxEntry entry);

    /** Inserts them, companies first; all had {@code identify} called. */
    void insert(List<Company> companies, List<Contact> contacts, List<OutboxEntry> entries);
}
