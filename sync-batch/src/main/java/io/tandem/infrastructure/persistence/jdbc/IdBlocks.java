package io.tandem.infrastructure.persistence.jdbc;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Ids from {@code id_sequences}, in blocks, exactly as JPA's table generators take them (add the block
 * size, read the new value, use the values above the old one), so both draw from one sequence without
 * overlap. Blocks are taken on the non-transactional pool and commit at once.
 */
@ApplicationScoped
public class IdBlocks {

    private static final int BLOCK = 1000;

    @Resource(lookup = "jdbc/tandem-nontx")
    DataSource nontx;

    private final Map<String, long[]> blocks = new HashMap<>();

    public synchronized long next(String sequence) {
        long[] b = blocks.get(sequence);
        if (b == null || b[0] > b[1]) {
            long high = allocate(sequence);
            b = new long[] {high - BLOCK + 1, high};
            blocks.put(sequence, b);
        }
        return b[0]++;
    }

    private long allocate(String sequence) {
        try (Connection c = nontx.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement up = c.prepareStatement("UPDATE id_sequences SET next_val = LAST_INSERT_ID(next_val + ?) WHERE name = ?")) {
                up.setInt(1, BLOCK);
                up.setString(2, sequence);
                if (up.executeUpdate() != 1) {
                    throw new IllegalStateException("no id sequence named " + sequence);
                }
            }
            try (PreparedStatement q = c.prepareStatement("SELECT LAST_INSERT_ID()"); ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot allocate ids for " + sequence + ": " + e.getMessage(), e);
        }
    }
}
