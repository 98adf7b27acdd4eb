package io.tandem.adapters;

import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;

import java.util.concurrent.Callable;

/** Work in a transaction of its own, committed when it returns and rolled back when it throws; inside one already open, it joins it. */
final class InTransaction {

    private InTransaction() {
    }

    static <T> T run(UserTransaction tx, Callable<T> work) throws Exception {
        boolean outer = tx.getStatus() == Status.STATUS_NO_TRANSACTION;
        if (outer) {
            tx.begin();
        }
        try {
            T result = work.call();
            if (outer) {
                tx.commit();
            }
            return result;
        } catch (Exception | Error e) {
            if (outer) {
                tx.rollback();
            }
            throw e;
        }
    }
}
