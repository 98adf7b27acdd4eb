package io.tandem.infrastructure.persistence.jpa;

import io.tandem.domain.model.campaign.Campaign;
import io.tandem.domain.model.campaign.CampaignMember;
import io.tandem.domain.model.campaign.CampaignRepository;
import io.tandem.domain.model.campaign.CampaignType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class JpaCampaignRepository implements CampaignRepository {

    @PersistenceContext(unitName = "tandem")
    private EntityManager em;

    @Override
    public List<CampaignType> types() {
        return em.createQuery("SELECT t FROM CampaignType t ORDER BY t.name", CampaignType.class).getResultList();
    }

    @Override
    public Optional<CampaignType> type(long id) {
        return Optional.ofNullable(em.find(CampaignType.class, id));
    }

    @Override
    public Optional<CampaignType> typeNamed(String name) {
        return em.createQuery("SELECT t FROM CampaignType t WHERE LOWER(t.name) = :name", CampaignType.class)
                .setParameter("name", name.trim().toLowerCase(Locale.ROOT)).getResultStream().findFirst();
    }

    @Override
    public void add(CampaignType type) {
        em.persist(type);
        em.flush(); // the id comes from the insert (IDENTITY), and the answer shows it
    }

    @Override
    public void remove(CampaignType type) {
        em.remove(type);
    }

    @Override
    public List<String> statusesInUse(long typeId) {
        return em.createQuery("SELECT DISTINCT m.status FROM CampaignMember m, Campaign c WHERE m.campaignId = c.id AND c.typeId = :type "
                        + "AND m.removedAt IS NULL",
                String.class).setParameter("type", typeId).getResultList();
    }

    @Override
    public long campaignsOfType(long typeId) {
        return em.createQuery("SELECT COUNT(c) FROM Campaign c WHERE c.typeId = :type", Long.class).setParameter("type", typeId)
                .getSingleResult();
    }

    @Override
    public Optional<Campaign> find(long id) {
        return Optional.ofNullable(em.find(Campaign.class, id));
    }

    @Override
    public Optional<Campaign> findBySalesforceId(String campaignId) {
        return em.createQuery("SELECT c FROM Campaign c WHERE c.salesforce.value = :id", Campaign.class).setParameter("id", campaignId)
                .getResultStream().findFirst();
    }

    @Override
    public List<Campaign> page(String text, long afterId, int limit) {
        TypedQuery<Campaign> q = em.createQuery("SELECT c FROM Campaign c WHERE c.id > :after"
                + (text == null ? "" : " AND LOWER(c.name) LIKE :name") + " ORDER BY c.id", Campaign.class);
        q.setParameter("after", afterId);
        if (text != null) {
            q.setParameter("name", like(text));
        }
        return q.setMaxResults(limit).getResultList();
    }

    @Override
    public long count(String text) {
        TypedQuery<Long> q = em.createQuery("SELECT COUNT(c) FROM Campaign c" + (text == null ? "" : " WHERE LOWER(c.name) LIKE :name"),
                Long.class);
        if (text != null) {
            q.setParameter("name", like(text));
        }
        return q.getSingleResult();
    }

    @Override
    public void add(Campaign campaign) {
        em.persist(campaign);
        em.flush();
    }

    @Override
    public void remove(Campaign campaign) {
        em.remove(campaign);
    }

    @Override
    public Map<Long, CampaignMember> members(long campaignId, Collection<Long> contactIds) {
        Map<Long, CampaignMember> found = new HashMap<>();
        if (contactIds.isEmpty()) {
            return found;
        }
        em.createQuery("SELECT m FROM CampaignMember m WHERE m.campaignId = :campaign AND m.contactId IN :contacts", CampaignMember.class)
                .setParameter("campaign", campaignId).setParameter("contacts", contactIds).getResultList()
                .forEach(m -> found.put(m.contactId(), m));
        return found;
    }

    @Override
    public List<CampaignMember> findMembers(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT m FROM CampaignMember m WHERE m.id IN :ids", CampaignMember.class).setParameter("ids", ids)
                .getResultList();
    }

    @Override
    public List<CampaignMember> members(long campaignId, String status, long afterId, int limit) {
        TypedQuery<CampaignMember> q = em.createQuery("SELECT m FROM CampaignMember m WHERE m.campaignId = :campaign AND m.id > :after"
                + " AND m.removedAt IS NULL"
                + (status == null ? "" : " AND m.status = :status") + " ORDER BY m.id", CampaignMember.class);
        q.setParameter("campaign", campaignId).setParameter("after", afterId);
        if (status != null) {
            q.setParameter("status", status);
        }
        return q.setMaxResults(limit).getResultList();
    }

    @Override
    public long countMembers(long campaignId, String status) {
        TypedQuery<Long> q = em.createQuery("SELECT COUNT(m) FROM CampaignMember m WHERE m.campaignId = :campaign AND m.removedAt IS NULL"
                + (status == null ? "" : " AND m.status = :status"), Long.class);
        q.setParameter("campaign", campaignId);
        if (status != null) {
            q.setParameter("status", status);
        }
        return q.getSingleResult();
    }

    @Override
    public Map<Long, Long> memberCounts(Collection<Long> campaignIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (campaignIds.isEmpty()) {
            return counts;
        }
        for (Object[] row : em.createQuery("SELECT m.campaignId, COUNT(m) FROM CampaignMember m WHERE m.campaignId IN :ids "
                + "AND m.removedAt IS NULL GROUP BY m.campaignId", Object[].class).setParameter("ids", campaignIds).getResultList()) {
            counts.put((Long) row[0], (Long) row[1]);
        }
        return counts;
    }

    @Override
    public void add(CampaignMember member) {
        em.persist(member);
    }

    @Override
    public void remove(CampaignMember member) {
        em.remove(member);
    }

    @Override
    public void flush() {
        em.flush();
    }

    private static String like(String text) {
        return "%" + text.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    @Override
    public List<CampaignMember> membershipsOf(long contactId) {
        return em.createQuery("SELECT m FROM CampaignMember m WHERE m.contactId = :c AND m.removedAt IS NULL ORDER BY m.updatedAt DESC",
                CampaignMember.class).setParameter("c", contactId).setMaxResults(200).getResultList();
    }
}
