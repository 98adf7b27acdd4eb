package io.tandem.sync.inbound;

import io.tandem.domain.service.SalesforceRecord;
import io.tandem.domain.shared.EmailAddress;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The keys a people record can find or create a contact by: its id, the ids of people it names (a merge's
 * survivor, a converted Lead's Contact) and its email. One definition serves a page's lookups and the pages
 * in flight comparing theirs; the Accounts people name are left out, since a people page only reads their
 * companies' ids (and creates one only for an Account not imported, see {@link InboundPage#createsAccountCompany}).
 */
final class PageKeys {

    private PageKeys() {
    }

    /** The record's Salesforce ids and its email key, each given once to its consumer. */
    static void forEach(SalesforceRecord r, Consumer<String> ids, Consumer<String> emails) {
        ids.accept(r.id());
        if (r.masterRecordId() != null) {
            ids.accept(r.masterRecordId());
        }
        String converted = InboundPage.text(r, "ConvertedContactId");
        if (converted != null) {
            ids.accept(converted);
        }
        String email = InboundPage.text(r, "Email");
        if (email != null) {
            emails.accept(EmailAddress.keyOf(email));
        }
    }

    /** A page's keys, known before it reads anything: two pages with none in common never meet on a contact. */
    static Set<String> of(List<SalesforceRecord> records) {
        Set<String> keys = new HashSet<>(records.size() * 3);
        for (SalesforceRecord r : records) {
            into(r, keys);
        }
        return keys;
    }

    /**
     * Ids and email keys in one set, as they are: an email key holds an {@code @}, a Salesforce id never does, and
     * should some text pass for both, two pages would only seem to share a key, which makes records wait, never collide.
     */
    private static void into(SalesforceRecord r, Set<String> keys) {
        forEach(r, keys::add, keys::add);
    }

    /** The fields a people record names an Account by, whose company a page looks up. */
    static final List<String> ACCOUNT_FIELDS = List.of("AccountId", "ConvertedAccountId");

    /**
     * The keys of a page ({@code keys}, with the Accounts its records name) that the import has never met
     * ({@link KeysMet}): its lookups leave them out. A deleted record's keys are looked up all the same (a
     * deletion writes no row a unique index could refuse). Every key of the page is met from then on.
     */
    static Set<String> unseen(List<SalesforceRecord> records, Set<String> keys, KeysMet met) {
        Set<String> unseen = new HashSet<>(2 * keys.size());
        // a key named twice in the page is unseen from its first naming on
        for (String k : keys) {
            if (!met.add(k)) {
                unseen.add(k);
            }
        }
        for (SalesforceRecord r : records) {
            for (String field : ACCOUNT_FIELDS) {
                String account = InboundPage.text(r, field);
                if (account != null && !met.add(account)) {
                    unseen.add(account);
                }
            }
        }
        for (SalesforceRecord r : records) {
            if (r.deleted()) {
                forEach(r, unseen::remove, unseen::remove);
            }
        }
        return unseen;
    }

    /** Adds to {@code into} the keys two pages share. */
    static void shared(Set<String> ours, Set<String> theirs, Set<String> into) {
        Set<String> small = ours.size() <= theirs.size() ? ours : theirs;
        Set<String> large = small == ours ? theirs : ours;
        for (String k : small) {
            if (large.contains(k)) {
                into.add(k);
            }
        }
    }

    /**
     * Which records wait for the page before: those naming one of the keys it shares with this page, and
     * every record sharing a key with one that waits (so records of one person stay together, in order).
     */
    static boolean[] waiting(List<SalesforceRecord> records, Set<String> shared) {
        boolean[] later = new boolean[records.size()];
        if (shared.isEmpty()) {
            return later;
        }
        Set<String> held = new HashSet<>(shared);
        List<Set<String>> keys = new ArrayList<>(records.size());
        for (SalesforceRecord r : records) {
            Set<String> own = new HashSet<>(4);
            into(r, own);
            keys.add(own);
        }
        for (boolean grew = true; grew; ) {
            grew = false;
            for (int i = 0; i < later.length; i++) {
                if (!later[i] && keys.get(i).stream().anyMatch(held::contains)) {
                    later[i] = true;
                    held.addAll(keys.get(i));
                    grew = true;
                }
            }
        }
        return later;
    }
}
