package io.tandem.domain.model.company;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Where companies are kept. */
public interface CompanyRepository {

    Optional<Company> find(long id);

    List<Company> findAll(Collection<Long> ids);

    /** The companies linked to these Salesforce Account ids (18 characters), in one round trip. */
    List<Company> findByAccounts(Collection<String> accountIds);

    /** The ids of the companies linked to these Accounts, by Account, without building the companies. */
    java.util.Map<String, Long> idsByAccounts(Collection<String> accountIds);

    /** Clears every company's Account link (starting over with another org); answers how many were linked. */
    int unlinkAllAccounts();

    void add(Company company);

    void remove(Company company);

    /** Companies after the given id, optionally only those whose name contains the text. */
    List<Company> page(String nameContains, long afterId, int limit);

    long count(String nameContains);
}
