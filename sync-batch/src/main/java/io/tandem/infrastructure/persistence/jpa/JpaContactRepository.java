package io.tandem.infrastructure.persistence.jpa;

import io.tandem.domain.model.contact.Contact;
import io.tandem.domain.model.contact.SalesforceLink;
import io.tandem.domain.model.contact.ContactFilter;
import io.tandem.domain.model.contact.ContactRepository;
import io.tandem.domain.shared.EmailAddress;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import javax.sql.DataSource;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class JpaContactRepository implements ContactRepository {

    @PersistenceContext(unitName = "tandem")
    private EntityManager em;
    /** The pool JPA uses: inside a transaction, the same connection, so lookups see what it wrote. */
    @Resource(lookup = "jdbc/tandem")
    DataSource dataSource;

    @Override
    public Optional<Contact> find(long id) {
        return Optional.ofNullable(em.find(Contact.class, id));
    }

    @Override
    public List<Contact> findByEmailKeys(Collection<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery(Contact.BY_EMAIL_KEYS, Contact.class).setParameter("keys", keys).getResultList();
    }

    @Override
    public List<Contact> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT c FROM Contact c WHERE c.id IN :ids", Contact.class).setParameter("ids", ids).getResultList();
    }

    @Override
    public List<Contact> findBySalesforceIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery(Contact.BY_SALESFORCE_IDS, Contact.class).setParameter("ids", ids).getResultList();
    }

    @Override
    public Set<Long> idsLinkedOrHolding(Collection<String> salesforceIds, Collection<String> emailKeys) {
        Set<Long> ids = new HashSet<>(KeyIndex.ids(dataSource, "contacts", "sf_id", salesforceIds).values());
        ids.addAll(KeyIndex.ids(dataSource, "contacts", "email_key", emailKeys).values());
        return ids;
    }

    @Override
    public List<Contact> findInCompany(long companyId) {
        return em.createQuery("SELECT c FROM Contact c WHERE c.companyId = :company", Contact.class)
                .setParameter("company", companyId).getResultList();
    }

    @Override
    public int unlinkAll() {
        return em.createNativeQuery("UPDATE contacts SET sf_id = NULL, sf_type = NULL, sf_deleted = FALSE, sf_modified_at = NULL "
                + "WHERE sf_id IS NOT NULL OR sf_deleted").executeUpdate();
    }

    @Override
    public void add(Contact contact) {
        em.persist(contact);
    }

    @Override
    public void remove(Contact contact) {
        em.remove(contact);
    }

    @Override
    public Map<Long, String> linked(SalesforceLink.Type type, long afterId, int limit) {
        Map<Long, String> ids = new LinkedHashMap<>();
        for (Object[] row : em.createQuery("SELECT c.id, c.salesforce.id.value FROM Contact c WHERE c.salesforce.type = :type "
                        + "AND c.id > :after ORDER BY c.id", Object[].class)
                .setParameter("type", type.name()).setParameter("after", afterId).setMaxResults(limit).getResultList()) {
            ids.put((Long) row[0], (String) row[1]);
        }
        return ids;
    }

    @Override
    public long countLinked(SalesforceLink.Type type) {
        return em.createQuery("SELECT COUNT(c) FROM Contact c WHERE c.salesforce.type = :type", Long.class)
                .setParameter("type", type.name()).getSingleResult();
    }

    @Override
    public long countInCompany(long companyId) {
        return em.createNamedQuery(Contact.COUNT_IN_COMPANY, Long.class).setParameter("company", companyId).getSingleResult();
    }

    @Override
    public Map<Long, Long> countsInCompanies(Collection<Long> companyIds) {
        Map<Long, Long> counts = new LinkedHashMap<>();
        if (companyIds.isEmpty()) {
            return counts;
        }
        for (Object[] row : em.createQuery("SELECT c.companyId, COUNT(c) FROM Contact c WHERE c.companyId IN :ids GROUP BY c.companyId",
                Object[].class).setParameter("ids", companyIds).getResultList()) {
            counts.put((Long) row[0], (Long) row[1]);
        }
        return counts;
    }

    @Override
    public List<Contact> page(ContactFilter filter, long afterId, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        TypedQuery<Contact> q = em.createQuery("SELECT c FROM Contact c WHERE c.id > :after" + where + " ORDER BY c.id", Contact.class);
        q.setParameter("after", afterId);
        params.forEach(q::setParameter);
        return q.setMaxResults(limit).getResultList();
    }

    @Override
    public long count(ContactFilter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        TypedQuery<Long> q = em.createQuery("SELECT COUNT(c) FROM Contact c WHERE c.id > 0" + where, Long.class);
        params.forEach(q::setParameter);
        return q.getSingleResult();
    }

    @Override
    public void flush() {
        em.flush();
    }

    /** The filter as JPQL conditions; only the filters given take part. */
    private static String where(ContactFilter f, Map<String, Object> params) {
        StringBuilder sb = new StringBuilder();
        if (f.email() != null) {
            sb.append(" AND c.email.key = :email");
            params.put("email", EmailAddress.keyOf(f.email()));
        }
        if (f.text() != null) {
            sb.append(" AND (c.email.key LIKE :text OR LOWER(c.profile.firstName) LIKE :text OR LOWER(c.profile.lastName) LIKE :text)");
            params.put("text", "%" + f.text().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (f.companyId() != null) {
            sb.append(" AND c.companyId = :company");
            params.put("company", f.companyId());
        }
        if (f.linked() != null) {
            sb.append(f.linked() ? " AND c.salesforce.id.value IS NOT NULL" : " AND c.salesforce.id.value IS NULL");
        }
        return sb.toString();
    }
}
