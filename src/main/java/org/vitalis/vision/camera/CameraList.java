package org.vitalis.vision.camera;

import java.util.List;
import java.util.Optional;

/**
 * The cameras found now. {@code problem} says why the system's cameras could not be listed (the camera library did not
 * start here); still-image sources are listed all the same, and importing photos from files always works.
 */
public record CameraList(List<CameraSource> cameras, Optional<String> problem) {
    public CameraList {
        cameras = List.copyOf(cameras);
    }

    public boolean isEmpty() {
        return cameras.isEmpty();
    }
}
