package io.tandem.infrastructure.persistence.jpa;

import io.tandem.domain.model.field.CustomFieldDefinition;
import io.tandem.domain.model.field.CustomFieldRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaCustomFieldRepository implements CustomFieldRepository {

    @PersistenceContext(unitName = "tandem")
    private EntityManager em;

    @Override
    public List<CustomFieldDefinition> all() {
        return em.createNamedQuery(CustomFieldDefinition.ALL, CustomFieldDefinition.class).getResultList();
    }

    @Override
    public Optional<CustomFieldDefinition> byName(String name) {
        return em.createNamedQuery(CustomFieldDefinition.BY_NAME, CustomFieldDefinition.class)
                .setParameter("name", name).getResultStream().findFirst();
    }

    @Override
    public void add(CustomFieldDefinition field) {
        em.persist(field);
    }

    @Override
    public void remove(CustomFieldDefinition field) {
        em.remove(field);
    }
}
