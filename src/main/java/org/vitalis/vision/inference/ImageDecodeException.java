package org.vitalis.vision.inference;

/** An imported file that is not an image Vitalis can read; the message says why, in one sentence. */
public final class ImageDecodeException extends Exception {
    public ImageDecodeException(String message) {
        super(message);
    }

    public ImageDecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
