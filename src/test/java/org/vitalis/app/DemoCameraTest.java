package org.vitalis.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vitalis.vision.camera.CameraSource;
import org.vitalis.vision.camera.CameraStream;
import org.vitalis.vision.camera.Resolution;
import org.vitalis.vision.camera.StillImageSource;
import org.vitalis.vision.camera.VideoFileSource;

/**
 * The demo's dermatoscopes: the still one serves the four shipped pictures in order, each as it was shipped; the video
 * one plays the shipped eight-second clip made from them.
 */
class DemoCameraTest {
    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    @Test
    void offersTheStillDermatoscopeThenTheVideoOne() {
        List<CameraSource> sources = DemoCamera.sources(dir);
        assertThat(sources).extracting(CameraSource::name).containsExactly("Demo dermatoscope",
                "Demo dermatoscope (video)");
        assertThat(sources.get(0)).isInstanceOf(StillImageSource.class);
        assertThat(sources.get(1)).isInstanceOf(VideoFileSource.class);
    }

    @Test
    void servesTheShippedPicturesInOrder() throws Exception {
        CameraSource camera = DemoCamera.sources(dir).getFirst();
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

    @Test
    void theVideoDermatoscopePlaysTheShippedClip() throws Exception {
        VideoFileSource video = (VideoFileSource) DemoCamera.sources(dir).get(1);
        assertThat(video.resolutions()).containsExactly(new Resolution(480, 360));
        assertThat(video.coding()).isEqualTo("H.264");
        assertThat(video.frames()).isEqualTo(80);
        assertThat(video.frameRate()).isEqualTo(10.0);
        assertThat(video.duration()).isEqualTo(Duration.ofSeconds(8));
        try (CameraStream s = video.open(video.resolutions().getFirst())) {
            BufferedImage first = s.nextFrame().orElseThrow();
            assertThat(first.getWidth()).isEqualTo(480);
            assertThat(s.capture().getRGB(240, 180)).isEqualTo(first.getRGB(240, 180));
        }
        try (var in = DemoCamera.class.getResourceAsStream(DemoCamera.VIDEO)) {
            assertThat(in.readAllBytes().length).as("the shipped clip stays under 1 MB").isLessThan(1 << 20);
        }
    }
}
