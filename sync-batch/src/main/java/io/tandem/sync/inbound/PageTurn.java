package io.tandem.sync.inbound;

import java.util.Set;

/**
 * How a page of the import writes in step with the page before it, which may not have committed yet.
 * Up to {@link #mayInsertEarly} the page has only read (consistent reads, no locks).
 */
public interface PageTurn {

    /** No page before: write at once. */
    PageTurn ALONE = new PageTurn() {
        @Override
        public boolean mayInsertEarly(Set<String> newKeys) {
            return true;
        }

        @Override
        public void awaitPredecessor() {
        }
    };

    /**
     * The page's rules have run and these are the unique keys of the rows it creates: answers whether its
     * new rows may go in before the page before has committed (they share no key with that page's).
     */
    boolean mayInsertEarly(Set<String> newKeys);

    /** Returns once the page before has committed (or throws, and this page rolls back). */
    void awaitPredecessor();
}
