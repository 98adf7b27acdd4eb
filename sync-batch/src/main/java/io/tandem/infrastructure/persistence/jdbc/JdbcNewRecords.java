package io.tandem.infrastructure.persistence.jdbc;

import io.tandem.domain.model.company.Company;
import io.tandem.domain.model.contact.Contact;
import io.tandem.domain.model.contact.ContactField;
import io.tandem.domain.model.contact.NewRecords;
import io.tandem.domain.model.contact.SalesforceLink;
import io.tandem.domain.model.sync.OutboxEntry;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;

/**
 * Batched inserts of new companies, contacts and outbox entries on the transaction's own connection
 * (the same resource JPA uses, so they commit or roll back with everything else), letting the MariaDB
 * driver send each batch with its bulk protocol.
 */
@ApplicationScoped
public class JdbcNewRecords implements NewRecords {

    private static final String COMPANY = "INSERT INTO companies (id, name, domain, website, standalone, sf_account_id, "
            + "created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)";
    private static final String CONTACT = "INSERT INTO contacts (id, email, email_key, first_name, last_name, phone, title, "
            + "city, state, country, lead_score, company_id, custom_fields, traffic_source, utm_source, utm_medium, "
            + "utm_campaign, system_source, sync_on_create, sf_id, sf_type, sf_deleted, sf_modified_at, field_state, "
            + "created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)";
    private static final String OUTBOX = "INSERT INTO outbox (record_type, record_id, operation, fields, source, "
            + "created_at, status) VALUES (?, ?, ?, ?, ?, ?, 'PENDING')";

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
    public void insert(List<Company> companies, List<Contact> contacts, List<OutboxEntry> entries) {
        try (Connection c = dataSource.getConnection()) {
            if (!companies.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(COMPANY)) {
                    for (Company co : companies) {
                        ps.setLong(1, co.id());
                        ps.setString(2, co.name());
                        ps.setString(3, co.domain());
                        ps.setString(4, co.website());
                        ps.setBoolean(5, co.isStandalone());
                        ps.setString(6, co.account() == null ? null : co.account().value());
                        ps.setTimestamp(7, Timestamp.from(co.createdAt()));
                        ps.setTimestamp(8, Timestamp.from(co.updatedAt()));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            if (!contacts.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(CONTACT)) {
                    for (Contact ct : contacts) {
                        int i = 1;
                        ps.setLong(i++, ct.id());
                        ps.setString(i++, ct.email().address());
                        ps.setString(i++, ct.email().key());
                        for (ContactField f : List.of(ContactField.FIRST_NAME, ContactField.LAST_NAME, ContactField.PHONE,
                                ContactField.TITLE, ContactField.CITY, ContactField.STATE, ContactField.COUNTRY)) {
                            ps.setString(i++, (String) ct.get(f));
                        }
                        Object score = ct.get(ContactField.LEAD_SCORE);
                        if (score == null) {
                            ps.setNull(i++, Types.INTEGER);
                        } else {
                            ps.setInt(i++, (Integer) score);
                        }
                        ps.setLong(i++, ct.companyId());
                        ps.setString(i++, ct.storedCustomFields());
                        for (ContactField f : List.of(ContactField.TRAFFIC_SOURCE, ContactField.UTM_SOURCE,
                                ContactField.UTM_MEDIUM, ContactField.UTM_CAMPAIGN)) {
                            ps.setString(i++, (String) ct.get(f));
                        }
                        ps.setString(i++, ct.systemSource().name());
                        ps.setString(i++, ct.syncOnCreate().name());
                        SalesforceLink link = ct.salesforce();
                        ps.setString(i++, link.isLinked() ? link.id().value() : null);
                        ps.setString(i++, link.isLinked() ? link.type().name() : null);
                        ps.setBoolean(i++, link.isDeleted());
                        ps.setTimestamp(i++, link.modifiedAt() == null ? null : Timestamp.from(link.modifiedAt()));
                        ps.setString(i++, ct.storedFieldState());
                        ps.setTimestamp(i++, Timestamp.from(ct.createdAt()));
                        ps.setTimestamp(i, Timestamp.from(ct.updatedAt()));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            if (!entries.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(OUTBOX)) {
                    for (OutboxEntry e : entries) {
                        ps.setString(1, e.recordType().name());
                        ps.setLong(2, e.recordId());
                        ps.setString(3, e.operation().name());
                        ps.setString(4, String.join(",", e.fields()));
                        ps.setString(5, e.source().name());
                        ps.setTimestamp(6, Timestamp.from(e.createdAt()));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
        } catch (SQLException e) {
            // a PersistenceException like JPA's own, so callers and batch retries treat both alike
            throw new PersistenceException("Writing new records failed: " + e.getMessage(), e);
        }
    }
}
