package io.tandem.sync.outbound;

import io.tandem.domain.model.sync.Outbox;
import io.tandem.domain.model.sync.RecordType;

import java.util.List;

/**
 * The part of the drain that sends one kind of outbox entry. A new kind (campaign member, Task, queue
 * assignment) is a new implementation: the drain finds every one as a bean and hands each its entries,
 * in its {@link #order()}, without knowing what they are.
 */
public interface OutboundKind {

    RecordType kind();

    /** Lower goes first within a claim: Accounts before the people in them, members after their contacts. */
    int order();

    /**
     * Sends the claimed entries of this kind, oldest first, ending every one through the round (sent,
     * skipped, failed or retried); answers how many records Salesforce took. A Salesforce failure of a
     * whole call is thrown: the round puts back what was not ended.
     */
    int send(DrainRound round, List<Outbox.Claimed> entries);
}
