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
        try (Connection c = nontx.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM contacts LIMIT ?) a) + (SELECT COUNT(*) FROM (SELECT 1 FROM companies "
                        + "WHERE sf_account_id IS NOT NULL LIMIT ?) b)")) {
            ps.setLong(1, limit);
            ps.setLong(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Math.min(limit, rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new PersistenceException("Counting the keyed rows failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, Long> accountCompanies(int limit) {
        try (Connection c = nontx.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM (SELECT 1 FROM companies WHERE sf_account_id IS NOT NULL "
                    + "LIMIT ?) a")) {
                ps.setLong(1, limit + 1L);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > limit) {
                        return Map.of();
                    }
                }
            }
            Map<String, Long> companies = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT sf_account_id, id FROM companies WHERE sf_account_id IS NOT NULL")) {
                ps.setFetchSize(FETCH);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        companies.put(rs.getString(1), rs.getLong(2));
                    }
                }
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
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setFetchSize(FETCH);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            key.accept(rs.getString(1));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("Reading the keyed rows failed: " + e.getMessage(), e);
        }
    }
}
