package io.tandem.launcher;

/** A start-up problem the administrator can fix; its message is printed as it is, without a trace. */
public class LaunchException extends RuntimeException {

    public LaunchException(String message) {
        super(message);
    }

    public LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
