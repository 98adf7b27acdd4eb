package io.tandem.sync.inbound;

import io.tandem.domain.service.MappedFields;

import java.util.Set;

/**
 * How a page of the import writes in step with the page before it, which may not have committed yet.
 * Up to {@link #mayInsertEarly} the page has only read (consistent reads, no locks).
 */
public interface PageTurn {

    /** No page before: write at once. */
    PageTurn ALONE = new Alone();

    /** A page with no page before it: nothing to share or wait for, every key looked up; it writes at once. */
    class Alone implements PageTurn {

        @Override
        public Set<String> sharedKeys() {
            return Set.of();
        }

        @Override
        public boolean mayInsertEarly() {
            return true;
        }

        @Override
        public void awaitPredecessor() {
        }
    }

    /**
     * The keys (see {@link PageKeys}) this page shares with pages before it that have not
     * committed yet: its records naming them, and those of the same people, are applied only after
     * {@link #awaitPredecessor}. Empty once the pages before have committed.
     */
    Set<String> sharedKeys();

    /**
     * The page's records that share no key with the page before have run through the rules: answers
     * whether their new rows may go in before that page has committed. They may, except in a try after a
     * rollback, which goes the safe way (and where a people page creates the company of an Account not
     * imported, which the page checks itself).
     */
    boolean mayInsertEarly();

    /**
     * Whether a row may hold {@code key} (an id, an email key or an Account id of this page): false only for a
     * key the import had never met when the page was handed over ({@link KeysMet}), which the page need not
     * look up; true again in a try after a rollback.
     */
    default boolean mayExist(String key) {
        return true;
    }

    /**
     * The company of an Account as the import read them at its step's start, or null to look it up (in a try
     * after a rollback too).
     */
    default Long accountCompany(String accountId) {
        return null;
    }

    /**
     * The field mappings as the import's step read them at most a second before the page was handed over, or null to
     * read them now (and in a try after a rollback).
     */
    default MappedFields mappings() {
        return null;
    }

    /** Returns once the page before has committed (or throws, and this page rolls back). */
    void awaitPredecessor();
}
