package io.tandem.sync.outbound;

import io.tandem.domain.model.sync.Outbox;
import io.tandem.domain.model.sync.RecordType;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Company changes, coalesced per company, to the Accounts they are linked to ({@link AccountWrites}); first in a claim. */
@ApplicationScoped
public class CompanyOutbound implements OutboundKind {

    @Override
    public RecordType kind() {
        return RecordType.COMPANY;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public int send(DrainRound round, List<Outbox.Claimed> entries) {
        Map<Long, ContactPlan> plans = new LinkedHashMap<>();
        for (Outbox.Claimed e : entries) {
            ContactPlan plan = plans.computeIfAbsent(e.recordId(), ContactPlan::new);
            plan.company = true;
            plan.entryIds.add(e.id());
        }
        return AccountWrites.write(round, List.copyOf(plans.values()));
    }
}
