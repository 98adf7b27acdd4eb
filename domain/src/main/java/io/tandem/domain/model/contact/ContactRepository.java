package io.tandem.domain.model.contact;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Where contacts are kept. */
public interface ContactRepository {

    Optional<Contact> find(long id);

    /** The contacts with these ids (those that exist), in one round trip. */
    List<Contact> findAll(Collection<Long> ids);

    /** The contacts with these email keys (lower-cased addresses), in one round trip. */
    List<Contact> findByEmailKeys(Collection<String> keys);

    /** The contacts linked to these Salesforce ids (18 characters), in one round trip. */
    List<Contact> findBySalesforceIds(Collection<String> ids);

    /** Every contact of one company. */
    List<Contact> findInCompany(long companyId);

    /**
     * The ids of contacts linked to any of these Salesforce records or holding any of these email keys:
     * a read of two indexes, without building a single contact (an import's page finds none of its
     * records most of the time).
     */
    java.util.Set<Long> idsLinkedOrHolding(Collection<String> salesforceIds, Collection<String> emailKeys);

    /** Clears every contact's Salesforce link (starting over with another org); answers how many were linked. */
    int unlinkAll();

    void add(Contact contact);

    void remove(Contact contact);

    long countInCompany(long companyId);

    /** Contacts per company for several companies in one query; companies without contacts are absent. */
    java.util.Map<Long, Long> countsInCompanies(Collection<Long> companyIds);

    /** One page of contacts matching the filter, after the given id, in id order. */
    List<Contact> page(ContactFilter filter, long afterId, int limit);

    long count(ContactFilter filter);

    /** The Salesforce ids of contacts linked to records of one type, after the given contact id, in id order: contact id → Salesforce id. */
    java.util.Map<Long, String> linked(SalesforceLink.Type type, long afterId, int limit);

    /** How many contacts are linked to records of one type. */
    long countLinked(SalesforceLink.Type type);

    /** Writes pending changes now instead of at commit. */
    void flush();
}
