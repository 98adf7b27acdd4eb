package io.tandem.sync.inbound;

/**
 * How a page of the import writes in step with the page before it, which may not have committed yet.
 * Up to {@link #mayInsertEarly} the page has only read (consistent reads, no locks).
 */
public interface PageTurn {

    /** No page before: write at once. */
    PageTurn ALONE = new PageTurn() {
        @Override
        public boolean mayInsertEarly() {
            return true;
        }

        @Override
        public void awaitPredecessor() {
        }
    };

    /**
     * The page's rules have run: answers whether its new rows may go in before the page before has
     * committed. They may when the two pages share no key (see {@link InboundPage#keysOf}): the one
     * case left, both creating the company of one Account not imported, meets on the unique key, and the
     * later page rolls back and is applied again.
     */
    boolean mayInsertEarly();

    /** Returns once the page before has committed (or throws, and this page rolls back). */
    void awaitPredecessor();
}
