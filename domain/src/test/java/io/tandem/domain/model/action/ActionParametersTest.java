package io.tandem.domain.model.action;

import io.tandem.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActionParametersTest {

    @Test
    void aTaskKeepsWhatItWasGivenAndBecomesATaskMarkedWithItsTarget() {
        ActionParameters p = ActionParameters.of(ActionKind.TASK, Map.of("subject", " Call back ", "dueDate", "2026-12-05", "priority", "High",
                "ownerId", "record"));
        assertEquals("Call back", p.text("subject"));
        assertTrue(ActionTask.ownedByRecordOwner(p));
        Map<String, Object> f = ActionTask.fields(p, 42, "00Q000000000001AAA", "005000000000001AAA");
        assertEquals("Call back [Tandem action 42]", f.get("Subject"));
        assertEquals("2026-12-05", f.get("ActivityDate"));
        assertEquals("005000000000001AAA", f.get("OwnerId"));
        assertFalse(f.containsKey("Status"), "Salesforce's default when none is given");
    }

    @Test
    void aTaskRefusesWhatCannotBeSent() {
        assertEquals("subject", field(ActionKind.TASK, Map.of()));
        assertEquals("subject", field(ActionKind.TASK, Map.of("subject", "x".repeat(256))));
        assertEquals("dueDate", field(ActionKind.TASK, Map.of("subject", "x", "dueDate", "5/12/2026")));
        assertEquals("ownerId", field(ActionKind.TASK, Map.of("subject", "x", "ownerId", "someone")));
        assertEquals("queueId", field(ActionKind.TASK, Map.of("subject", "x", "queueId", "00G000000000001")), "not a task's parameter");
        assertEquals("subject", field(ActionKind.TASK, Map.of("subject", 12)));
    }

    @Test
    void aCampaignNamesOneCampaignAndAQueueAQueue() {
        assertEquals("campaignId", field(ActionKind.CAMPAIGN, Map.of()));
        assertEquals("campaignId", field(ActionKind.CAMPAIGN, Map.of("campaignId", 3, "salesforceCampaignId", "701000000000001")));
        assertEquals("salesforceCampaignId", field(ActionKind.CAMPAIGN, Map.of("salesforceCampaignId", "001000000000001")));
        assertEquals(3L, ActionParameters.of(ActionKind.CAMPAIGN, Map.of("campaignId", new java.math.BigDecimal(3))).number("campaignId"));
        assertEquals("queueId", field(ActionKind.QUEUE, Map.of("queueId", "005000000000001")));
        assertEquals("00G000000000001", ActionParameters.of(ActionKind.QUEUE, Map.of("queueId", "00G000000000001")).text("queueId"));
        assertTrue(ActionParameters.of(ActionKind.PUSH, Map.of()).values().isEmpty());
        assertThrows(InvalidValueException.class, () -> ActionKind.parse("call"));
    }

    @Test
    void aLongSubjectIsCutBeforeItsMark() {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("subject", "y".repeat(255));
        String subject = ActionTask.subject(ActionParameters.of(ActionKind.TASK, given), 7);
        assertEquals(ActionTask.SUBJECT, subject.length());
        assertTrue(subject.endsWith("… [Tandem action 7]"));
    }

    private static String field(ActionKind kind, Map<String, Object> given) {
        return assertThrows(InvalidValueException.class, () -> ActionParameters.of(kind, given)).field();
    }
}
