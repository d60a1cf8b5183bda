package org.vitalis.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vitalis.vision.camera.CameraSource;
import org.vitalis.vision.camera.CameraStream;
import org.vitalis.vision.camera.Resolution;

/** The demo's dermatoscope serves the four shipped pictures in order, each as it was shipped. */
class DemoCameraTest {
    @Test
    void servesTheShippedPicturesInOrder() throws Exception {
        CameraSource camera = DemoCamera.source().orElseThrow();
        assertThat(camera.resolutions()).containsExactly(new Resolution(250, 250));
        List<BufferedImage> stills = new ArrayList<>();
        try (CameraStream s = camera.open(camera.resolutions().getFirst())) {
            assertThat(s.nextFrame()).isPresent();
            for (int i = 0; i < DemoCamera.PICTURES.size() + 1; i++) {
                stills.add(s.capture());
            }
        }
        assertThat(stills).allSatisfy(p -> assertThat(p.getWidth()).isEqualTo(250));
        assertThat(stills.get(0).getRGB(125, 125)).isNotEqualTo(stills.get(1).getRGB(125, 125));
        assertThat(stills.get(4).getRGB(125, 125)).as("cycles back to the first").isEqualTo(stills.get(0).getRGB(125, 125));
        long bytes = 0;
        for (String p : DemoCamera.PICTURES) {
            try (var in = DemoCamera.class.getResourceAsStream(p)) {
                bytes += in.readAllBytes().length;
            }
        }
        assertThat(bytes).as("the shipped copy stays small").isLessThan(200_000);
    }
}
