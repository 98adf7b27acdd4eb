package io.tandem.domain.model.contact;

import io.tandem.domain.model.company.Company;
import io.tandem.domain.model.sync.OutboxEntry;

import java.util.List;

/**
 * A port for writing many new records at once, faster than one persist each: companies, the contacts
 * in them and their outbox entries, in the caller's transaction. Company and contact ids come from the
 * same blocks JPA draws from, handed out at once so records can refer to each other before they are
 * written; outbox entries take the table's own counter, which keeps them in the order of the changes.
 */
public interface NewRecords {

    void identify(Company company);

    void identify(Contact contact);

    /** Inserts them, companies first; companies and contacts had {@code identify} called. */
    void insert(List<Company> companies, List<Contact> contacts, List<OutboxEntry> entries);
}
