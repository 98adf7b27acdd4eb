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
 * <p>
 * Each thread draws from a block of its own: an import applies four pages at once, and ids handed out in
 * turn from one block interleaved their rows, so the pages inserted into the same places of the primary key
 * at once, and waited on one lock to draw each id. A thread's rows now come in runs of {@value #BLOCK} ids.
 * Ids say nothing about the order rows were made in, and gaps are fine.
 */
@ApplicationScoped
public class IdBlocks {

    private static final int BLOCK = 1000;

    @Resource(lookup = "jdbc/tandem-nontx")
    DataSource nontx;

    /** Each thread's blocks by sequence: the next id and the last. */
    private final ThreadLocal<Map<String, long[]>> blocks = ThreadLocal.withInitial(HashMap::new);

    public long next(String sequence) {
        Map<String, long[]> blocks = this.blocks.get();
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
