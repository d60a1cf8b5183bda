package org.vitalis.ecg.format;

/**
 * A recording file is malformed or uses something its reader does not support. Each format has
 * its own subclass; the message always starts with the file and says what is wrong.
 */
public abstract class EcgFormatException extends RuntimeException {
    protected EcgFormatException(String message) {
        super(message);
    }

    protected EcgFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
