package dev.forcelink.testkit;

/**
 * The emulator could not do what was asked: a port could not be bound, a schema file is invalid, an argument is
 * out of range. The message says what is wrong and what to do. Unchecked; immutable.
 */
public class EmulatorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and what to do
     */
    public EmulatorException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do
     * @param cause the underlying failure
     */
    public EmulatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
