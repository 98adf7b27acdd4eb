package io.tandem.domain.model.activity;

import io.tandem.domain.shared.InvalidValueException;
import io.tandem.domain.shared.JsonText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A marketing event on a contact: its type, when it happened and its details (flat names and values, as the
 * caller sent them). Once pushed, the Task Salesforce made for it is kept: one Task an event.
 */
@Entity
@Table(name = "contact_events")
public class ContactEvent {

    /** Characters the details may take as JSON. */
    public static final int MAX_DETAILS = 8_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "contact_id", nullable = false)
    private long contactId;

    @Column(nullable = false, length = 16)
    private String type;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false)
    private String details;

    @Column(name = "sf_task_id", length = 18)
    private String taskId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private int version;

    protected ContactEvent() {
    }

    public ContactEvent(long contactId, EventType type, Instant occurredAt, Map<String, Object> details, Instant now) {
        if (occurredAt == null) {
            throw new InvalidValueException("at", "is required (an ISO-8601 instant, e.g. 2026-11-30T10:15:00Z)");
        }
        if (occurredAt.isAfter(now.plusSeconds(300))) {
            throw new InvalidValueException("at", "is in the future");
        }
        String written = JsonText.write(details);
        String json = written == null ? "{}" : written;
        if (json.length() > MAX_DETAILS) {
            throw new InvalidValueException("details", "take " + json.length() + " characters as JSON; at most " + MAX_DETAILS);
        }
        this.contactId = contactId;
        this.type = type.name();
        this.occurredAt = occurredAt;
        this.details = json;
        this.createdAt = now;
    }

    /** The Task Salesforce made for it. */
    public void pushedAs(String salesforceTaskId) {
        taskId = salesforceTaskId;
    }

    public boolean isPushed() {
        return taskId != null;
    }

    public Long id() {
        return id;
    }

    public long contactId() {
        return contactId;
    }

    public EventType type() {
        return EventType.valueOf(type);
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public Map<String, Object> details() {
        return new LinkedHashMap<>(JsonText.read(details));
    }

    public String taskId() {
        return taskId;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
