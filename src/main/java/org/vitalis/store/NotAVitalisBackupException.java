package org.vitalis.store;

/**
 * The file offered for restore is not a Vitalis backup, is damaged, or comes from a newer version
 * of Vitalis. Thrown before anything in the database is changed.
 */
public class NotAVitalisBackupException extends Exception {
    public NotAVitalisBackupException(String message) {
        super(message);
    }

    public NotAVitalisBackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
