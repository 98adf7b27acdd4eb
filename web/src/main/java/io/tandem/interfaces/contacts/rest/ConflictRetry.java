package io.tandem.interfaces.contacts.rest;

import java.sql.SQLIntegrityConstraintViolationException;
import java.util.function.Supplier;

/**
 * Two requests creating the same email at the same moment: the second one's transaction fails on the
 * unique key. Run again, it finds the contact the first one made and updates it, as an upsert should.
 */
final class ConflictRetry {

    private ConflictRetry() {
    }

    static <T> T once(Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (isDuplicateKey(e)) {
                return work.get();
            }
            throw e;
        }
    }

    private static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
        }
        return false;
    }
}
