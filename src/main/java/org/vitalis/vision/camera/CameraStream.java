package org.vitalis.vision.camera;

import java.awt.image.BufferedImage;
import java.util.Optional;

/** A started camera. Not for use by two threads at once. */
public interface CameraStream extends AutoCloseable {
    Resolution resolution();

    /** The newest frame for a live preview, or empty when the camera has not delivered a new one since. */
    Optional<BufferedImage> nextFrame() throws CameraException;

    /** A still image at the stream's full resolution; waits for the camera's next frame. */
    BufferedImage capture() throws CameraException;

    /** Where in a recording the last {@link #capture()} was taken; empty for a live camera. */
    default Optional<RecordingPosition> stillPosition() {
        return Optional.empty();
    }

    @Override
    void close();
}
