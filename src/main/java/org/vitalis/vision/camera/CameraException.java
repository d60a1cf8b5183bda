package org.vitalis.vision.camera;

/** A camera could not be listed, opened or read; the message says which and why, in a sentence for the user. */
public final class CameraException extends Exception {
    public CameraException(String message) {
        super(message);
    }

    public CameraException(String message, Throwable cause) {
        super(message, cause);
    }
}
