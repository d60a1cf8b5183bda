package org.vitalis.vision.camera;

/** A camera could not be listed, opened or read; the message says which and why, in a sentence for the user. */
public final class CameraException extends Exception {
    private final boolean frameOnly;

    public CameraException(String message) {
        this(message, null, false);
    }

    public CameraException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private CameraException(String message, Throwable cause, boolean frameOnly) {
        super(message, cause);
        this.frameOnly = frameOnly;
    }

    /** Only the frame at hand was lost (a damaged frame in a video file); the stream goes on with the next one. */
    public static CameraException frameOnly(String message, Throwable cause) {
        return new CameraException(message, cause, true);
    }

    public boolean isFrameOnly() {
        return frameOnly;
    }
}
