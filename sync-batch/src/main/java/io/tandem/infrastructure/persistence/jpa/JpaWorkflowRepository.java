package io.tandem.infrastructure.persistence.jpa;

import io.tandem.domain.model.workflow.Workflow;
import io.tandem.domain.model.workflow.WorkflowRepository;
import io.tandem.domain.model.workflow.WorkflowRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

@ApplicationScoped
public class JpaWorkflowRepository implements WorkflowRepository {

    @PersistenceContext(unitName = "tandem")
    private EntityManager em;

    @Override
    public List<Workflow> all() {
        return em.createQuery("SELECT w FROM Workflow w ORDER BY w.name", Workflow.class).getResultList();
    }

    @Override
    public List<Workflow> active() {
        return em.createQuery("SELECT w FROM Workflow w WHERE w.active = TRUE ORDER BY w.id", Workflow.class).getResultList();
    }

    @Override
    public Optional<Workflow> find(long id) {
        return Optional.ofNullable(em.find(Workflow.class, id));
    }

    @Override
    public Optional<Workflow> named(String name) {
        return em.createQuery("SELECT w FROM Workflow w WHERE LOWER(w.name) = :n", Workflow.class)
                .setParameter("n", name.trim().toLowerCase(Locale.ROOT)).getResultStream().findFirst();
    }

    @Override
    public void add(Workflow w) {
        em.persist(w);
        em.flush(); // the id comes from the insert (IDENTITY), and the answer shows it
    }

    @Override
    public void remove(Workflow w) {
        em.remove(w);
    }

    @Override
    public void add(WorkflowRun run) {
        em.persist(run);
    }

    @Override
    public List<WorkflowRun> runs(long workflowId, long beforeId, int limit) {
        return em.createQuery("SELECT r FROM WorkflowRun r WHERE r.workflowId = :w AND (:before = 0 OR r.id < :before) ORDER BY r.id DESC",
                WorkflowRun.class).setParameter("w", workflowId).setParameter("before", beforeId).setMaxResults(limit).getResultList();
    }

    @Override
    public long countRuns(long workflowId) {
        return em.createQuery("SELECT COUNT(r) FROM WorkflowRun r WHERE r.workflowId = :w", Long.class).setParameter("w", workflowId)
                .getSingleResult();
    }
}
