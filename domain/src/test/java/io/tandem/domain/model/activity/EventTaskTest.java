package io.tandem.domain.model.activity;

import io.tandem.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventTaskTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void aFormSubmissionBecomesACompletedTaskNamedByItsFormAndMarkedWithTheEvent() {
        ContactEvent e = event(EventType.FORM_SUBMITTED, Map.of("form", "Contact us"), 42);
        Map<String, Object> f = EventTask.fields(e, "00Q000000000001AAA", "Task");
        assertEquals("Form submitted: Contact us [Tandem event 42]", f.get("Subject"));
        assertEquals("Completed", f.get("Status"));
        assertEquals("00Q000000000001AAA", f.get("WhoId"));
        assertEquals("2026-11-29", f.get("ActivityDate"), "the day it happened, in UTC");
        assertEquals("Task", f.get("TaskSubtype"));
        assertTrue(f.get("Description").toString().contains("form: Contact us"));
    }

    @Test
    void withoutTheNamingDetailTheSubjectIsTheTypeAndALongOneIsCutBeforeItsMark() {
        assertEquals("Page visited [Tandem event 7]", EventTask.subject(event(EventType.PAGE_VISITED, Map.of(), 7)));
        String subject = EventTask.subject(event(EventType.PAGE_VISITED, Map.of("url", "https://example.com/" + "a".repeat(400)), 7));
        assertEquals(EventTask.SUBJECT, subject.length());
        assertTrue(subject.endsWith("… [Tandem event 7]"), subject);
    }

    @Test
    void eventsRefuseWhatCannotBeRight() {
        assertThrows(InvalidValueException.class, () -> EventType.parse("page_opened"));
        assertEquals(EventType.EMAIL_CLICKED, EventType.parse(" Email_Clicked "));
        assertThrows(InvalidValueException.class, () -> new ContactEvent(1, EventType.PAGE_VISITED, NOW.plusSeconds(3600), Map.of(), NOW),
                "in the future");
        assertThrows(InvalidValueException.class, () -> new ContactEvent(1, EventType.PAGE_VISITED, null, Map.of(), NOW));
        Map<String, Object> big = new LinkedHashMap<>();
        big.put("text", "x".repeat(ContactEvent.MAX_DETAILS));
        assertThrows(InvalidValueException.class, () -> new ContactEvent(1, EventType.PAGE_VISITED, NOW, big, NOW));
    }

    private static ContactEvent event(EventType type, Map<String, Object> details, long id) {
        ContactEvent e = new ContactEvent(1, type, Instant.parse("2026-11-29T23:30:00Z"), details, NOW);
        try {
            Field f = ContactEvent.class.getDeclaredField("id");
            f.setAccessible(true);
            f.set(e, id);
        } catch (ReflectiveOperationException x) {
            throw new AssertionError(x);
        }
        return e;
    }
}
