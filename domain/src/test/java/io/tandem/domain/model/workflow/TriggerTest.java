package io.tandem.domain.model.workflow;

import io.tandem.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TriggerTest {

    @Test
    void aFieldTriggerFiresOnThatFieldChangedToThatValueWhateverItsCase() {
        Trigger t = Trigger.of(Map.of("type", "field_changed", "field", "title", "value", "CTO"));
        assertTrue(t.firesOn(Trigger.Change.field("title", "cto ")));
        assertFalse(t.firesOn(Trigger.Change.field("title", "CEO")));
        assertFalse(t.firesOn(Trigger.Change.field("city", "CTO")));
        assertFalse(t.firesOn(Trigger.Change.created()));
        Trigger anyChangeToNothing = Trigger.of(Map.of("type", "field_changed", "field", "phone"));
        assertTrue(anyChangeToNothing.firesOn(Trigger.Change.field("phone", null)), "no value: cleared");
        assertFalse(anyChangeToNothing.firesOn(Trigger.Change.field("phone", "555")));
    }

    @Test
    void formAndCampaignTriggersNameOneOrAny() {
        assertTrue(Trigger.of(Map.of("type", "form_submitted")).firesOn(Trigger.Change.form("Demo")));
        assertTrue(Trigger.of(Map.of("type", "form_submitted", "form", "demo")).firesOn(Trigger.Change.form("Demo")));
        assertFalse(Trigger.of(Map.of("type", "form_submitted", "form", "demo")).firesOn(Trigger.Change.form("Contact us")));
        assertTrue(Trigger.of(Map.of("type", "added_to_campaign")).firesOn(Trigger.Change.addedTo(4)));
        assertFalse(Trigger.of(Map.of("type", "added_to_campaign", "campaignId", 3)).firesOn(Trigger.Change.addedTo(4)));
        assertTrue(Trigger.of(Map.of("type", "contact_created")).firesOn(Trigger.Change.created()));
    }

    @Test
    void aTriggerSaysWhatIsWrongWithIt() {
        assertEquals("trigger.type", field(Map.of("type", "opened")));
        assertEquals("trigger.field", field(Map.of("type", "field_changed")));
        assertEquals("trigger.field", field(Map.of("type", "contact_created", "field", "title")));
        assertEquals("trigger.form", field(Map.of("type", "added_to_campaign", "form", "x")));
        assertEquals("trigger.campaignId", field(Map.of("type", "added_to_campaign", "campaignId", "three")));
    }

    @Test
    void aWorkflowKeepsItsStepsInOrderAndNamesAStepsFaultByItsPlace() {
        Workflow w = new Workflow("New CTO", Map.of("type", "contact_created"), List.of(Map.of("action", "queue", "queueId", "00G000000000001"),
                Map.of("action", "task", "subject", "Call")), true, Instant.now());
        assertEquals(List.of("queue", "task"), w.steps().stream().map(s -> s.action().code()).toList());
        assertEquals("Call", w.steps().get(1).parameters().text("subject"));
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> new Workflow("x", Map.of("type", "contact_created"),
                List.of(Map.of("action", "task", "subject", "ok"), Map.of("action", "queue")), true, Instant.now()));
        assertEquals("steps[1].queueId", e.field());
        assertEquals("steps", assertThrows(InvalidValueException.class, () -> new Workflow("x", Map.of("type", "contact_created"), List.of(),
                true, Instant.now())).field());
    }

    private static String field(Map<String, Object> spec) {
        return assertThrows(InvalidValueException.class, () -> Trigger.of(spec)).field();
    }
}
