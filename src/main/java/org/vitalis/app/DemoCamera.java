package org.vitalis.app;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitalis.vision.camera.CameraException;
import org.vitalis.vision.camera.CameraSource;
import org.vitalis.vision.camera.StillImageSource;

/**
 * The demo clinic's dermatoscope: a still-image camera serving four CC0 dermoscopic pictures shipped with the app
 * (resources democamera/, README there), so a new user takes a lesion photo without a camera.
 */
final class DemoCamera {
    static final List<String> PICTURES = List.of("democamera/ISIC_0000163.jpg", "democamera/ISIC_0000150.jpg",
            "democamera/ISIC_0000209.jpg", "democamera/ISIC_0000216.jpg");
    private static final Logger LOG = LoggerFactory.getLogger(DemoCamera.class);

    private DemoCamera() {
    }

    static Optional<CameraSource> source() {
        try {
            return Optional.of(StillImageSource.fromResources("Demo dermatoscope", DemoCamera.class, PICTURES));
        } catch (CameraException e) {
            LOG.warn("The demo camera is not available: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
