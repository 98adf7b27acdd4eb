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
    public Optional<UserAccount> user(String username) {
        return username == null ? Optional.empty() : Optional.ofNullable(em.find(UserAccount.class, username));
    }

    @Override
    public List<UserAccount> users(String afterName, int limit) {
        return em.createQuery("SELECT u FROM UserAccount u WHERE u.username > :after ORDER BY u.username", UserAccount.class)
                .setParameter("after", afterName == null ? "" : afterName).setMaxResults(limit).getResultList();
    }

    @Override
    public long countUsers() {
        return em.createQuery("SELECT COUNT(u) FROM UserAccount u", Long.class).getSingleResult();
    }

    @Override
    public long countEnabledAdmins() {
        return em.createQuery("SELECT COUNT(u) FROM UserAccount u JOIN u.roles r WHERE u.enabled = TRUE AND r = :admin", Long.class)
                .setParameter("admin", io.tandem.domain.model.user.Role.ADMIN).getSingleResult();
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
