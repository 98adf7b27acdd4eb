package io.tandem.sync.inbound;

import io.tandem.sync.StandaloneCompanies;
import io.tandem.domain.model.company.Company;
import io.tandem.domain.model.company.CompanyRepository;
import io.tandem.domain.model.contact.Contact;
import io.tandem.domain.model.contact.ContactRepository;
import io.tandem.domain.shared.EmailAddress;
import io.tandem.domain.model.contact.NewRecords;
import io.tandem.domain.model.contact.SyncOnCreate;
import io.tandem.domain.model.contact.SystemSource;
import io.tandem.domain.service.MappedFields;
import io.tandem.domain.service.SalesforceFieldNames;
import io.tandem.domain.service.SalesforceRecord;
import io.tandem.domain.shared.InvalidValueException;
import io.tandem.domain.shared.SalesforceId;
import io.tandem.domain.model.sync.RecordOutcome;
import io.tandem.domain.model.sync.RecordOutcome.Outcome;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One page of inbound records being applied: what it looked up at its start (contacts by Salesforce id
 * and by email, companies by Account and by id), the rows it creates, and the work that waits for them.
 * New rows go in together at its end, then what had to wait (merges, companies left empty).
 */
final class InboundPage {

    final ContactRepository contacts;
    final CompanyRepository companies;
    final NewRecords newRecords;
    private final StandaloneCompanies standalone;
    private final SalesforceFieldNames fieldNames;
    final Instant now;
    final Map<String, Company> byAccount;
    /** People pages: the company of each Account they name, by id (only the id is needed to place a person). */
    final Map<String, Long> accountCompanyIds;
    final Map<Long, Company> companiesById;
    final Map<String, Contact> bySalesforceId;
    final Map<String, Contact> byEmail;
    final Map<Long, Company> newCompanies;
    final Map<Long, Contact> newContacts;
    final Set<Long> leftCompanies = new LinkedHashSet<>();
    final List<Runnable> afterInsert = new ArrayList<>();
    /** The mappings this page applies. */
    MappedFields mapped;

    /** For a page of {@code records}: its maps made large enough from the start (growing them cost 2 % of an import). */
    InboundPage(int records, Instant now, ContactRepository contacts, CompanyRepository companies, NewRecords newRecords,
                StandaloneCompanies standalone, SalesforceFieldNames fieldNames) {
        int room = 2 * records;
        this.byAccount = new HashMap<>(room);
        this.accountCompanyIds = new HashMap<>(room);
        this.companiesById = new HashMap<>(room);
        this.bySalesforceId = new HashMap<>(room);
        this.byEmail = new HashMap<>(room);
        this.newCompanies = new LinkedHashMap<>(room);
        this.newContacts = new LinkedHashMap<>(room);
        this.now = now;
        this.contacts = contacts;
        this.companies = companies;
        this.newRecords = newRecords;
        this.standalone = standalone;
        this.fieldNames = fieldNames;
    }

    /** The companies of the Accounts of {@code records} (and of those they were merged into) that may exist ({@link PageTurn#mayExist}). */
    void loadAccounts(List<SalesforceRecord> records, PageTurn turn) {
        readMappings(turn);
        Set<String> ids = new LinkedHashSet<>();
        for (SalesforceRecord r : records) {
            addIfMayExist(ids, r.id(), turn);
            addIfMayExist(ids, r.masterRecordId(), turn);
        }
        companies.findByAccounts(ids).forEach(this::known);
    }

    /** The contacts {@code records} may find (by id or email) and their companies; the ids of the companies of the Accounts they name. */
    void loadPeople(List<SalesforceRecord> records, PageTurn turn) {
        readMappings(turn);
        Set<String> named = new HashSet<>();
        Set<String> ids = new LinkedHashSet<>();
        Set<String> emails = new LinkedHashSet<>();
        Set<String> accounts = new LinkedHashSet<>();
        for (SalesforceRecord r : records) {
            PageKeys.forEach(r, id -> {
                named.add(id);
                addIfMayExist(ids, id, turn);
            }, email -> addIfMayExist(emails, email, turn));
            for (String field : PageKeys.ACCOUNT_FIELDS) {
                String account = text(r, field);
                Long company = account == null ? null : turn.accountCompany(account);
                if (company != null) {
                    accountCompanyIds.put(account, company);
                } else {
                    addIfMayExist(accounts, account, turn);
                }
            }
        }
        Set<Long> companyIds = new LinkedHashSet<>();
        for (Contact c : contacts.findAll(contacts.idsLinkedOrHolding(ids, emails))) {
            if (c.salesforce().isLinked() && named.contains(c.salesforce().id().value())) {
                bySalesforceId.put(c.salesforce().id().value(), c);
            }
            byEmail.put(c.email().key(), c);
            companyIds.add(c.companyId());
        }
        accountCompanyIds.putAll(companies.idsByAccounts(accounts));
        companyIds.removeAll(companiesById.keySet());
        companies.findAll(companyIds).forEach(this::known);
    }

    /**
     * Once a page: its records that wait for the page before are applied under the same mappings as the rest (as the
     * import's step read them lately, or read now).
     */
    private void readMappings(PageTurn turn) {
        if (mapped == null) {
            mapped = turn.mappings() != null ? turn.mappings() : fieldNames.mapped();
        }
    }

    void known(Company c) {
        companiesById.put(c.id(), c);
        if (c.account() != null) {
            byAccount.put(c.account().value(), c);
        }
    }

    Contact create(SalesforceRecord r, boolean lead, EmailAddress email) {
        long companyId;
        String account = lead ? null : text(r, "AccountId");
        if (account != null) {
            companyId = accountCompany(account, text(r, "Account.Name"), text(r, "Account.Website"));
        } else {
            Company standalone = Company.standaloneFor(email, lead ? text(r, "Company") : null, now);
            newRecords.identify(standalone);
            newCompanies.put(standalone.id(), standalone);
            known(standalone);
            companyId = standalone.id();
        }
        Contact contact = new Contact(email, companyId, SystemSource.SALESFORCE, SyncOnCreate.NOW, now);
        newRecords.identify(contact);
        newContacts.put(contact.id(), contact);
        byEmail.put(email.key(), contact);
        return contact;
    }

    /** A Contact's Account decides its company; without one it has a standalone company of its own. */
    boolean moveToAccount(Contact contact, String accountId, String accountName, String website) {
        Company current = companiesById.get(contact.companyId());
        if (accountId == null) {
            if (current == null || current.isStandalone() || current.account() == null) {
                return false;
            }
            Company standalone = Company.standaloneFor(contact.email(), now);
            newRecords.identify(standalone);
            newCompanies.put(standalone.id(), standalone);
            known(standalone);
            return move(contact, standalone.id());
        }
        return move(contact, accountCompany(accountId, accountName, website));
    }

    boolean move(Contact contact, long companyId) {
        long previous = contact.companyId();
        if (!contact.moveTo(companyId, SystemSource.SALESFORCE, now)) {
            return false;
        }
        Company left = newCompanies.get(previous);
        if (left != null && left.isStandalone() && newContacts.containsKey(contact.id())) {
            newCompanies.remove(previous);
        } else {
            leftCompanies.add(previous);
        }
        return true;
    }

    /** A Lead's standalone company carries the Lead's Company name; answers whether it was renamed (and notes it). */
    boolean renameStandalone(Contact contact, String companyName, Map<String, Object> notes) {
        Company company = companiesById.get(contact.companyId());
        if (company == null || !company.isStandalone() || companyName == null || companyName.equals(company.name())
                || newCompanies.containsKey(company.id())) {
            return false;
        }
        String name = companyName.length() > 255 ? companyName.substring(0, 255) : companyName;
        notes.put("company", "renamed from \"" + company.name() + "\" to \"" + name + "\"");
        company.rename(name);
        company.touch(now);
        return true;
    }

    /** The shared company of an Account, by id; one named from the Account when it has not come through yet. */
    long accountCompany(String accountId, String name, String website) {
        Long known = accountCompanyIds.get(accountId);
        if (known != null) {
            return known;
        }
        Company company = byAccount.get(accountId);
        if (company == null) {
            company = Company.shared(nameOf(name, accountId), null, now);
            setWebsite(company, website, new HashMap<>());
            company.linkAccount(SalesforceId.of(accountId));
            newRecords.identify(company);
            newCompanies.put(company.id(), company);
            known(company);
        }
        return company.id();
    }

    /**
     * Whether a people page creates the company of an Account not imported: a key no page's keys name ({@link PageKeys}), so
     * its new rows wait for the page before (two pages creating it at once would wait on each other).
     */
    boolean createsAccountCompany() {
        return newCompanies.values().stream().anyMatch(c -> c.account() != null);
    }

    /** The page's new rows not inserted yet, a statement a table; nothing else is written. */
    void insertNew() {
        if (!newCompanies.isEmpty() || !newContacts.isEmpty()) {
            newRecords.insert(List.copyOf(newCompanies.values()), List.copyOf(newContacts.values()));
            newCompanies.clear();
            newContacts.clear();
        }
    }

    /** What changes rows that exist already: merges, companies left empty (the changed entities flush at commit). */
    void afterInserts() {
        afterInsert.forEach(Runnable::run);
        for (Long left : leftCompanies) {
            standalone.removeIfOrphaned(left);
        }
    }

    RecordOutcome outcome(SalesforceRecord r, Contact contact, Company company, Outcome outcome, String reason,
                          Map<String, Object> detail) {
        Long companyId = company != null ? company.id() : contact != null ? contact.companyId() : null;
        return new RecordOutcome(r.id(), contact == null ? null : contact.id(), companyId, outcome, reason, detail);
    }

    static void setWebsite(Company company, String website, Map<String, Object> notes) {
        try {
            company.changeWebsite(website);
        } catch (InvalidValueException e) {
            notes.put("website", "not applied: " + e.getMessage());
        }
    }

    static String nameOf(String name, String accountId) {
        if (name == null || name.isBlank()) {
            return "Account " + accountId;
        }
        return name.length() > 255 ? name.substring(0, 255) : name;
    }

    static String text(SalesforceRecord r, String field) {
        Object v = r.fields().get(field);
        if (v == null) {
            return null;
        }
        String s = v.toString().trim();
        return s.isEmpty() ? null : s;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static boolean isTrue(Object v) {
        return Boolean.TRUE.equals(v) || (v != null && "true".equalsIgnoreCase(v.toString()));
    }

    private static void addIfMayExist(Set<String> keys, String key, PageTurn turn) {
        if (key != null && turn.mayExist(key)) {
            keys.add(key);
        }
    }
}
