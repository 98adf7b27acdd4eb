package io.tandem.sync.inbound;

import jakarta.ejb.ApplicationException;

/**
 * The initial import cannot do what was asked now: the setup is missing, or its state does not allow it.
 * An application exception: it reaches the caller as itself, not wrapped, and nothing is logged for it.
 */
@ApplicationException(rollback = true)
public class ImportRefusedException extends RuntimeException {

    private final boolean conflict;

    private ImportRefusedException(String message, boolean conflict) {
        super(message);
        this.conflict = conflict;
    }

    /** Something must be set up first (a connection). */
    static ImportRefusedException notSetUp(String message) {
        return new ImportRefusedException(message, false);
    }

    /** The import's state forbids it (running, completed, not running). */
    static ImportRefusedException conflict(String message) {
        return new ImportRefusedException(message, true);
    }

    public boolean isConflict() {
        return conflict;
    }
}
