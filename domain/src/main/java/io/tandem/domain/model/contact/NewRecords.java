package io.tandem.domain.model.contact;

import io.tandem.domain.model.company.Company;

import java.util.List;

/**
 * A port for writing many new records at once, faster than one persist each: companies and the contacts
 * in them, in the caller's transaction. Their ids come from the same blocks JPA draws from, handed out at
 * once so records can refer to each other before they are written.
 */
public interface NewRecords {

    void identify(Company company);

    void identify(Contact contact);

    /** Inserts them, companies first; companies and contacts had {@code identify} called. */
    void insert(List<Company> companies, List<Contact> contacts);
}
