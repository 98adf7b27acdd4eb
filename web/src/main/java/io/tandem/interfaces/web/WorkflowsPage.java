package io.tandem.interfaces.web;

import io.tandem.application.InvalidRequestException;
import io.tandem.application.Workflows;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The workflows page (§7): each workflow with its trigger, steps and runs; admins switch one on or off,
 * delete it, or define one: the trigger from its fields, the steps as the API's JSON list (each step an
 * action with its parameters), checked by the same service as {@code POST /api/workflows}.
 */
@Named
@RequestScoped
public class WorkflowsPage {

    private static final Jsonb JSON = JsonbBuilder.create();

    /** A workflow as a row shows it. */
    public static final class WorkflowRow {
        private final Workflows.WorkflowView w;

        WorkflowRow(Workflows.WorkflowView w) {
            this.w = w;
        }

        public long getId() {
            return w.id();
        }

        public String getName() {
            return w.name();
        }

        public boolean isActive() {
            return w.active();
        }

        public String getTrigger() {
            return w.trigger().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        }

        public String getSteps() {
            return w.steps().stream().map(s -> String.valueOf(s.get("action"))).collect(Collectors.joining(" → "));
        }

        public long getRuns() {
            return w.runs();
        }
    }

    @Inject
    Workflows workflows;

    private List<WorkflowRow> rows;
    private String name;
    private String type = "contact_created";
    private String field;
    private String value;
    private String form;
    private String campaignId;
    private String steps = "[{\"action\": \"task\", \"subject\": \"Call the new contact\"}]";

    @PostConstruct
    void load() {
        rows = workflows.list().items().stream().map(WorkflowRow::new).toList();
    }

    public void create() {
        if (Messages.call("Workflow " + name + " defined, active.", () -> workflows.create(new Workflows.WorkflowInput(name, true, trigger(),
                parsedSteps())))) {
            load();
        }
    }

    public void toggle(long id) {
        Workflows.WorkflowView w = Messages.answer(() -> workflows.get(id));
        if (w != null && Messages.call(w.name() + (w.active() ? " is off." : " is on."), () -> workflows.replace(id,
                new Workflows.WorkflowInput(w.name(), !w.active(), w.trigger(), w.steps())))) {
            load();
        }
    }

    public void delete(long id) {
        if (Messages.call("Workflow deleted; its runs stay in the sync log.", () -> workflows.delete(id))) {
            load();
        }
    }

    private Map<String, Object> trigger() {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("type", type);
        put(t, "field", field);
        put(t, "value", value);
        put(t, "form", form);
        put(t, "campaignId", campaignId);
        return t;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> parsedSteps() {
        if (steps == null || steps.isBlank() || steps.length() > 20_000) {
            throw new InvalidRequestException("steps", "give the steps as a JSON list, at most 20,000 characters");
        }
        try {
            return JSON.fromJson(steps, List.class);
        } catch (JsonbException | ClassCastException e) {
            throw new InvalidRequestException("steps", "is not a JSON list of steps: " + e.getMessage());
        }
    }

    private static void put(Map<String, Object> m, String key, String v) {
        if (v != null && !v.isBlank()) {
            m.put(key, v.trim());
        }
    }

    public List<WorkflowRow> getRows() {
        return rows;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getField() {
        return field;
    }

    public void setField(String field) {
        this.field = field;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    public String getForm() {
        return form;
    }

    public void setForm(String form) {
        this.form = form;
    }

    public String getCampaignId() {
        return campaignId;
    }

    public void setCampaignId(String campaignId) {
        this.campaignId = campaignId;
    }

    public String getSteps() {
        return steps;
    }

    public void setSteps(String steps) {
        this.steps = steps;
    }
}
