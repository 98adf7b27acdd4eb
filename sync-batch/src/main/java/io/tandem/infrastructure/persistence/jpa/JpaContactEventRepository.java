package io.tandem.infrastructure.persistence.jpa;

import io.tandem.domain.model.activity.ContactEvent;
import io.tandem.domain.model.activity.ContactEventRepository;
import io.tandem.domain.model.activity.EventSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class JpaContactEventRepository implements ContactEventRepository {

    @PersistenceContext(unitName = "tandem")
    private EntityManager em;

    @Override
    public void addAll(List<ContactEvent> events) {
        events.forEach(em::persist);
        em.flush(); // ids come from the inserts (IDENTITY): the outbox entries name them
    }

    @Override
    public List<ContactEvent> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT e FROM ContactEvent e WHERE e.id IN :ids", ContactEvent.class).setParameter("ids", ids).getResultList();
    }

    @Override
    public List<ContactEvent> ofContact(long contactId, long beforeId, int limit) {
        return em.createQuery("SELECT e FROM ContactEvent e WHERE e.contactId = :c AND (:before = 0 OR e.id < :before) ORDER BY e.id DESC",
                        ContactEvent.class).setParameter("c", contactId).setParameter("before", beforeId).setMaxResults(limit).getResultList();
    }

    @Override
    public long countOfContact(long contactId) {
        return em.createQuery("SELECT COUNT(e) FROM ContactEvent e WHERE e.contactId = :c", Long.class).setParameter("c", contactId)
                .getSingleResult();
    }

    @Override
    public EventSettings settings() {
        return em.find(EventSettings.class, EventSettings.ID);
    }
}
