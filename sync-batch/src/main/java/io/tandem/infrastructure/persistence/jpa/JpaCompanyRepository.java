package io.tandem.infrastructure.persistence.jpa;

import io.tandem.domain.model.company.Company;
import io.tandem.domain.model.company.CompanyRepository;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import javax.sql.DataSource;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class JpaCompanyRepository implements CompanyRepository {

    @PersistenceContext(unitName = "tandem")
    private EntityManager em;
    @Resource(lookup = "jdbc/tandem")
    DataSource dataSource;

    @Override
    public Optional<Company> find(long id) {
        return Optional.ofNullable(em.find(Company.class, id));
    }

    @Override
    public List<Company> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT c FROM Company c WHERE c.id IN :ids", Company.class).setParameter("ids", ids).getResultList();
    }

    @Override
    public List<Company> findByAccounts(Collection<String> accountIds) {
        if (accountIds.isEmpty()) {
            return List.of();
        }
        // the keys looked up in the index first (an import page names 2,000 Accounts, most of them new), the entities read by id
        Map<String, Long> ids = idsByAccounts(accountIds);
        return ids.isEmpty() ? List.of() : findAll(ids.values());
    }

    @Override
    public Map<String, Long> idsByAccounts(Collection<String> accountIds) {
        return KeyIndex.ids(dataSource, "companies", "sf_account_id", accountIds);
    }

    @Override
    public int unlinkAllAccounts() {
        return em.createNativeQuery("UPDATE companies SET sf_account_id = NULL WHERE sf_account_id IS NOT NULL").executeUpdate();
    }

    @Override
    public void add(Company company) {
        em.persist(company);
    }

    @Override
    public void remove(Company company) {
        em.remove(company);
    }

    @Override
    public List<Company> page(String nameContains, long afterId, int limit) {
        TypedQuery<Company> q = em.createQuery("SELECT c FROM Company c WHERE c.id > :after"
                + (nameContains == null ? "" : " AND LOWER(c.name) LIKE :name") + " ORDER BY c.id", Company.class);
        q.setParameter("after", afterId);
        if (nameContains != null) {
            q.setParameter("name", "%" + nameContains.toLowerCase(Locale.ROOT) + "%");
        }
        return q.setMaxResults(limit).getResultList();
    }

    @Override
    public long count(String nameContains) {
        TypedQuery<Long> q = em.createQuery("SELECT COUNT(c) FROM Company c"
                + (nameContains == null ? "" : " WHERE LOWER(c.name) LIKE :name"), Long.class);
        if (nameContains != null) {
            q.setParameter("name", "%" + nameContains.toLowerCase(Locale.ROOT) + "%");
        }
        return q.getSingleResult();
    }
}
