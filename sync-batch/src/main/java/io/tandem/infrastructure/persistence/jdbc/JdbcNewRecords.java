package io.tandem.infrastructure.persistence.jdbc;

import io.tandem.domain.model.company.Company;
import io.tandem.domain.model.company.CompanyField;
import io.tandem.domain.model.contact.Contact;
import io.tandem.domain.model.contact.ContactField;
import io.tandem.domain.model.contact.NewRecords;
import io.tandem.domain.model.contact.SalesforceLink;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * New companies and contacts inserted on the transaction's own connection (the same resource JPA uses,
 * so they commit or roll back with everything else), each table's rows in one {@link LoadDataInsert}.
 */
@ApplicationScoped
public class JdbcNewRecords implements NewRecords {

    @Resource(lookup = "jdbc/tandem")
    DataSource dataSource;

    @Inject
    IdBlocks ids;

    @Override
    public void identify(Company company) {
        company.identify(ids.next("companies"));
    }

    @Override
    public void identify(Contact contact) {
        contact.identify(ids.next("contacts"));
    }

    @Override
    public void insert(List<Company> companies, List<Contact> contacts) {
        try (Connection c = dataSource.getConnection()) {
            if (!companies.isEmpty()) {
                try (LoadDataInsert rows = new LoadDataInsert(c, "companies", "id", "name", "domain", "website", "standalone",
                        "sf_account_id", "industry", "annual_revenue", "employees", "created_at", "updated_at", "version")) {
                    for (Company co : companies) {
                        rows.add(co.id(), co.name(), co.domain(), co.website(), co.isStandalone(),
                                co.account() == null ? null : co.account().value(), co.value(CompanyField.INDUSTRY),
                                co.value(CompanyField.ANNUAL_REVENUE), co.value(CompanyField.EMPLOYEES), co.createdAt(),
                                co.updatedAt(), 1);
                    }
                    rows.finish();
                }
            }
            if (!contacts.isEmpty()) {
                try (LoadDataInsert rows = new LoadDataInsert(c, "contacts", "id", "email", "email_key", "first_name", "last_name",
                        "phone", "title", "city", "state", "country", "lead_score", "company_id", "custom_fields", "traffic_source",
                        "utm_source", "utm_medium", "utm_campaign", "system_source", "sync_on_create", "sf_id", "sf_type", "sf_deleted",
                        "sf_modified_at", "field_state", "created_at", "updated_at", "version")) {
                    for (Contact ct : contacts) {
                        SalesforceLink link = ct.salesforce();
                        rows.add(ct.id(), ct.email().address(), ct.email().key(), ct.get(ContactField.FIRST_NAME),
                                ct.get(ContactField.LAST_NAME), ct.get(ContactField.PHONE), ct.get(ContactField.TITLE),
                                ct.get(ContactField.CITY), ct.get(ContactField.STATE), ct.get(ContactField.COUNTRY),
                                ct.get(ContactField.LEAD_SCORE), ct.companyId(), ct.storedCustomFields(),
                                ct.get(ContactField.TRAFFIC_SOURCE), ct.get(ContactField.UTM_SOURCE), ct.get(ContactField.UTM_MEDIUM),
                                ct.get(ContactField.UTM_CAMPAIGN), ct.systemSource().name(), ct.syncOnCreate().name(),
                                link.isLinked() ? link.id().value() : null, link.isLinked() ? link.type().name() : null,
                                link.isDeleted(), link.modifiedAt(),
                                ct.storedFieldState(), ct.createdAt(), ct.updatedAt(), 1);
                    }
                    rows.finish();
                }
            }
        } catch (SQLException e) {
            // a PersistenceException like JPA's own, so callers and batch retries treat both alike
            throw new PersistenceException("Writing new records failed: " + e.getMessage(), e);
        }
    }
}
