package io.tandem.application.internal;

import io.tandem.domain.model.action.ActionRepository;
import io.tandem.domain.model.action.SalesforceAction;
import io.tandem.domain.model.contact.SystemSource;
import io.tandem.domain.model.sync.RecordOutcome;
import io.tandem.domain.model.sync.SyncLog;
import io.tandem.domain.model.workflow.Trigger;
import io.tandem.domain.model.workflow.Workflow;
import io.tandem.domain.model.workflow.WorkflowRepository;
import io.tandem.domain.model.workflow.WorkflowRun;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the active workflows a batch of contact changes fires, in the caller's transaction, after the
 * changes' own outbox entries: per workflow, its steps become one action each (in order) for the contacts
 * it fired for, queued behind those changes; one run is kept per contact, and the batch of runs is in the
 * sync log. What workflows do themselves fires none (no workflow sets another off).
 */
@Stateless
public class WorkflowTriggers {

    /** A change of one contact a trigger may fire on. */
    public record Fired(long contactId, Trigger.Change change) {
    }

    @Inject
    WorkflowRepository workflows;
    @Inject
    ActionRepository actions;
    @Inject
    ActionTargets targets;
    @Inject
    SyncLog log;

    /** The active workflows (one query): a caller with many changes asks first and describes them only when there are some. */
    public List<Workflow> active() {
        return workflows.active();
    }

    public void fire(List<Fired> changes) {
        fire(changes, changes.isEmpty() ? List.of() : workflows.active());
    }

    public void fire(List<Fired> changes, List<Workflow> active) {
        if (changes.isEmpty() || active.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        for (Workflow w : active) {
            Trigger trigger = w.trigger();
            Map<Long, String> fired = new LinkedHashMap<>();
            for (Fired f : changes) {
                if (trigger.firesOn(f.change())) {
                    fired.putIfAbsent(f.contactId(), f.change().describe());
                }
            }
            if (fired.isEmpty()) {
                continue;
            }
            List<Long> contactIds = new ArrayList<>(fired.keySet());
            List<Long> actionIds = new ArrayList<>();
            for (Workflow.Step step : w.steps()) {
                Map<String, Object> chosen = new LinkedHashMap<>();
                chosen.put("ids", contactIds.size() <= 100 ? contactIds : contactIds.subList(0, 100));
                chosen.put("count", contactIds.size());
                SalesforceAction a = new SalesforceAction(step.action(), step.parameters(), chosen, SystemSource.WORKFLOW,
                        "workflow " + w.name(), w.id(), now);
                actions.add(a);
                targets.target(a, contactIds);
                actionIds.add(a.id());
            }
            List<RecordOutcome> outcomes = new ArrayList<>(fired.size());
            fired.forEach((contact, why) -> {
                workflows.add(new WorkflowRun(w.id(), contact, why, actionIds, now));
                outcomes.add(new RecordOutcome(null, contact, null, RecordOutcome.Outcome.CREATED, "workflow \"" + w.name() + "\" ran on "
                        + why + ": its steps are actions " + actionIds, Map.of("workflow", w.id(), "actions", actionIds)));
            });
            log.write(new SyncLog.Batch("OUTBOUND", "Workflow", "workflow", now, "COMPLETED", 0, "workflow \"" + w.name() + "\""), outcomes);
        }
    }
}
