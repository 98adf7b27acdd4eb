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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * New companies and contacts inserted on the transaction's own connection (the same resource JPA uses,
 * so they commit or roll back with everything else), each table's rows in one {@link LoadDataInsert}
 * (by {@link MultiRowInsert} where the database does not allow LOAD DATA LOCAL).
 */
@ApplicationScoped
public class JdbcNewRecords implements NewRecords {

    private static final Logger LOG = Logger.getLogger(JdbcNewRecords.class.getName());

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

    private static final String[] COMPANY_COLUMNS = {"id", "name", "domain", "website", "standalone", "sf_account_id", "industry",
            "annual_revenue", "employees", "created_at", "updated_at", "version"};
    private static final String[] CONTACT_COLUMNS = {"id", "email", "email_key", "first_name", "last_name", "phone", "title", "city",
            "state", "country", "lead_score", "company_id", "custom_fields", "traffic_source", "utm_source", "utm_medium", "utm_campaign",
            "system_source", "sync_on_create", "sf_id", "sf_type", "sf_deleted", "sf_modified_at", "field_state", "created_at",
            "updated_at", "version"};

    /** Room made for a row's text from the start: a contact imported from Salesforce takes 300-400 bytes. */
    private static final int ROW_BYTES = 512;

    /** Set once the database refuses LOAD DATA LOCAL: from then on rows go in by multi-row INSERT. */
    private final AtomicBoolean loadDataRefused = new AtomicBoolean();

    @Override
    public void insert(List<Company> companies, List<Contact> contacts) {
        try (Connection c = dataSource.getConnection()) {
            List<Object[]> rows = new ArrayList<>(companies.size());
            for (Company co : companies) {
                rows.add(new Object[] {co.id(), co.name(), co.domain(), co.website(), co.isStandalone(),
                        co.account() == null ? null : co.account().value(), co.value(CompanyField.INDUSTRY),
                        co.value(CompanyField.ANNUAL_REVENUE), co.value(CompanyField.EMPLOYEES), co.createdAt(), co.updatedAt(), 1});
            }
            insert(c, "companies", COMPANY_COLUMNS, rows);
            rows = new ArrayList<>(contacts.size());
            for (Contact ct : contacts) {
                SalesforceLink link = ct.salesforce();
                rows.add(new Object[] {ct.id(), ct.email().address(), ct.email().key(), ct.get(ContactField.FIRST_NAME),
                        ct.get(ContactField.LAST_NAME), ct.get(ContactField.PHONE), ct.get(ContactField.TITLE),
                        ct.get(ContactField.CITY), ct.get(ContactField.STATE), ct.get(ContactField.COUNTRY),
                        ct.get(ContactField.LEAD_SCORE), ct.companyId(), ct.storedCustomFields(),
                        ct.get(ContactField.TRAFFIC_SOURCE), ct.get(ContactField.UTM_SOURCE), ct.get(ContactField.UTM_MEDIUM),
                        ct.get(ContactField.UTM_CAMPAIGN), ct.systemSource().name(), ct.syncOnCreate().name(),
                        link.isLinked() ? link.id().value() : null, link.isLinked() ? link.type().name() : null,
                        link.isDeleted(), link.modifiedAt(), ct.storedFieldState(), ct.createdAt(), ct.updatedAt(), 1});
            }
            insert(c, "contacts", CONTACT_COLUMNS, rows);
        } catch (SQLException e) {
            // a PersistenceException like JPA's own, so callers and batch retries treat both alike
            throw new PersistenceException("Writing new records failed: " + e.getMessage(), e);
        }
    }

    /**
     * One table's rows: by LOAD DATA LOCAL, or where the database does not allow it, by multi-row INSERT
     * (a refused LOAD DATA changes nothing, so the same transaction goes on).
     */
    private void insert(Connection c, String table, String[] columns, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        if (!loadDataRefused.get()) {
            try (LoadDataInsert load = new LoadDataInsert(c, ROW_BYTES * rows.size(), table, columns)) {
                for (Object[] row : rows) {
                    load.add(row);
                }
                load.finish();
                return;
            } catch (SQLException e) {
                if (!LoadDataInsert.isRefusal(e)) {
                    throw e;
                }
                if (loadDataRefused.compareAndSet(false, true)) {
                    LOG.warning("The database refuses LOAD DATA LOCAL (" + e.getMessage() + "); new records go in by multi-row "
                            + "INSERT, about a third slower for an import (BENCHMARKS.md). Set local_infile=ON on the server to allow it.");
                }
            }
        }
        try (MultiRowInsert insert = new MultiRowInsert(c, table, columns)) {
            for (Object[] row : rows) {
                insert.add(row);
            }
            insert.finish();
        }
    }
}
