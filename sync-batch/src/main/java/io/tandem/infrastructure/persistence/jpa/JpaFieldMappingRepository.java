package io.tandem.infrastructure.persistence.jpa;

import io.tandem.domain.model.field.FieldMapping;
import io.tandem.domain.model.field.FieldMappingChange;
import io.tandem.domain.model.field.FieldMappingRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaFieldMappingRepository implements FieldMappingRepository {

    @PersistenceContext(unitName = "tandem")
    private EntityManager em;

    @Override
    public List<FieldMapping> all() {
        return em.createQuery("SELECT m FROM FieldMapping m ORDER BY m.field", FieldMapping.class).getResultList();
    }

    @Override
    public Optional<FieldMapping> find(String field) {
        return Optional.ofNullable(em.find(FieldMapping.class, field));
    }

    @Override
    public void add(FieldMapping mapping) {
        em.persist(mapping);
    }

    @Override
    public void remove(FieldMapping mapping) {
        em.remove(mapping);
    }

    @Override
    public void record(FieldMappingChange change) {
        em.persist(change);
    }

    @Override
    public List<FieldMappingChange> changes(String field) {
        return em.createQuery("SELECT c FROM FieldMappingChange c WHERE c.field = :field ORDER BY c.id DESC", FieldMappingChange.class)
                .setParameter("field", field).getResultList();
    }
}
