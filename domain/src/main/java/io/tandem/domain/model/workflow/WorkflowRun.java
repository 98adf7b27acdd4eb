package io.tandem.domain.model.workflow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** One run of a workflow: the contact and the change it fired on, and the actions its steps became, in order. */
@Entity
@Table(name = "workflow_runs")
public class WorkflowRun {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "workflow_id", nullable = false)
    private long workflowId;

    @Column(name = "contact_id", nullable = false)
    private long contactId;

    @Column(nullable = false, length = 500)
    private String triggered;

    @Column(name = "action_ids", nullable = false, length = 500)
    private String actionIds;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    protected WorkflowRun() {
    }

    public WorkflowRun(long workflowId, long contactId, String triggered, List<Long> actionIds, Instant at) {
        this.workflowId = workflowId;
        this.contactId = contactId;
        this.triggered = triggered.length() > 500 ? triggered.substring(0, 499) + "…" : triggered;
        this.actionIds = actionIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        this.startedAt = at;
    }

    public Long id() {
        return id;
    }

    public long workflowId() {
        return workflowId;
    }

    public long contactId() {
        return contactId;
    }

    public String triggered() {
        return triggered;
    }

    public List<Long> actionIds() {
        return actionIds.isEmpty() ? List.of() : Arrays.stream(actionIds.split(",")).map(Long::valueOf).toList();
    }

    public Instant startedAt() {
        return startedAt;
    }
}
