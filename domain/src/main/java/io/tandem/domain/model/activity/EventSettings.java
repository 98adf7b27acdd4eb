package io.tandem.domain.model.activity;

import io.tandem.domain.shared.InvalidValueException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Settings → Activity, one row: which event types go to Salesforce as Tasks, and the Tasks' subtype. */
@Entity
@Table(name = "event_settings")
public class EventSettings {

    public static final int ID = 1;
    /** Task subtypes Salesforce offers for a Task made by the API. */
    public static final List<String> SUBTYPES = List.of("Task", "Email", "Call");

    @Id
    private int id;
    @Column(name = "pushed_types", nullable = false)
    private String pushedTypes;
    @Column(name = "task_subtype", nullable = false)
    private String taskSubtype;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private int version;

    protected EventSettings() {
    }

    public Set<EventType> pushed() {
        if (pushedTypes.isBlank()) {
            return EnumSet.noneOf(EventType.class);
        }
        return Arrays.stream(pushedTypes.split(",")).map(EventType::parse).collect(Collectors.toCollection(() -> EnumSet.noneOf(EventType.class)));
    }

    public boolean pushes(EventType type) {
        return pushed().contains(type);
    }

    public String taskSubtype() {
        return taskSubtype;
    }

    public void change(Collection<EventType> pushed, String subtype, Instant at) {
        String chosen = SUBTYPES.stream().filter(s -> s.equalsIgnoreCase(subtype == null ? "" : subtype.trim())).findFirst()
                .orElseThrow(() -> new InvalidValueException("taskSubtype", "must be one of " + String.join(", ", SUBTYPES)));
        pushedTypes = pushed.stream().distinct().sorted().map(EventType::code).collect(Collectors.joining(","));
        taskSubtype = chosen;
        updatedAt = at;
    }
}
