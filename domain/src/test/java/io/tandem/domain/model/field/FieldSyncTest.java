package io.tandem.domain.model.field;

import io.tandem.domain.model.field.FieldSync.Decision;
import io.tandem.domain.model.field.FieldSync.Side;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.tandem.domain.model.field.SyncMode.ALWAYS_SALESFORCE;
import static io.tandem.domain.model.field.SyncMode.ALWAYS_TANDEM;
import static io.tandem.domain.model.field.SyncMode.DO_NOT_SYNC;
import static io.tandem.domain.model.field.SyncMode.PREFER_SALESFORCE_UNLESS_EMPTY;
import static io.tandem.domain.model.field.SyncMode.TWO_WAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The table of §3, row by row, in both directions. */
class FieldSyncTest {

    private static final Instant T1 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-01-01T11:00:00Z");

    private static Side side(Object v, Instant at) {
        return new Side(v, at);
    }

    @Test
    void preferSalesforceUnlessEmpty() {
        assertTrue(FieldSync.inbound(PREFER_SALESFORCE_UNLESS_EMPTY, side("CTO", T2), "CTO", side("CEO", T1)).apply());
        assertFalse(FieldSync.inbound(PREFER_SALESFORCE_UNLESS_EMPTY, side("CTO", T2), "CTO", side("", T1)).apply(), "an empty SF value changes nothing");
        assertTrue(FieldSync.outbound(PREFER_SALESFORCE_UNLESS_EMPTY, side("CTO", T2), null, side(null, T1)).apply(), "sent while SF is blank");
        Decision filled = FieldSync.outbound(PREFER_SALESFORCE_UNLESS_EMPTY, side("CTO", T2), null, side("CEO", T1));
        assertFalse(filled.apply(), "never overwrites a filled field");
        assertTrue(filled.reason().contains("Salesforce has a value"));
    }

    @Test
    void alwaysSalesforce() {
        Decision blank = FieldSync.inbound(ALWAYS_SALESFORCE, side("CTO", T2), "CTO", side(null, T1));
        assertTrue(blank.apply(), "blanks included");
        assertEquals(null, blank.value());
        assertFalse(FieldSync.outbound(ALWAYS_SALESFORCE, side("CTO", T2), null, side(null, T1)).apply());
    }

    @Test
    void alwaysTandem() {
        assertTrue(FieldSync.inbound(ALWAYS_TANDEM, side(null, null), null, side("CEO", T1)).apply(), "fills an empty local value");
        assertFalse(FieldSync.inbound(ALWAYS_TANDEM, side("CTO", T1), "CTO", side("CEO", T2)).apply());
        assertTrue(FieldSync.outbound(ALWAYS_TANDEM, side("CTO", T1), "CTO", side("CEO", T2)).apply());
    }

    @Test
    void twoWayOneSideChanged() {
        assertTrue(FieldSync.inbound(TWO_WAY, side("A", T1), "A", side("B", T2)).apply(), "only Salesforce changed");
        assertFalse(FieldSync.inbound(TWO_WAY, side("B", T2), "A", side("A", T1)).apply(), "only Tandem changed");
        assertTrue(FieldSync.outbound(TWO_WAY, side("B", T2), "A", side("A", T1)).apply());
        assertFalse(FieldSync.outbound(TWO_WAY, side("A", T1), "A", side("B", T2)).apply());
    }

    @Test
    void twoWayBothChangedTheLaterWinsAndTheConflictShows() {
        Decision sfLater = FieldSync.inbound(TWO_WAY, side("Local", T1), "Base", side("Remote", T2));
        assertTrue(sfLater.apply());
        assertTrue(sfLater.conflict());
        assertEquals("Remote", sfLater.value());
        Decision localLater = FieldSync.outbound(TWO_WAY, side("Local", T2), "Base", side("Remote", T1));
        assertTrue(localLater.apply());
        assertTrue(localLater.conflict());
        assertFalse(FieldSync.outbound(TWO_WAY, side("Local", T1), "Base", side("Remote", T2)).apply(), "a stale local value never overwrites");
        assertFalse(FieldSync.inbound(TWO_WAY, side("Local", T2), "Base", side("Remote", T1)).apply(), "a stale SF value never overwrites");
    }

    @Test
    void doNotSyncAndEqualValuesDoNothing() {
        assertFalse(FieldSync.inbound(DO_NOT_SYNC, side("A", T1), null, side("B", T2)).apply());
        assertFalse(FieldSync.outbound(DO_NOT_SYNC, side("A", T2), null, side("B", T1)).apply());
        assertFalse(FieldSync.inbound(ALWAYS_SALESFORCE, side("", T1), null, side(null, T2)).apply(), "blank and null are the same emptiness");
        assertFalse(FieldSync.outbound(ALWAYS_TANDEM, side(7, T2), null, side(new java.math.BigDecimal("7.0"), T1)).apply(), "7 and 7.0 are equal");
    }
}
