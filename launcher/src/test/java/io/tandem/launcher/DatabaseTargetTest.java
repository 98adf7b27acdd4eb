package io.tandem.launcher;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseTargetTest {

    @Test
    void readsHostPortAndDatabaseFromTheUrl() {
        DatabaseTarget db = new DatabaseTarget("jdbc:mariadb://db.example.com:3310/marketing?sslMode=verify-full", "u", "p");
        assertEquals("db.example.com", db.host());
        assertEquals(3310, db.port());
        assertEquals("marketing", db.schema());
    }

    @Test
    void defaultsToPort3306() {
        assertEquals(3306, new DatabaseTarget("jdbc:mariadb://db/tandem", "u", "p").port());
    }

    @Test
    void addsMysqlMetadataForPayaraOnceOnly() {
        assertEquals("jdbc:mariadb://h/t?useMysqlMetadata=true", new DatabaseTarget("jdbc:mariadb://h/t", "u", "p").payaraUrl());
        assertEquals("jdbc:mariadb://h/t?a=b&useMysqlMetadata=true", new DatabaseTarget("jdbc:mariadb://h/t?a=b", "u", "p").payaraUrl());
        String already = "jdbc:mariadb://h/t?useMysqlMetadata=true";
        assertEquals(already, new DatabaseTarget(already, "u", "p").payaraUrl());
    }

    @Test
    void rejectsWhatIsNotAMariaDbUrlWithAPlainMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DatabaseTarget("jdbc:postgresql://h/t", "u", "p"));
        assertTrue(e.getMessage().contains("TANDEM_DB_URL"));
        assertThrows(IllegalArgumentException.class, () -> new DatabaseTarget("jdbc:mariadb://h/", "u", "p").schema());
        assertThrows(IllegalArgumentException.class, () -> new DatabaseTarget("jdbc:mariadb://h/t", "", "p"));
    }
}
