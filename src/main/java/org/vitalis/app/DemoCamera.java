package org.vitalis.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitalis.vision.camera.CameraException;
import org.vitalis.vision.camera.CameraSource;
import org.vitalis.vision.camera.StillImageSource;
import org.vitalis.vision.camera.VideoFileSource;

/**
 * The demo clinic's dermatoscopes, so a new user takes a lesion photo without a camera: a still-image camera serving
 * four CC0 dermoscopic pictures shipped with the app, and a short video made from the same pictures, played as a
 * dermatoscope recording (resources democamera/, README there).
 */
final class DemoCamera {
    static final List<String> PICTURES = List.of("democamera/ISIC_0000163.jpg", "democamera/ISIC_0000150.jpg",
            "democamera/ISIC_0000209.jpg", "democamera/ISIC_0000216.jpg");
    static final String VIDEO = "democamera/demo-dermatoscope.mp4";
    private static final Logger LOG = LoggerFactory.getLogger(DemoCamera.class);

    private DemoCamera() {
    }

    /**
     * The still-image dermatoscope, then the video one, whose file is kept in {@code dataDir}; a source that cannot
     * start is left out.
     */
    static List<CameraSource> sources(Path dataDir) {
        List<CameraSource> sources = new ArrayList<>();
        try {
            sources.add(StillImageSource.fromResources("Demo dermatoscope", DemoCamera.class, PICTURES));
        } catch (CameraException e) {
            LOG.warn("The demo camera is not available: {}", e.getMessage());
        }
        try {
            sources.add(VideoFileSource.open(videoFile(dataDir), "Demo dermatoscope (video)", InstantSource.system()));
        } catch (IOException | CameraException e) {
            LOG.warn("The demo video camera is not available: {}", e.getMessage());
        }
        return sources;
    }

    /** A video plays from a file; inside the app's jar it is none, so it is copied into the demo's data folder. */
    private static Path videoFile(Path dataDir) throws IOException {
        try (InputStream in = DemoCamera.class.getResourceAsStream(VIDEO)) {
            if (in == null) {
                throw new IOException("the demo video is missing from this build");
            }
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve("demo-dermatoscope.mp4");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        }
    }
}
