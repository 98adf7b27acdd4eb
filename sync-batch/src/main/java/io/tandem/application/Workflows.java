package io.tandem.application;

import io.tandem.domain.model.campaign.CampaignRepository;
import io.tandem.domain.model.workflow.Trigger;
import io.tandem.domain.model.workflow.Workflow;
import io.tandem.domain.model.workflow.WorkflowRepository;
import io.tandem.domain.model.workflow.WorkflowRun;
import io.tandem.domain.shared.InvalidValueException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Workflows (§7): {@code {"name", "active", "trigger": {"type": "contact_created|field_changed|form_submitted|
 * added_to_campaign", "field", "value", "form", "campaignId"}, "steps": [{"action": "task|campaign|queue|push",
 * …parameters}]}}; each run (one per triggering change) turns the steps into Salesforce actions in order.
 */
@Stateless
@RolesAllowed(Roles.VIEWER)
public class Workflows {

    public record WorkflowView(long id, String name, boolean active, Map<String, Object> trigger, List<Map<String, Object>> steps,
                               long runs, Instant createdAt, Instant updatedAt) {
    }

    public record RunView(long id, long contactId, String triggered, List<Long> actionIds, Instant startedAt) {
    }

    /** A workflow as sent. */
    public record WorkflowInput(String name, Boolean active, Map<String, Object> trigger, List<Map<String, Object>> steps) {
    }

    @Inject
    WorkflowRepository workflows;
    @Inject
    CampaignRepository campaigns;

    public Page<WorkflowView> list() {
        return Page.all(workflows.all().stream().map(this::view).toList());
    }

    public WorkflowView get(long id) {
        return view(require(id));
    }

    @RolesAllowed(Roles.ADMIN)
    public WorkflowView create(WorkflowInput in) {
        Workflow w = checked(in, null);
        workflows.add(w);
        return view(w);
    }

    @RolesAllowed(Roles.ADMIN)
    public WorkflowView replace(long id, WorkflowInput in) {
        return view(checked(in, require(id)));
    }

    @RolesAllowed(Roles.ADMIN)
    public void delete(long id) {
        workflows.remove(require(id));
    }

    /** The workflow's runs, newest first. */
    public Page<RunView> runs(long id, String cursor, Integer limit) {
        require(id);
        int size = Cursors.limit(limit);
        List<WorkflowRun> rows = workflows.runs(id, Cursors.read(cursor), size + 1);
        List<RunView> items = rows.subList(0, Math.min(size, rows.size())).stream()
                .map(r -> new RunView(r.id(), r.contactId(), r.triggered(), r.actionIds(), r.startedAt())).toList();
        return new Page<>(items, workflows.countRuns(id), rows.size() > size ? Cursors.after(rows.get(size - 1).id()) : null);
    }

    private Workflow checked(WorkflowInput in, Workflow existing) {
        if (in == null) {
            throw new InvalidRequestException("body", "must be a workflow: {\"name\", \"trigger\", \"steps\"}");
        }
        workflows.named(in.name() == null ? "" : in.name()).filter(other -> existing == null || !other.id().equals(existing.id()))
                .ifPresent(other -> {
                    throw new ConflictException("name", "workflow " + other.id() + " has this name");
                });
        boolean active = in.active() == null || in.active();
        try {
            Workflow w = existing;
            if (w == null) {
                w = new Workflow(in.name(), in.trigger(), in.steps(), active, Instant.now());
            } else {
                w.change(in.name(), in.trigger(), in.steps(), active, Instant.now());
            }
            Long campaign = w.trigger().campaignId();
            if (campaign != null) {
                campaigns.find(campaign).orElseThrow(() -> new InvalidRequestException("trigger.campaignId", "no campaign " + campaign));
            }
            for (int i = 0; i < w.steps().size(); i++) {
                Long stepCampaign = w.steps().get(i).parameters().number("campaignId");
                if (stepCampaign != null && campaigns.find(stepCampaign).isEmpty()) {
                    throw new InvalidRequestException("steps[" + i + "].campaignId", "no campaign " + stepCampaign);
                }
            }
            return w;
        } catch (InvalidValueException e) {
            throw new InvalidRequestException(e.field(), e.getMessage());
        }
    }

    private Workflow require(long id) {
        return workflows.find(id).orElseThrow(() -> new UnknownRecordException("workflow", id));
    }

    private WorkflowView view(Workflow w) {
        Trigger t = w.trigger();
        return new WorkflowView(w.id(), w.name(), w.isActive(), t.toMap(), w.steps().stream().map(Workflow.Step::toMap).toList(),
                workflows.countRuns(w.id()), w.createdAt(), w.updatedAt());
    }
}
