package io.tandem.infrastructure.persistence.jpa;

import io.tandem.domain.model.imports.ImportError;
import io.tandem.domain.model.imports.ImportJob;
import io.tandem.domain.model.imports.ImportRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaImportRepository implements ImportRepository {

    @PersistenceContext(unitName = "tandem")
    private EntityManager em;

    @Override
    public void add(ImportJob job) {
        em.persist(job);
        em.flush();
    }

    @Override
    public Optional<ImportJob> find(long id) {
        return Optional.ofNullable(em.find(ImportJob.class, id));
    }

    @Override
    public void addError(ImportError error) {
        em.persist(error);
    }

    @Override
    public List<ImportError> errors(long importId, int limit) {
        return em.createQuery("SELECT e FROM ImportError e WHERE e.importId = :id ORDER BY e.rowNumber, e.id", ImportError.class)
                .setParameter("id", importId).setMaxResults(limit).getResultList();
    }

    @Override
    public List<ImportJob> endedUnfinishedBefore(Instant before) {
        return em.createQuery("SELECT j FROM ImportJob j WHERE j.status IN ('FAILED', 'STOPPED') AND j.finishedAt < :before", ImportJob.class)
                .setParameter("before", before).getResultList();
    }

    @Override
    public void progress(long importId, int rows, int created, int updated, int failed) {
        em.createQuery("UPDATE ImportJob j SET j.rowsDone = j.rowsDone + :rows, j.created = j.created + :created, "
                        + "j.updated = j.updated + :updated, j.failed = j.failed + :failed WHERE j.id = :id")
                .setParameter("rows", rows).setParameter("created", created).setParameter("updated", updated)
                .setParameter("failed", failed).setParameter("id", importId).executeUpdate();
    }
}
