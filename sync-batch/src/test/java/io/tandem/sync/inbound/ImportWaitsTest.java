package io.tandem.sync.inbound;

import io.tandem.domain.service.SalesforceFailure;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ImportWaitsTest {

    private static final Instant ENDED = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void triesAgainAfter30SecondsThenTwiceAsLongUpToTenMinutes() {
        assertEquals(ENDED.plusSeconds(30), ImportWaits.nextTry(ENDED, 1));
        assertEquals(ENDED.plusSeconds(60), ImportWaits.nextTry(ENDED, 2));
        assertEquals(ENDED.plusSeconds(240), ImportWaits.nextTry(ENDED, 4));
        assertEquals(ENDED.plusSeconds(600), ImportWaits.nextTry(ENDED, 6));
        assertEquals(ENDED.plusSeconds(600), ImportWaits.nextTry(ENDED, 60));
    }

    @Test
    void aPassingFailureWaitsAndAnyOtherFailsNamingItsCause() {
        assertEquals("WAIT: Salesforce answered SERVER_UNAVAILABLE: down for maintenance",
                ImportWaits.exitStatus(new SalesforceFailure("SERVER_UNAVAILABLE", "down for maintenance", true)));
        assertEquals("FAILED: Salesforce answered INVALID_FIELD: No such column 'Foo__c'",
                ImportWaits.exitStatus(new SalesforceFailure("INVALID_FIELD", "No such column 'Foo__c'", false)));
    }
}
