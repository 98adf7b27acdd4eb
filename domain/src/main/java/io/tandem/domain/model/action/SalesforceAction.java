package io.tandem.domain.model.action;

import io.tandem.domain.model.contact.SystemSource;
import io.tandem.domain.shared.JsonText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Map;

/**
 * An action asked for: its kind and parameters, how its contacts were chosen (ids, or a filter the
 * {@code salesforce-push} job resolves page by page), who asked (an API call, a page, a workflow).
 */
@Entity
@Table(name = "salesforce_actions")
public class SalesforceAction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ActionKind kind;

    @Column(nullable = false)
    private String parameters;

    @Column(nullable = false)
    private String selection;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private SystemSource source;

    @Column(name = "requested_by", length = 100)
    private String requestedBy;

    @Column(name = "workflow_id")
    private Long workflowId;

    @Column(name = "execution_id")
    private Long executionId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SalesforceAction() {
    }

    public SalesforceAction(ActionKind kind, ActionParameters parameters, Map<String, Object> selection, SystemSource source,
                            String requestedBy, Long workflowId, Instant at) {
        this.kind = kind;
        this.parameters = orEmpty(JsonText.write(parameters.values()));
        this.selection = orEmpty(JsonText.write(selection));
        this.source = source;
        this.requestedBy = requestedBy;
        this.workflowId = workflowId;
        this.createdAt = at;
    }

    /** The job execution resolving its filter into targets. */
    public void resolvedBy(long execution) {
        executionId = execution;
    }

    public Long id() {
        return id;
    }

    public ActionKind kind() {
        return kind;
    }

    public ActionParameters parameters() {
        return new ActionParameters(JsonText.read(parameters));
    }

    public Map<String, Object> selection() {
        return JsonText.read(selection);
    }

    public SystemSource source() {
        return source;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Long workflowId() {
        return workflowId;
    }

    public Long executionId() {
        return executionId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    private static String orEmpty(String json) {
        return json == null ? "{}" : json;
    }
}
