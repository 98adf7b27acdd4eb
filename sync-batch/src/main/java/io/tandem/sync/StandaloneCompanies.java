package io.tandem.sync;

import io.tandem.domain.model.company.Company;
import io.tandem.domain.model.company.CompanyRepository;
import io.tandem.domain.model.contact.ContactRepository;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/**
 * A standalone company exists for its one contact: once a contact leaves it (moved, converted, deleted)
 * and nothing else is in it, it goes. Shared by every path that moves contacts, in the caller's transaction.
 */
@Dependent
public class StandaloneCompanies {

    @Inject
    ContactRepository contacts;
    @Inject
    CompanyRepository companies;

    public void removeIfOrphaned(long companyId) {
        companies.find(companyId).filter(Company::isStandalone).ifPresent(old -> {
            if (contacts.countInCompany(companyId) == 0) {
                companies.remove(old);
            }
        });
    }
}
