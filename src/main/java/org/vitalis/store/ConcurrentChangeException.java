package org.vitalis.store;

/** Another workstation changed the same record since it was read; the user must reload and retry. */
public class ConcurrentChangeException extends StoreException {
    public ConcurrentChangeException(String message, Throwable cause) {
        super(message, cause);
    }
}
