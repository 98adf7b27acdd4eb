package io.tandem.interfaces.contacts.rest;

import jakarta.persistence.OptimisticLockException;

import java.sql.SQLIntegrityConstraintViolationException;
import java.util.function.Supplier;

/**
 * A change that met another at commit, run again on the data as it then stands: two requests creating the
 * same email at the same moment (the second fails on the unique key; again, it finds the contact the first
 * made and updates it, as an upsert should), or a change made while the sync changed the same contact (the
 * drain linking it, the poll applying Salesforce's values: the version no longer matches). The caller never
 * saw that race, so it gets no error for it. Each try is a transaction of its own.
 */
final class ConflictRetry {

    private static final int TRIES = 4;

    private ConflictRetry() {
    }

    static <T> T once(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (attempt == TRIES || !metAnotherChange(e)) {
                    throw e;
                }
                pause(attempt, e);
            }
        }
    }

    private static void pause(int attempt, RuntimeException cause) {
        try {
            Thread.sleep(20L * attempt);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }

    private static boolean metAnotherChange(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException || t instanceof OptimisticLockException
                    || t.getClass().getSimpleName().equals("OptimisticLockException")) {
                return true;
            }
        }
        return false;
    }
}
