package io.tandem.sync.inbound;

import io.tandem.domain.service.MappedFields;

import jakarta.persistence.PersistenceException;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One import page's turn after the pages before it still in flight ({@link InboundChunkWriter}). The keys
 * of every page are known before it reads (its records' ids, emails and the ids they name): the records
 * sharing none with those pages are applied alongside them and their new rows inserted at once; the few
 * sharing one are applied after the page before has committed, and read what it wrote. So no page rolls
 * back for meeting another's rows (the seeded Leads, sharing emails page after page, rolled back 26 pages
 * of 30 when they met on the unique key; starting such a page only after the one before made the Leads
 * one page at a time).
 */
final class InFlightTurn implements PageTurn {

    /** The commit of the page before (null for the first page): this page commits after it. */
    final CompletableFuture<Void> before;
    /** This page's keys, which the pages after it compare with theirs. */
    final Set<String> keys;
    /** Its keys the import had never met: not looked up, but in a try after a rollback. */
    private final Set<String> unseen;
    /** The companies of the Accounts as read at the step's start (or none): not looked up, but in a try after a rollback. */
    private final Map<String, Long> accountCompanies;
    /** The mappings as the step read them lately: not read again, but in a try after a rollback. */
    private final MappedFields mappings;
    /** Completed when this page has committed, exceptionally when it could not be applied. */
    final CompletableFuture<Void> committed = new CompletableFuture<>();
    /** Set when an attempt rolled back: the next goes the safe way. */
    private volatile boolean retrying;
    private Set<String> shared;
    private final List<Set<String>> keysBefore;
    private final AtomicInteger sharing;
    private boolean counted;

    /**
     * After the page whose commit is {@code before}, with the keys of every page still in flight before it;
     * {@code sharing} counts the pages that had records to apply after it.
     */
    InFlightTurn(CompletableFuture<Void> before, Set<String> keys, Set<String> unseen, Map<String, Long> accountCompanies,
                 MappedFields mappings, List<Set<String>> keysBefore, AtomicInteger sharing) {
        this.mappings = mappings;
        this.before = before;
        this.keys = keys;
        this.unseen = unseen;
        this.accountCompanies = accountCompanies;
        this.keysBefore = keysBefore;
        this.sharing = sharing;
    }

    /** Worked out once an attempt (the page's batch bean and its applier both ask); forgotten when it rolls back. */
    @Override
    public Set<String> sharedKeys() {
        if (before == null || before.isDone()) {
            return Set.of();
        }
        if (shared == null) {
            Set<String> found = new HashSet<>();
            for (Set<String> theirs : keysBefore) {
                PageKeys.shared(keys, theirs, found);
            }
            if (!found.isEmpty() && !counted) {
                counted = true;
                sharing.incrementAndGet();
            }
            shared = found;
        }
        return shared;
    }

    /** A key never met may still have been written since by another writer: the page then rolls back and looks up all. */
    @Override
    public boolean mayExist(String key) {
        return retrying || !unseen.contains(key);
    }

    /**
     * A company deleted since the step began makes the page's insert fail on the foreign key; it rolls back and looks
     * every Account up. One moved to another Account meanwhile (a rare edit) would place the page's people as the
     * Account stood when the step began, as a lookup just before that edit would have.
     */
    @Override
    public Long accountCompany(String accountId) {
        return retrying ? null : accountCompanies.get(accountId);
    }

    @Override
    public MappedFields mappings() {
        return retrying ? null : mappings;
    }

    /** An attempt rolled back: the next goes the safe way and works out its shared keys again. */
    void retry() {
        retrying = true;
        shared = null;
    }

    @Override
    public boolean mayInsertEarly() {
        // its records sharing keys with the pages before wait for their commit; a try after a rollback goes the safe way
        return before == null || !retrying;
    }

    /** Inside the page's transaction: the page before has committed, or this one gives way. */
    @Override
    public void awaitPredecessor() {
        if (before == null) {
            return;
        }
        try {
            before.get(InboundChunkWriter.PREDECESSOR_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new PersistenceException("the page before has not committed within " + InboundChunkWriter.PREDECESSOR_WAIT.toSeconds()
                    + " s; this page rolls back and is applied again");
        } catch (ExecutionException e) {
            throw new IllegalStateException("the page before this one was not applied", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the page before", e);
        }
    }
}
