package org.vitalis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javafx.geometry.NodeOrientation;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vitalis.registry.VisionLesionAnalysis;
import org.vitalis.vision.camera.CameraSource;
import org.vitalis.vision.camera.Cameras;
import org.vitalis.vision.inference.ModelRegistry;
import org.vitalis.vision.quality.QualityGate;

/**
 * A dermatoscope's recording on the real photo screen: a file that is no video is refused in the camera message;
 * the demo video opens through "Open video…", plays in the preview, and a capture takes the frame on screen, checked
 * for quality and labelled with its time in the video. Renders target/screens/imaging-video-*.png.
 */
class ImagingVideoFlowTest extends UiTestBase {
    private static final Path OUT = Path.of("target", "screens");
    private static final Path DEMO_VIDEO = Path.of("src/main/resources/org/vitalis/app/democamera/demo-dermatoscope.mp4");
    private ModelRegistry models;

    @AfterEach
    void closeModels() {
        if (models != null) {
            models.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar"})
    void aNurseOpensARecordingAndCapturesTheFrameOnScreen(String language) throws Exception {
        System.setProperty("java.awt.headless", "true");
        station = new TestStation(dir).withStaff();
        models = ModelRegistry.open(Path.of("models"));
        Imaging imaging = new Imaging(station.lesions, new VisionLesionAnalysis(QualityGate.dermoscopy(), models),
                Cameras.none());
        open(station.context(language, false, false, Optional.empty(), Optional.of(imaging)), Duration.ofMinutes(15));
        Fx.run(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        login("nurse", TestStation.NURSE_PW);
        Fx.run(() -> ((ToggleButton) root.lookup("#nav-imaging")).fire());
        Fx.waitUntil("the photo screen shows its sources", () -> Fx.present(root, "imaging-open-video"));

        nextFile = Files.writeString(dir.resolve("notes.mp4"), "not a video");
        press("imaging-open-video");
        Fx.waitUntil("the refusal shows", () -> text("imaging-camera-message") != null
                && text("imaging-camera-message").equals("notes.mp4 is not an MP4 or MOV video."));
        ComboBox<?> cameras = Fx.find(root, "imaging-camera");
        assertThat(Fx.call(() -> cameras.getItems().isEmpty())).as("nothing else changed").isTrue();

        nextFile = DEMO_VIDEO;
        press("imaging-open-video");
        Fx.waitUntil("the video is the chosen camera", () -> Fx.call(() -> cameras.getValue() instanceof CameraSource c
                && c.name().equals("demo-dermatoscope.mp4")));
        ImageView preview = Fx.find(root, "imaging-preview");
        Fx.waitUntil("the video plays in the preview", () -> Fx.call(() -> preview.getImage() != null
                && preview.isVisible()));
        assertThat(text("imaging-camera-message")).isEmpty();
        assertThat(Fx.call(preview::getEffectiveNodeOrientation)).as("a picture is never mirrored")
                .isEqualTo(NodeOrientation.LEFT_TO_RIGHT);
        Fx.writePng(root.getScene(), OUT.resolve("imaging-video-preview-" + language + ".png"));

        press("imaging-capture");
        Fx.waitUntil("the quality checks show", () -> root.lookup("#imaging-check-BLUR") != null);
        String at = language.equals("en") ? " at " : " عند ";
        assertThat(text("imaging-picture-text")).startsWith("demo-dermatoscope.mp4" + at + "00:0").contains("480");
        Fx.writePng(root.getScene(), OUT.resolve("imaging-video-capture-" + language + ".png"));
    }
}
