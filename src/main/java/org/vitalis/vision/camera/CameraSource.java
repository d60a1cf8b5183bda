package org.vitalis.vision.camera;

import java.util.List;

/** One camera: a device the operating system offers, or a stand-in serving still images. */
public interface CameraSource {
    /** Stable within a session: what the screen remembers as the chosen camera. */
    String id();

    String name();

    /** The frame sizes it offers, smallest first; never empty. */
    List<Resolution> resolutions();

    /**
     * Starts the camera at {@code resolution} (one of {@link #resolutions()}); the stream must be closed.
     *
     * @throws CameraException when the device is gone, busy, or refuses that size
     */
    CameraStream open(Resolution resolution) throws CameraException;
}
