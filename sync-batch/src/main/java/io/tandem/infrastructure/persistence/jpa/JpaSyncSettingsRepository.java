package io.tandem.infrastructure.persistence.jpa;

import io.tandem.domain.model.sync.SyncSettings;
import io.tandem.domain.model.sync.SyncSettingsRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

@ApplicationScoped
public class JpaSyncSettingsRepository implements SyncSettingsRepository {

    @PersistenceContext(unitName = "tandem")
    private EntityManager em;

    @Override
    public SyncSettings current() {
        return em.find(SyncSettings.class, SyncSettings.ID);
    }
}
