package io.tandem.infrastructure.persistence.jpa;

import io.tandem.domain.model.sync.OutboxEntry;
import io.tandem.domain.model.sync.OutboxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaOutboxRepository implements OutboxRepository {

    @PersistenceContext(unitName = "tandem")
    private EntityManager em;

    @Override
    public void add(OutboxEntry entry) {
        em.persist(entry);
    }

    @Override
    public long pendingCount() {
        return em.createNamedQuery(OutboxEntry.PENDING_COUNT, Long.class).getSingleResult();
    }

    @Override
    public Optional<Instant> oldestPending() {
        return Optional.ofNullable(em.createNamedQuery(OutboxEntry.OLDEST_PENDING, Instant.class).getSingleResult());
    }

    @Override
    public List<OutboxEntry> pending(int limit) {
        return em.createNamedQuery(OutboxEntry.PENDING, OutboxEntry.class).setMaxResults(limit).getResultList();
    }
}
