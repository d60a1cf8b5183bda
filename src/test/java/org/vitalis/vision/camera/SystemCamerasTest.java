package org.vitalis.vision.camera;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The real camera library loads its native code on this Java and lists the devices; a machine without a camera (CI)
 * gets an empty list, never an exception.
 */
class SystemCamerasTest {
    @Test
    void listsTheSystemsCamerasWithoutFailing() {
        try (SystemCameras cameras = new SystemCameras()) {
            CameraList list = cameras.list();
            assertThat(list.problem()).as("the native library starts here").isEmpty();
            for (CameraSource c : list.cameras()) {
                assertThat(c.resolutions()).isNotEmpty().isSorted();
                assertThat(c.name()).isNotBlank();
            }
            assertThat(cameras.list().cameras()).hasSameSizeAs(list.cameras());
        }
    }

    @Test
    void stillSourcesComeFirst() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("still");
        StillImageSourceTest.write(StillImageSourceTest.picture(8, 8, java.awt.Color.RED), "png", dir.resolve("a.png"));
        StillImageSource still = StillImageSource.fromFolder("Demo camera", dir);
        try (Cameras cameras = Cameras.withSources(java.util.List.of(still), new SystemCameras())) {
            assertThat(cameras.list().cameras().getFirst()).isSameAs(still);
        }
    }
}
