package io.tandem.domain.model.action;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where actions and their targets are kept. */
public interface ActionRepository {

    /** Adds the action; its id is known on return. */
    void add(SalesforceAction action);

    Optional<SalesforceAction> find(long id);

    List<SalesforceAction> findAll(Collection<Long> ids);

    /** Actions newest first, before the given id (0: from the newest). */
    List<SalesforceAction> page(long beforeId, int limit);

    long count();

    /** Adds targets; contacts the action has already are left out. Answers those added, with their ids. */
    List<ActionTarget> addTargets(long actionId, Collection<Long> contactIds, java.time.Instant at);

    List<ActionTarget> findTargets(Collection<Long> ids);

    /** The action's targets after {@code afterId} in id order, only those in {@code status} when given. */
    List<ActionTarget> targets(long actionId, ActionTarget.Status status, long afterId, int limit);

    /** The action's targets counted by status. */
    Map<ActionTarget.Status, Long> counts(long actionId);
}
