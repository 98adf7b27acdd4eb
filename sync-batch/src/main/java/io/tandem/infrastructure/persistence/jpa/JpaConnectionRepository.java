package io.tandem.infrastructure.persistence.jpa;

import io.tandem.domain.model.connection.ConnectionRepository;
import io.tandem.domain.model.connection.SavedConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;

@ApplicationScoped
public class JpaConnectionRepository implements ConnectionRepository {

    @PersistenceContext(unitName = "tandem")
    private EntityManager em;

    @Override
    public Optional<SavedConnection> saved() {
        return Optional.ofNullable(em.find(SavedConnection.class, SavedConnection.ID));
    }

    @Override
    public void save(SavedConnection connection) {
        if (!em.contains(connection)) {
            em.persist(connection);
        }
    }
}
