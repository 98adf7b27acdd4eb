package io.tandem.domain.model.opportunity;

import java.util.Collection;
import java.util.List;

/** Where the opportunities and roles read from Salesforce are kept. */
public interface OpportunityRepository {

    List<Opportunity> findAll(Collection<String> ids);

    List<OpportunityRole> findRoles(Collection<String> ids);

    void add(Opportunity o);

    void add(OpportunityRole r);

    void remove(Opportunity o);

    void remove(OpportunityRole r);

    /** The opportunities of an Account, and those naming the Contact in a role, newest close date first. */
    List<Opportunity> ofAccountOrContact(String accountId, String contactId);

    /** The Contact's roles. */
    List<OpportunityRole> rolesOf(String contactId);
}
