package io.tandem.infrastructure.persistence.jpa;

import io.tandem.domain.model.user.ApiToken;
import io.tandem.domain.model.user.UserAccount;
import io.tandem.domain.model.user.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaUserRepository implements UserRepository {

    @PersistenceContext(unitName = "tandem")
    private EntityManager em;

    @Override
    public boolean exists(String username) {
        return em.find(UserAccount.class, username) != null;
    }

    @Override
    public void add(UserAccount user) {
        em.persist(user);
    }

    @Override
    public void add(ApiToken token) {
        em.persist(token);
        em.flush(); // the caller shows the new id at once
    }

    @Override
    public Optional<ApiToken> tokenByHash(String tokenHash) {
        return em.createNamedQuery(ApiToken.BY_HASH, ApiToken.class)
                .setParameter("hash", tokenHash)
                .getResultStream().findFirst();
    }

    @Override
    public Optional<ApiToken> token(long id) {
        return Optional.ofNullable(em.find(ApiToken.class, id));
    }

    @Override
    public List<ApiToken> tokens() {
        return em.createNamedQuery(ApiToken.ALL, ApiToken.class).getResultList();
    }
}
