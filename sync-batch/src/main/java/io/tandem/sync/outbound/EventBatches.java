package io.tandem.sync.outbound;

import io.tandem.domain.model.activity.ContactEvent;
import io.tandem.domain.model.activity.ContactEventRepository;
import io.tandem.domain.model.activity.EventSettings;
import io.tandem.domain.model.sync.Outbox;
import io.tandem.domain.model.sync.RecordOutcome;
import io.tandem.domain.model.sync.SyncLog;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One batch of events in one transaction, after its call: each Task made is kept on its event, the batch logged, its entries ended. */
@Stateless
public class EventBatches {

    @Inject
    ContactEventRepository events;
    @Inject
    SyncLog log;
    @Inject
    Outbox outbox;

    public Map<Long, ContactEvent> load(List<Long> ids) {
        Map<Long, ContactEvent> found = new HashMap<>();
        events.findAll(ids).forEach(e -> found.put(e.id(), e));
        return found;
    }

    public EventSettings settings() {
        return events.settings();
    }

    public void complete(Instant startedAt, int apiCalls, List<ItemPlan> plans) {
        Map<Long, ContactEvent> found = load(plans.stream().map(p -> p.recordId).toList());
        List<RecordOutcome> outcomes = new ArrayList<>(plans.size());
        for (ItemPlan p : plans) {
            ContactEvent e = found.get(p.recordId);
            if (e != null && p.ending == ContactPlan.Ending.SENT && p.salesforceId != null) {
                e.pushedAs(p.salesforceId);
            }
            outcomes.add(p.toOutcome());
        }
        ItemPlan.logAndEnd(log, outbox, "Task", startedAt, apiCalls, plans, outcomes);
    }
}
