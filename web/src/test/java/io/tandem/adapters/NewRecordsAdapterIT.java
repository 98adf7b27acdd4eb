package io.tandem.adapters;

import io.tandem.domain.model.company.Company;
import io.tandem.domain.model.company.CompanyField;
import io.tandem.domain.model.company.CompanyRepository;
import io.tandem.domain.model.contact.Contact;
import io.tandem.domain.model.contact.ContactChanges;
import io.tandem.domain.model.contact.ContactField;
import io.tandem.domain.model.contact.ContactRepository;
import io.tandem.domain.model.contact.ExistingKeys;
import io.tandem.domain.model.contact.NewRecords;
import io.tandem.domain.model.contact.SyncOnCreate;
import io.tandem.domain.model.contact.SystemSource;
import io.tandem.domain.shared.EmailAddress;
import io.tandem.domain.shared.SalesforceId;
import io.tandem.domain.model.sync.RecordOutcome;
import io.tandem.domain.service.SalesforceRecord;
import io.tandem.sync.inbound.InboundApplier;
import io.tandem.sync.inbound.PageTurn;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.Embeddable;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * New companies and contacts are written two ways: by JPA one at a time, and by the JDBC bulk writer
 * (imports, the batch API, the inbound import). Both must draw ids from the same blocks without overlap,
 * and both must store every column: a column added to an entity but not to the bulk insert makes the
 * rows differ here, since each record is filled in every persistent field.
 */
@ExtendWith(ArquillianExtension.class)
class NewRecordsAdapterIT {

    private static final Instant CREATED = Instant.parse("2026-02-01T08:00:00Z");
    private static final Instant CHANGED = Instant.parse("2026-02-02T09:30:00Z");
    private static final Instant MODIFIED = Instant.parse("2026-02-03T10:45:00Z");

    @Deployment
    static WebArchive deployment() {
        return Deployments.adapters("new-records", NewRecordsAdapterIT.class);
    }

    @Inject
    NewRecords newRecords;
    @Inject
    ExistingKeys existingKeys;
    @Inject
    InboundApplier applier;
    @Inject
    ContactRepository contacts;
    @Inject
    CompanyRepository companies;
    @Resource
    UserTransaction tx;

    @Test
    void theBulkWriterStoresEveryColumnJpaStores() throws Exception {
        long[] ids = inTx(() -> {
            Company viaJpa = company("001000000000001");
            companies.add(viaJpa);
            Contact personViaJpa = contact("jpa@acme.example", viaJpa.id(), "00Q000000000001");
            contacts.add(personViaJpa);
            Company viaJdbc = company("001000000000002");
            newRecords.identify(viaJdbc);
            Contact personViaJdbc = contact("jdbc@acme.example", viaJdbc.id(), "00Q000000000002");
            newRecords.identify(personViaJdbc);
            newRecords.insert(List.of(viaJdbc), List.of(personViaJdbc));
            return new long[] {viaJpa.id(), personViaJpa.id(), viaJdbc.id(), personViaJdbc.id()};
        });
        inTx(() -> {
            Map<String, Object> jpaCompany = persistentValues(companies.find(ids[0]).orElseThrow());
            Map<String, Object> jdbcCompany = persistentValues(companies.find(ids[2]).orElseThrow());
            Map<String, Object> jpaContact = persistentValues(contacts.find(ids[1]).orElseThrow());
            Map<String, Object> jdbcContact = persistentValues(contacts.find(ids[3]).orElseThrow());
            assertEveryValueSet(jpaCompany);
            assertEveryValueSet(jdbcCompany);
            assertEveryValueSet(jpaContact);
            assertEveryValueSet(jdbcContact);
            assertEquals(without(jpaCompany, "id", "account.value"), without(jdbcCompany, "id", "account.value"));
            assertEquals(without(jpaContact, "id", "email.address", "email.key", "salesforce.id.value", "companyId"),
                    without(jdbcContact, "id", "email.address", "email.key", "salesforce.id.value", "companyId"));
            return null;
        });
    }

    @Test
    void idsFromJpaAndFromTheBulkWriterNeverCollide() throws Exception {
        Set<Long> companyIds = new HashSet<>();
        Set<Long> contactIds = new HashSet<>();
        for (int round = 0; round < 3; round++) {
            int r = round;
            inTx(() -> {
                Company a = Company.shared("Round " + r + " JPA", null, CREATED);
                companies.add(a);
                Contact ca = new Contact(EmailAddress.of("ids-jpa-" + r + "@acme.example"), a.id(), SystemSource.API, SyncOnCreate.NOW, CREATED);
                contacts.add(ca);
                Company b = Company.shared("Round " + r + " JDBC", null, CREATED);
                newRecords.identify(b);
                Contact cb = new Contact(EmailAddress.of("ids-jdbc-" + r + "@acme.example"), b.id(), SystemSource.IMPORT, SyncOnCreate.NOW,
                        CREATED);
                newRecords.identify(cb);
                newRecords.insert(List.of(b), List.of(cb));
                assertTrue(companyIds.add(a.id()) && companyIds.add(b.id()), "company ids repeat: " + companyIds);
                assertTrue(contactIds.add(ca.id()) && contactIds.add(cb.id()), "contact ids repeat: " + contactIds);
                return null;
            });
        }
        assertEquals(6, companyIds.size());
        assertEquals(6, contactIds.size());
    }

    @Test
    void pagesIdentifyingAtOnceEachGetARunOfIdsAndNoneRepeats() throws Exception {
        int threads = 4;
        int each = 600;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        List<java.util.concurrent.Future<List<Long>>> drawn = new ArrayList<>();
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(threads);
        for (int t = 0; t < threads; t++) {
            drawn.add(pool.submit(() -> {
                together.await();
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    Contact c = new Contact(EmailAddress.of("run-" + i + "@acme.example"), 1L, SystemSource.IMPORT, SyncOnCreate.NOW, CREATED);
                    newRecords.identify(c);
                    ids.add(c.id());
                }
                return ids;
            }));
        }
        Set<Long> all = new HashSet<>();
        for (java.util.concurrent.Future<List<Long>> f : drawn) {
            List<Long> ids = f.get();
            int steps = 0;
            for (int i = 1; i < ids.size(); i++) {
                assertTrue(ids.get(i) > ids.get(i - 1), "a thread's ids rise");
                steps += ids.get(i) == ids.get(i - 1) + 1 ? 0 : 1;
            }
            // a thread's ids run on unbroken but where its block ends (1,000 ids a block)
            assertTrue(steps <= 1, "ids in runs: " + steps + " breaks in " + ids.size());
            all.addAll(ids);
        }
        pool.shutdown();
        assertEquals(threads * each, all.size(), "no id drawn twice");
    }

    @Test
    void aRowTheDatabaseRefusesFailsTheWholeInsert() throws Exception {
        Exception refused = null;
        try {
            inTx(() -> {
                Company c = Company.shared("Twice", null, CREATED);
                newRecords.identify(c);
                Contact first = new Contact(EmailAddress.of("twice@acme.example"), c.id(), SystemSource.IMPORT, SyncOnCreate.NOW, CREATED);
                Contact second = new Contact(EmailAddress.of("Twice@acme.example"), c.id(), SystemSource.IMPORT, SyncOnCreate.NOW, CREATED);
                newRecords.identify(first);
                newRecords.identify(second);
                newRecords.insert(List.of(c), List.of(first, second));
                return null;
            });
        } catch (Exception e) {
            refused = e;
        }
        assertTrue(refused != null, "two new contacts with one email went in");
        assertTrue(String.valueOf(rootMessage(refused)).contains("1 of 2 rows"), String.valueOf(rootMessage(refused)));
        assertTrue(inTx(() -> contacts.findByEmailKeys(List.of("twice@acme.example")).isEmpty()), "nothing of the refused insert stays");
    }

    @Test
    void theKeyIndexFindsTheKeysThatExistAndOnlyThose() throws Exception {
        long[] ids = insertedInBulk("001000000000077", "O'Brien+news@acme.example", "00Q000000000077", "keys@acme.example",
                "00Q000000000078");
        inTx(() -> {
            Contact quoted = contacts.find(ids[1]).orElseThrow();
            Contact plain = contacts.find(ids[2]).orElseThrow();
            assertEquals(Set.of(ids[1], ids[2]), contacts.idsLinkedOrHolding(
                    List.of(quoted.salesforce().id().value(), "00Q000000000999AAA", "not \"an\" id\\"),
                    List.of(plain.email().key(), "nobody@acme.example", "x".repeat(5_000), "")));
            assertEquals(Set.of(ids[1]), contacts.idsLinkedOrHolding(List.of(), List.of(quoted.email().key())),
                    "a key with an apostrophe and a plus");
            assertEquals(Set.of(), contacts.idsLinkedOrHolding(List.of(), List.of()));
            String account = companies.find(ids[0]).orElseThrow().account().value();
            assertEquals(Map.of(account, ids[0]), companies.idsByAccounts(List.of(account, "001000000000999AAA")));
            return null;
        });
    }

    @Test
    void anImportReadsEveryKeyTheDatabaseHolds() throws Exception {
        long[] ids = insertedInBulk("001000000000088", "Inventory@acme.example", "003000000000088");
        Set<String> keys = new HashSet<>();
        existingKeys.forEach(keys::add);
        String account = inTx(() -> companies.find(ids[0]).orElseThrow().account().value());
        String salesforceId = inTx(() -> contacts.find(ids[1]).orElseThrow().salesforce().id().value());
        assertTrue(keys.containsAll(Set.of(account, salesforceId, "inventory@acme.example")), keys.toString());
        assertEquals(2, existingKeys.rowsUpTo(2), "counted no further than asked");
        assertTrue(existingKeys.rowsUpTo(1_000_000) >= 2);
    }

    /**
     * The import skips the lookup of a key it has never met (KeysMet); should another writer have stored it
     * meanwhile, the unique index refuses the page's insert and the page, applied again with every key looked
     * up, links the row instead of duplicating it.
     */
    @Test
    void aKeyNeverMetButWrittenMeanwhileRollsThePageBackAndItsNextTryLinksTheRow() throws Exception {
        long formContact = inTx(() -> {
            Company c = Company.standaloneFor(EmailAddress.of("meanwhile@acme.example"), CREATED);
            companies.add(c);
            Contact person = new Contact(EmailAddress.of("meanwhile@acme.example"), c.id(), SystemSource.FORM, SyncOnCreate.SKIP, CREATED);
            contacts.add(person);
            return person.id();
        });
        SalesforceRecord record = new SalesforceRecord("Contact", "003000000000099AAA", MODIFIED, MODIFIED, false, null,
                new HashMap<>(Map.of("Email", "Meanwhile@acme.example", "LastName", "Okafor")));
        PageTurn neverMet = new PageTurn.Alone() {
            @Override
            public boolean mayExist(String key) {
                return false;
            }
        };
        Exception refused = null;
        try {
            inTx(() -> applier.apply("Contact", List.of(record), neverMet));
        } catch (Exception e) {
            refused = e;
        }
        assertTrue(refused != null, "a second contact with the email went in");
        List<RecordOutcome> again = inTx(() -> applier.apply("Contact", List.of(record), PageTurn.ALONE));
        assertEquals(RecordOutcome.Outcome.UPDATED, again.get(0).outcome(), again.toString());
        assertEquals(formContact, again.get(0).contactId());
        inTx(() -> {
            assertEquals("003000000000099AAA", contacts.find(formContact).orElseThrow().salesforce().id().value());
            assertEquals(1, contacts.findByEmailKeys(List.of("meanwhile@acme.example")).size());
            return null;
        });
    }

    /** A company linked to {@code account} and contacts in it ({@code email, Salesforce id} pairs), by the bulk writer: their ids, the company's first. */
    private long[] insertedInBulk(String account, String... emailsAndIds) throws Exception {
        return inTx(() -> {
            Company company = company(account);
            newRecords.identify(company);
            List<Contact> people = new ArrayList<>();
            for (int i = 0; i < emailsAndIds.length; i += 2) {
                Contact person = contact(emailsAndIds[i], company.id(), emailsAndIds[i + 1]);
                newRecords.identify(person);
                people.add(person);
            }
            newRecords.insert(List.of(company), people);
            long[] ids = new long[people.size() + 1];
            ids[0] = company.id();
            for (int i = 0; i < people.size(); i++) {
                ids[i + 1] = people.get(i).id();
            }
            return ids;
        });
    }

    private static String rootMessage(Throwable e) {
        while (e.getCause() != null && e.getCause() != e) {
            e = e.getCause();
        }
        return e.getMessage();
    }

    private static Company company(String account) {
        Company c = Company.shared("Acme Rockets", "https://www.acme.example/about", CREATED);
        c.set(CompanyField.INDUSTRY, "Aerospace");
        c.set(CompanyField.ANNUAL_REVENUE, new BigDecimal("1250000.50"));
        c.set(CompanyField.EMPLOYEES, 420);
        c.linkAccount(SalesforceId.of(account));
        c.touch(CHANGED);
        return c;
    }

    private static Contact contact(String email, long companyId, String salesforceId) {
        Contact c = new Contact(EmailAddress.of(email), companyId, SystemSource.FORM, SyncOnCreate.SKIP, CREATED);
        ContactChanges changes = new ContactChanges();
        for (ContactField f : ContactField.values()) {
            changes.set(f, f == ContactField.LEAD_SCORE ? new BigDecimal("87") : f.apiName() + " ✓");
        }
        // the custom fields' JSON holds backslashes, a tab and quotes: every character a bulk writer must escape
        changes.setCustom("region", "EMEA\t\\ \"north\"");
        c.apply(changes, false, SystemSource.FORM, CHANGED);
        c.linkTo(SalesforceId.of(salesforceId), MODIFIED);
        c.exchanged(Map.of("title", "title ✓"), MODIFIED);
        return c;
    }

    /** Every persistent field by its path, embeddables walked into; JPA's own woven fields left out. */
    static Map<String, Object> persistentValues(Object entity) throws IllegalAccessException {
        Map<String, Object> values = new TreeMap<>();
        collect("", entity, values);
        return values;
    }

    private static void collect(String prefix, Object o, Map<String, Object> values) throws IllegalAccessException {
        for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || Modifier.isTransient(f.getModifiers()) || f.isSynthetic()
                        || f.getName().startsWith("_")) {
                    continue;
                }
                f.setAccessible(true);
                Object v = f.get(o);
                if (v != null && v.getClass().isAnnotationPresent(Embeddable.class)) {
                    collect(prefix + f.getName() + ".", v, values);
                } else {
                    values.put(prefix + f.getName(), v);
                }
            }
        }
    }

    private static void assertEveryValueSet(Map<String, Object> values) {
        values.forEach((path, v) -> assertTrue(v != null, path + " is null: fill it in this test, and in every writer"));
    }

    private static Map<String, Object> without(Map<String, Object> values, String... paths) {
        Map<String, Object> kept = new TreeMap<>(values);
        for (String p : paths) {
            assertTrue(kept.containsKey(p), "no field " + p);
            kept.remove(p);
        }
        return kept;
    }

    private <T> T inTx(Callable<T> work) throws Exception {
        return InTransaction.run(tx, work);
    }
}
