package org.vitalis.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vitalis.domain.LesionKind;
import org.vitalis.vision.inference.ModelRegistry;
import org.vitalis.vision.quality.CheckKind;
import org.vitalis.vision.quality.QualityGate;

/**
 * The lesion screens' view of the vision code, over the real quality gate and the models shipped in models/: a demo
 * dermoscopic picture passes its checks and the skin model reads it with a heatmap; oral and clinical photos have no
 * model and say so.
 */
class VisionLesionAnalysisTest {
    private static ModelRegistry models;
    private static VisionLesionAnalysis analysis;

    @BeforeAll
    static void open() {
        models = ModelRegistry.open(Path.of("models"));
        analysis = new VisionLesionAnalysis(QualityGate.dermoscopy(), models);
    }

    @AfterAll
    static void close() {
        models.close();
    }

    static byte[] demoPicture() throws Exception {
        return demoPicture("ISIC_0000163.jpg");
    }

    static byte[] demoPicture(String name) throws Exception {
        try (InputStream in = org.vitalis.app.Main.class.getResourceAsStream("democamera/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void decodesPicturesAndRefusesOtherFilesWithASentence() throws Exception {
        BufferedImage p = analysis.decode(demoPicture(), "ISIC_0000163.jpg");
        assertThat(p.getWidth()).isEqualTo(250);
        assertThatThrownBy(() -> analysis.decode("not a picture".getBytes(StandardCharsets.UTF_8), "notes.txt"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("notes.txt");
    }

    private static int coloured(BufferedImage picture, BufferedImage overlay) {
        int n = 0;
        for (int y = 0; y < picture.getHeight(); y += 5) {
            for (int x = 0; x < picture.getWidth(); x += 5) {
                n += overlay.getRGB(x, y) != picture.getRGB(x, y) ? 1 : 0;
            }
        }
        return n;
    }

    /** A heatmap is offered only where it shows something: no overlay means covering nothing weakened the result. */
    @Test
    void anOverlayIsGivenExactlyWhenSomeRegionStandsOut() throws Exception {
        for (String name : new String[] {"ISIC_0000163.jpg", "ISIC_0000150.jpg", "ISIC_0000209.jpg", "ISIC_0000216.jpg"}) {
            BufferedImage picture = analysis.decode(demoPicture(name), name);
            LesionAnalysis.Reading reading = analysis.read(LesionKind.DERMOSCOPIC, picture).orElseThrow();
            reading.explanation().overlay().ifPresent(o -> assertThat(coloured(picture, o)).as(name).isPositive());
            assertThat(analysis.explain(LesionKind.DERMOSCOPIC, picture, reading.result()).orElseThrow().overlay()
                    .isPresent()).as("explaining a stored result again gives the same answer, " + name)
                    .isEqualTo(reading.explanation().overlay().isPresent());
        }
    }

    @Test
    void qualityChecksKeepTheGatesKindsAndAFlatPictureFailsSharpness() throws Exception {
        LesionQuality good = analysis.check(LesionKind.DERMOSCOPIC, analysis.decode(demoPicture(), "demo.jpg"));
        assertThat(good.checks()).extracting(LesionQuality.Check::kind).containsExactlyInAnyOrder(
                java.util.Arrays.stream(CheckKind.values()).map(Enum::name).toArray(String[]::new));
        assertThat(good.passed()).isTrue();
        BufferedImage flat = new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = flat.createGraphics();
        g.setColor(new Color(200, 160, 150));
        g.fillRect(0, 0, 300, 300);
        g.dispose();
        LesionQuality bad = analysis.check(LesionKind.DERMOSCOPIC, flat);
        assertThat(bad.passed()).isFalse();
        assertThat(bad.failed()).extracting(LesionQuality.Check::kind).contains("BLUR");
        assertThat(bad.failed().getFirst().sentence()).isNotBlank();
    }

    /**
     * An oral photo is judged as a photograph, not as a dermatoscope's picture: the dark mouth around a pale lesion at
     * one side fails the dermoscopic framing and dark-share checks, and passes as an oral photo, while a blurred oral
     * photo still fails.
     */
    @Test
    void oralAndClinicalPhotosAreNotHeldToTheDermatoscopesFraming() throws Exception {
        BufferedImage mouth = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = mouth.createGraphics();
        java.util.Random r = new java.util.Random(3);
        for (int y = 0; y < 300; y += 4) {
            for (int x = 0; x < 400; x += 4) {
                boolean cavity = x < 260;
                int base = cavity ? 8 : 190;
                int v = Math.max(0, Math.min(255, base + r.nextInt(40) - 20));
                g.setColor(cavity ? new Color(v, v / 3, v / 3) : new Color(v, v * 2 / 3, v * 2 / 3));
                g.fillRect(x, y, 4, 4);
            }
        }
        g.dispose();
        LesionQuality asDermoscopic = analysis.check(LesionKind.DERMOSCOPIC, mouth);
        assertThat(asDermoscopic.failed()).extracting(LesionQuality.Check::kind).contains("UNDEREXPOSED");
        LesionQuality asOral = analysis.check(LesionKind.ORAL, mouth);
        assertThat(asOral.failed()).extracting(LesionQuality.Check::kind).doesNotContain("UNDEREXPOSED", "FRAMING");
        assertThat(analysis.check(LesionKind.SKIN_CLINICAL, mouth).failed()).extracting(LesionQuality.Check::kind)
                .doesNotContain("UNDEREXPOSED", "FRAMING");

        BufferedImage flat = new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D f = flat.createGraphics();
        f.setColor(new Color(200, 160, 150));
        f.fillRect(0, 0, 300, 300);
        f.dispose();
        assertThat(analysis.check(LesionKind.ORAL, flat).failed()).extracting(LesionQuality.Check::kind)
                .contains("BLUR");
    }

    @Test
    void theSkinModelReadsDermoscopicPicturesWithAHeatmapOthersHaveNoModel() throws Exception {
        assertThat(analysis.unavailable(LesionKind.ORAL)).contains("No oral model is installed.");
        assertThat(analysis.unavailable(LesionKind.SKIN_CLINICAL)).isPresent();
        assertThat(analysis.read(LesionKind.ORAL, new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB))).isEmpty();
        assertThat(analysis.unavailable(LesionKind.DERMOSCOPIC)).as("the shipped skin model loads").isEmpty();

        BufferedImage picture = analysis.decode(demoPicture(), "demo.jpg");
        LesionAnalysis.Reading reading = analysis.read(LesionKind.DERMOSCOPIC, picture).orElseThrow();
        LesionResult r = reading.result();
        assertThat(r.probability()).isBetween(0.0, 1.0);
        assertThat(r.threshold()).isBetween(0.0, 1.0);
        assertThat(r.label()).isIn(r.positiveLabel(), "nevus");
        assertThat(r.modelSha256()).matches("[0-9a-f]{64}");
        BufferedImage overlay = reading.explanation().overlay().orElseThrow();
        assertThat(overlay.getWidth()).isEqualTo(picture.getWidth());
        assertThat(coloured(picture, overlay)).as("the heatmap colours part of the picture").isPositive();

        assertThat(analysis.explain(LesionKind.DERMOSCOPIC, picture, r)).isPresent();
        LesionResult fromAnotherModel = new LesionResult(r.label(), r.positiveLabel(), r.probability(), r.threshold(),
                r.modelName(), r.modelVersion(), "0".repeat(64), r.at());
        assertThat(analysis.explain(LesionKind.DERMOSCOPIC, picture, fromAnotherModel)).isEmpty();
    }
}
