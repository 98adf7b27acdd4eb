package io.tandem.infrastructure.persistence.jdbc;

import io.tandem.domain.model.contact.ExistingKeys;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/** The key columns read on the non-transactional pool, each through its own index, streamed row by row. */
@ApplicationScoped
public class JdbcExistingKeys implements ExistingKeys {

    private static final String[] KEYS = {
            "SELECT sf_id FROM contacts WHERE sf_id IS NOT NULL",
            "SELECT email_key FROM contacts",
            "SELECT sf_account_id FROM companies WHERE sf_account_id IS NOT NULL"};
    /** Rows fetched at a time: the connector streams the result instead of reading it whole. */
    private static final int FETCH = 5_000;

    @Resource(lookup = "jdbc/tandem-nontx")
    DataSource nontx;

    @Override
    public long rowsUpTo(long limit) {
        try (Connection c = nontx.getConnection()) {
            return Math.min(limit, countUpTo(c, "contacts", limit) + countUpTo(c, "companies WHERE sf_account_id IS NOT NULL", limit));
        } catch (SQLException e) {
            throw new PersistenceException("Counting the keyed rows failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, Long> accountCompanies(int limit) {
        try (Connection c = nontx.getConnection()) {
            Map<String, Long> companies = new HashMap<>();
            if (countUpTo(c, "companies WHERE sf_account_id IS NOT NULL", limit + 1L) <= limit) {
                stream(c, "SELECT sf_account_id, id FROM companies WHERE sf_account_id IS NOT NULL",
                        rs -> companies.put(rs.getString(1), rs.getLong(2)));
            }
            return companies;
        } catch (SQLException e) {
            throw new PersistenceException("Reading the Accounts' companies failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void forEach(Consumer<String> key) {
        try (Connection c = nontx.getConnection()) {
            for (String sql : KEYS) {
                stream(c, sql, rs -> key.accept(rs.getString(1)));
            }
        } catch (SQLException e) {
            throw new PersistenceException("Reading the keyed rows failed: " + e.getMessage(), e);
        }
    }

    /** The rows of {@code rows} (a table, with its condition), counted no further than {@code limit}. */
    private static long countUpTo(Connection c, String rows, long limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM (SELECT 1 FROM " + rows + " LIMIT ?) a")) {
            ps.setLong(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    /** Each row of the query given to {@code row} as it comes, {@value #FETCH} fetched at a time. */
    private static void stream(Connection c, String sql, Row row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(FETCH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        }
    }
}
