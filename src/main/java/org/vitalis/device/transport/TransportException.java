package org.vitalis.device.transport;

import java.io.IOException;

/** A port could not be opened or used; the message says why in plain words and what to do. */
public class TransportException extends IOException {
    public TransportException(String message) {
        super(message);
    }

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
