package io.tandem.domain.model.workflow;

import io.tandem.domain.model.action.ActionKind;
import io.tandem.domain.model.action.ActionParameters;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A named workflow: its trigger, its steps in order (each a Salesforce action's kind and parameters), and whether it runs. */
@Entity
@Table(name = "workflows")
public class Workflow {

    public static final int MAX_NAME = 80;
    public static final int MAX_STEPS = 10;

    /** One step: an action of this kind with these parameters, on the contact the trigger fired for. */
    public record Step(ActionKind action, ActionParameters parameters) {

        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("action", action.code());
            m.putAll(parameters.values());
            return m;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "trigger_spec", nullable = false, length = 1000)
    private String trigger;

    @Column(nullable = false)
    private String steps;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private int version;

    protected Workflow() {
    }

    public Workflow(String name, Map<String, Object> trigger, List<Map<String, Object>> steps, boolean active, Instant at) {
        change(name, trigger, steps, active, at);
        createdAt = at;
    }

    /** Replaces it whole, checked: a name, a trigger, 1 to {@value #MAX_STEPS} steps of actions a contact can take. */
    public void change(String newName, Map<String, Object> newTrigger, List<Map<String, Object>> newSteps, boolean on, Instant at) {
        if (newName == null || newName.isBlank() || newName.trim().length() > MAX_NAME) {
            throw new InvalidValueException("name", "is required, at most " + MAX_NAME + " characters");
        }
        Trigger t = Trigger.of(newTrigger);
        List<Step> parsed = parse(newSteps);
        name = newName.trim();
        trigger = JsonText.write(t.toMap());
        List<Object> list = new ArrayList<>(parsed.stream().map(Step::toMap).toList());
        steps = JsonText.write(Map.of("steps", list));
        active = on;
        updatedAt = at;
    }

    private static List<Step> parse(List<Map<String, Object>> given) {
        if (given == null || given.isEmpty() || given.size() > MAX_STEPS) {
            throw new InvalidValueException("steps", "must hold 1 to " + MAX_STEPS + " steps, each {\"action\": \"task|campaign|queue|push\", …}");
        }
        List<Step> parsed = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            Map<String, Object> step = given.get(i) == null ? Map.of() : new LinkedHashMap<>(given.get(i));
            Object kind = step.remove("action");
            try {
                ActionKind k = ActionKind.parse(kind == null ? null : kind.toString());
                parsed.add(new Step(k, ActionParameters.of(k, step)));
            } catch (InvalidValueException e) {
                throw new InvalidValueException("steps[" + i + "]." + e.field(), e.getMessage());
            }
        }
        return parsed;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public boolean isActive() {
        return active;
    }

    public Trigger trigger() {
        return Trigger.of(JsonText.read(trigger));
    }

    @SuppressWarnings("unchecked")
    public List<Step> steps() {
        List<Step> parsed = new ArrayList<>();
        for (Object o : (List<Object>) JsonText.read(steps).get("steps")) {
            Map<String, Object> step = new LinkedHashMap<>((Map<String, Object>) o);
            ActionKind k = ActionKind.parse(step.remove("action").toString());
            parsed.add(new Step(k, new ActionParameters(step)));
        }
        return parsed;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
