package io.tandem.infrastructure.persistence.jpa;

import io.tandem.domain.model.opportunity.Opportunity;
import io.tandem.domain.model.opportunity.OpportunityRepository;
import io.tandem.domain.model.opportunity.OpportunityRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class JpaOpportunityRepository implements OpportunityRepository {

    @PersistenceContext(unitName = "tandem")
    private EntityManager em;

    @Override
    public List<Opportunity> findAll(Collection<String> ids) {
        return ids.isEmpty() ? List.of() : em.createQuery("SELECT o FROM Opportunity o WHERE o.id IN :ids", Opportunity.class)
                .setParameter("ids", ids).getResultList();
    }

    @Override
    public List<OpportunityRole> findRoles(Collection<String> ids) {
        return ids.isEmpty() ? List.of() : em.createQuery("SELECT r FROM OpportunityRole r WHERE r.id IN :ids", OpportunityRole.class)
                .setParameter("ids", ids).getResultList();
    }

    @Override
    public void add(Opportunity o) {
        em.persist(o);
    }

    @Override
    public void add(OpportunityRole r) {
        em.persist(r);
    }

    @Override
    public void remove(Opportunity o) {
        em.remove(o);
    }

    @Override
    public void remove(OpportunityRole r) {
        em.remove(r);
    }

    @Override
    public List<Opportunity> ofAccountOrContact(String accountId, String contactId) {
        return em.createQuery("SELECT o FROM Opportunity o WHERE o.accountId = :account OR o.id IN "
                        + "(SELECT r.opportunityId FROM OpportunityRole r WHERE r.contactId = :contact) ORDER BY o.closeDate DESC, o.id",
                Opportunity.class).setParameter("account", accountId == null ? "-" : accountId)
                .setParameter("contact", contactId == null ? "-" : contactId).setMaxResults(200).getResultList();
    }

    @Override
    public List<OpportunityRole> rolesOf(String contactId) {
        return contactId == null ? List.of() : em.createQuery("SELECT r FROM OpportunityRole r WHERE r.contactId = :c", OpportunityRole.class)
                .setParameter("c", contactId).getResultList();
    }
}
