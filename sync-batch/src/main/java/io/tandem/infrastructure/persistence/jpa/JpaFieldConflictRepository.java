package io.tandem.infrastructure.persistence.jpa;

import io.tandem.domain.model.contact.FieldConflict;
import io.tandem.domain.model.contact.FieldConflictRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class JpaFieldConflictRepository implements FieldConflictRepository {

    @PersistenceContext(unitName = "tandem")
    private EntityManager em;

    @Override
    public void add(FieldConflict c) {
        em.persist(c);
    }

    @Override
    public List<FieldConflict> findAll(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : em.createQuery("SELECT c FROM FieldConflict c WHERE c.id IN :ids", FieldConflict.class)
                .setParameter("ids", ids).getResultList();
    }

    @Override
    public List<FieldConflict> page(boolean open, long beforeId, int limit) {
        return em.createQuery("SELECT c FROM FieldConflict c WHERE (:open = FALSE OR c.resolvedAt IS NULL) AND (:before = 0 OR c.id < :before) "
                        + "ORDER BY c.id DESC", FieldConflict.class).setParameter("open", open).setParameter("before", beforeId)
                .setMaxResults(limit).getResultList();
    }

    @Override
    public long count(boolean open) {
        return em.createQuery("SELECT COUNT(c) FROM FieldConflict c WHERE (:open = FALSE OR c.resolvedAt IS NULL)", Long.class)
                .setParameter("open", open).getSingleResult();
    }
}
