package io.tandem.domain.model.contact;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The field clocks' stored form: short for what Salesforce set and nobody changed since, whole for the rest. */
class FieldClocksTest {

    private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-01T11:00:00Z");

    @Test
    void whatSalesforceSetIsStoredShortAndReadBackWhole() {
        FieldClocks clocks = FieldClocks.of(null);
        clocks.changed("title", SystemSource.SALESFORCE, T1);
        clocks.exchanged("title", "Engineer", T1);
        clocks.exchanged("phone", null, T1);
        clocks.changed("leadScore", SystemSource.SALESFORCE, T1);
        clocks.exchanged("leadScore", 42, T1);

        String json = clocks.json();
        assertEquals("{\"~\":\"2026-03-01T10:00:00Z\",\"title\":[\"Engineer\"],\"phone\":[],\"leadScore\":[42]}", json);

        FieldClocks read = FieldClocks.of(json);
        assertEquals(Map.of("at", T1.toString(), "by", "salesforce", "base", "Engineer", "baseAt", T1.toString()), read.view().get("title"));
        assertEquals(T1, read.changedAt("title"));
        assertEquals("Engineer", read.base("title"));
        assertEquals(new BigDecimal(42), read.base("leadScore"));
        assertNull(read.changedAt("phone"), "exchanged empty, never changed here");
        assertTrue(read.view().containsKey("phone"));
        assertNull(read.base("phone"));
        assertEquals(json, read.json(), "the same text again");
    }

    @Test
    void aClockChangedHereOrExchangedAtAnotherTimeIsStoredWhole() {
        FieldClocks clocks = FieldClocks.of(null);
        clocks.changed("title", SystemSource.SALESFORCE, T1);
        clocks.exchanged("title", "Engineer", T1);
        clocks.changed("city", SystemSource.SALESFORCE, T1);
        clocks.exchanged("city", "Lyon", T1);
        clocks.changed("city", SystemSource.UI, T2);
        clocks.exchanged("phone", null, T2);

        FieldClocks read = FieldClocks.of(clocks.json());
        assertTrue(clocks.json().contains("\"city\":{\"at\":\"2026-03-01T11:00:00Z\",\"by\":\"ui\",\"base\":\"Lyon\""), clocks.json());
        assertTrue(clocks.json().contains("\"phone\":{\"base\":null,\"baseAt\":\"2026-03-01T11:00:00Z\"}"), clocks.json());
        assertEquals(T2, read.changedAt("city"));
        assertEquals("Lyon", read.base("city"));
        assertEquals(T1, read.changedAt("title"));
    }

    @Test
    void theLongFormOfEarlierVersionsStillReads() {
        FieldClocks read = FieldClocks.of("{\"title\":{\"at\":\"2026-03-01T10:00:00Z\",\"by\":\"salesforce\",\"base\":\"CTO\","
                + "\"baseAt\":\"2026-03-01T10:00:00Z\"},\"city\":{\"at\":\"2026-03-01T11:00:00Z\",\"by\":\"api\"}}");
        assertEquals("CTO", read.base("title"));
        assertEquals(T2, read.changedAt("city"));
        assertEquals("{\"~\":\"2026-03-01T10:00:00Z\",\"title\":[\"CTO\"],\"city\":{\"at\":\"2026-03-01T11:00:00Z\",\"by\":\"api\"}}",
                read.json(), "written short from then on");
    }

    @Test
    void nothingToShortenLeavesNoStamp() {
        FieldClocks clocks = FieldClocks.of(null);
        clocks.changed("title", SystemSource.API, T1);
        assertEquals("{\"title\":{\"at\":\"2026-03-01T10:00:00Z\",\"by\":\"api\"}}", clocks.json());
        assertNull(FieldClocks.of(null).json());
    }

    @Test
    void aClockExchangedThenChangedHereKeepsAllFourPartsThroughTheColumn() {
        FieldClocks clocks = FieldClocks.of(null);
        clocks.exchanged("title", "Engineer", T1);
        clocks.changed("title", SystemSource.UI, T2);
        FieldClocks read = FieldClocks.of(clocks.json());
        assertEquals(Map.of("at", T2.toString(), "by", "ui", "base", "Engineer", "baseAt", T1.toString()), read.view().get("title"));
        assertEquals(T2, read.changedAt("title"));
        assertEquals("Engineer", read.base("title"));
        assertNull(read.changedAt("city"));
        assertNull(read.base("city"));
        assertEquals(clocks.json(), read.json());
    }
}
