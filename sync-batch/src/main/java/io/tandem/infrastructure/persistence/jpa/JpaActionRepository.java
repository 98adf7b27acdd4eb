package io.tandem.infrastructure.persistence.jpa;

import io.tandem.domain.model.action.ActionRepository;
import io.tandem.domain.model.action.ActionTarget;
import io.tandem.domain.model.action.SalesforceAction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@ApplicationScoped
public class JpaActionRepository implements ActionRepository {

    @PersistenceContext(unitName = "tandem")
    private EntityManager em;

    @Override
    public void add(SalesforceAction action) {
        em.persist(action);
        em.flush(); // the id comes from the insert (IDENTITY): targets and the answer name it
    }

    @Override
    public Optional<SalesforceAction> find(long id) {
        return Optional.ofNullable(em.find(SalesforceAction.class, id));
    }

    @Override
    public List<SalesforceAction> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT a FROM SalesforceAction a WHERE a.id IN :ids", SalesforceAction.class).setParameter("ids", ids).getResultList();
    }

    @Override
    public List<SalesforceAction> page(long beforeId, int limit) {
        return em.createQuery("SELECT a FROM SalesforceAction a WHERE (:before = 0 OR a.id < :before) ORDER BY a.id DESC", SalesforceAction.class)
                .setParameter("before", beforeId).setMaxResults(limit).getResultList();
    }

    @Override
    public long count() {
        return em.createQuery("SELECT COUNT(a) FROM SalesforceAction a", Long.class).getSingleResult();
    }

    @Override
    public List<ActionTarget> addTargets(long actionId, Collection<Long> contactIds, Instant at) {
        if (contactIds.isEmpty()) {
            return List.of();
        }
        Set<Long> there = new HashSet<>(em.createQuery("SELECT t.contactId FROM ActionTarget t WHERE t.actionId = :a AND t.contactId IN :c",
                Long.class).setParameter("a", actionId).setParameter("c", contactIds).getResultList());
        List<ActionTarget> added = new ArrayList<>();
        for (Long c : new java.util.LinkedHashSet<>(contactIds)) {
            if (there.add(c)) {
                ActionTarget t = new ActionTarget(actionId, c, at);
                em.persist(t);
                added.add(t);
            }
        }
        em.flush(); // ids from the inserts: the outbox entries name them
        return added;
    }

    @Override
    public List<ActionTarget> findTargets(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT t FROM ActionTarget t WHERE t.id IN :ids", ActionTarget.class).setParameter("ids", ids).getResultList();
    }

    @Override
    public List<ActionTarget> targets(long actionId, ActionTarget.Status status, long afterId, int limit) {
        TypedQuery<ActionTarget> q = em.createQuery("SELECT t FROM ActionTarget t WHERE t.actionId = :a AND t.id > :after"
                + (status == null ? "" : " AND t.status = :s") + " ORDER BY t.id", ActionTarget.class)
                .setParameter("a", actionId).setParameter("after", afterId).setMaxResults(limit);
        if (status != null) {
            q.setParameter("s", status);
        }
        return q.getResultList();
    }

    @Override
    public Map<ActionTarget.Status, Long> counts(long actionId) {
        Map<ActionTarget.Status, Long> counts = new EnumMap<>(ActionTarget.Status.class);
        for (ActionTarget.Status s : ActionTarget.Status.values()) {
            counts.put(s, 0L);
        }
        for (Object[] row : em.createQuery("SELECT t.status, COUNT(t) FROM ActionTarget t WHERE t.actionId = :a GROUP BY t.status", Object[].class)
                .setParameter("a", actionId).getResultList()) {
            counts.put((ActionTarget.Status) row[0], (Long) row[1]);
        }
        return counts;
    }
}
