package org.vitalis.vision.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.File;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.vitalis.ecg.SharedData;

class QualityGateTest {
    private final QualityGate gate = QualityGate.dermoscopy();

    /** Skin-coloured textured background with a darker, textured round lesion at (cx, cy). */
    static BufferedImage lesion(int w, int h, double cx, double cy, double brightness) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(11);
        double radius = Math.min(w, h) * 0.2;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean in = Math.hypot(x - cx, y - cy) < radius;
                double base = in ? 90 : 190;
                double v = (base + r.nextGaussian() * 18) * brightness;
                int red = clamp(v * 1.05);
                int green = clamp(v * 0.8);
                int blue = clamp(v * 0.7);
                img.setRGB(x, y, red << 16 | green << 8 | blue);
            }
        }
        return img;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    /** Gaussian blur with edges clamped, so no unblurred border band is left behind. */
    static BufferedImage blur(BufferedImage image, double sigma) {
        int r = (int) Math.ceil(3 * sigma);
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-i * i / (2 * sigma * sigma));
            sum += k[i + r];
        }
        int w = image.getWidth();
        int h = image.getHeight();
        double[][] ch = new double[3][w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = image.getRGB(x, y);
                ch[0][y * w + x] = (p >> 16) & 0xFF;
                ch[1][y * w + x] = (p >> 8) & 0xFF;
                ch[2][y * w + x] = p & 0xFF;
            }
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] rgb = new int[w * h];
        for (int c = 0; c < 3; c++) {
            double[] tmp = new double[w * h];
            double[] res = new double[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double v = 0;
                    for (int i = -r; i <= r; i++) {
                        v += k[i + r] * ch[c][y * w + Math.max(0, Math.min(w - 1, x + i))];
                    }
                    tmp[y * w + x] = v / sum;
                }
            }
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double v = 0;
                    for (int i = -r; i <= r; i++) {
                        v += k[i + r] * tmp[Math.max(0, Math.min(h - 1, y + i)) * w + x];
                    }
                    res[y * w + x] = v / sum;
                }
            }
            for (int i = 0; i < w * h; i++) {
                rgb[i] |= clamp(res[i]) << (16 - 8 * c);
            }
        }
        out.setRGB(0, 0, w, h, rgb, 0, w);
        return out;
    }

    @Test
    void aSharpWellLitCentredPhotoPassesEveryCheck() {
        QualityReport r = gate.check(lesion(400, 300, 200, 150, 1.0));
        assertThat(r.failures()).isEmpty();
        assertThat(r.passed()).isTrue();
        assertThat(r.advice()).isEqualTo("The photo passed every quality check.");
        assertThat(r.checks()).extracting(Check::kind).containsExactlyInAnyOrder(CheckKind.values());
    }

    @Test
    void blurringTheSamePhotoFailsOnlyTheBlurCheck() {
        BufferedImage sharp = lesion(400, 300, 200, 150, 1.0);
        QualityReport r = gate.check(blur(sharp, 8));
        assertThat(r.failures()).extracting(Check::kind).containsExactly(CheckKind.BLUR);
        Check blur = r.check(CheckKind.BLUR);
        assertThat(blur.measured()).isLessThan(blur.threshold()).isLessThan(gate.check(sharp).check(CheckKind.BLUR).measured());
        assertThat(r.advice()).contains("blurred").contains("retake");
    }

    @Test
    void darkAndBrightPhotosFailTheirExposureCheck() {
        QualityReport dark = gate.check(lesion(400, 300, 200, 150, 0.15));
        assertThat(dark.failures()).extracting(Check::kind).contains(CheckKind.UNDEREXPOSED).doesNotContain(CheckKind.OVEREXPOSED);
        assertThat(dark.check(CheckKind.UNDEREXPOSED).sentence()).contains("too dark");
        QualityReport bright = gate.check(lesion(400, 300, 200, 150, 1.6));
        assertThat(bright.failures()).extracting(Check::kind).contains(CheckKind.OVEREXPOSED).doesNotContain(CheckKind.UNDEREXPOSED);
        assertThat(bright.check(CheckKind.OVEREXPOSED).sentence()).contains("too bright");
    }

    @Test
    void smallOffCentreAndNarrowPhotosFailTheirChecks() {
        assertThat(gate.check(lesion(100, 90, 50, 45, 1.0)).failures()).extracting(Check::kind).contains(CheckKind.TOO_SMALL);
        QualityReport corner = gate.check(lesion(400, 300, 340, 250, 1.0));
        assertThat(corner.failures()).extracting(Check::kind).containsExactly(CheckKind.FRAMING);
        assertThat(corner.check(CheckKind.FRAMING).sentence()).contains("not in the middle");
        assertThat(gate.check(lesion(900, 300, 450, 150, 1.0)).check(CheckKind.FRAMING).sentence()).contains("too narrow");
    }

    @Test
    void anOverrideRecordsWhoOverrodeWhichFailedChecksAndWhy() {
        QualityReport r = gate.check(blur(lesion(400, 300, 200, 150, 1.0), 8));
        Instant at = Instant.parse("2026-11-24T10:00:00Z");
        QualityOverride o = r.override("dr.amal", at, "patient cannot return");
        assertThat(o.overridden()).containsExactly(CheckKind.BLUR);
        assertThat(o.user()).isEqualTo("dr.amal");
        assertThat(o.at()).isEqualTo(at);
        QualityReport ok = gate.check(lesion(400, 300, 200, 150, 1.0));
        assertThatThrownBy(() -> ok.override("dr.amal", at, "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPhotoSmearedInOneDirectionFailsTheMotionBlurCheck() {
        BufferedImage sharp = lesion(400, 300, 200, 150, 1.0);
        BufferedImage smeared = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 400; x++) {
            // Every row a copy of the middle one: the streaks a vertical camera shake (or a damaged thumbnail) leaves.
            for (int y = 0; y < 300; y++) {
                smeared.setRGB(x, y, sharp.getRGB(x, 150));
            }
        }
        QualityReport r = gate.check(smeared);
        assertThat(r.failures()).extracting(Check::kind).contains(CheckKind.MOTION_BLUR);
        assertThat(r.check(CheckKind.MOTION_BLUR).sentence()).contains("smeared in one direction");
        assertThat(gate.check(sharp).check(CheckKind.MOTION_BLUR).passed()).isTrue();
    }

    /** The thresholds' justification in {@link QualityThresholds#DERMOSCOPY}, measured on the real images. */
    @Test
    void realDermoscopyImagesPassAndTheirBlurredCopiesFail() throws Exception {
        File[] files = SharedData.require("isic-uda1").toFile().listFiles((d, n) -> n.endsWith(".jpg"));
        Arrays.sort(files);
        int n = 0;
        int streaks = 0;
        int lesions = 0;
        int sharpPass = 0;
        int framingPass = 0;
        int blur2Fail = 0;
        int blur4Fail = 0;
        for (int i = 0; i < files.length; i += 2) {
            BufferedImage img = ImageIO.read(files[i]);
            QualityReport r = gate.check(img);
            n++;
            assertThat(r.check(CheckKind.UNDEREXPOSED).passed() && r.check(CheckKind.OVEREXPOSED).passed()).isTrue();
            assertThat(r.check(CheckKind.TOO_SMALL).passed()).isTrue();
            if (!r.check(CheckKind.MOTION_BLUR).passed()) {
                streaks++;
                continue;
            }
            lesions++;
            sharpPass += r.check(CheckKind.BLUR).passed() ? 1 : 0;
            framingPass += r.check(CheckKind.FRAMING).passed() ? 1 : 0;
            blur2Fail += gate.check(blur(img, 2)).check(CheckKind.BLUR).passed() ? 0 : 1;
            blur4Fail += gate.check(blur(img, 4)).check(CheckKind.BLUR).passed() ? 0 : 1;
        }
        assertThat(n).isEqualTo(275);
        // About 150 of the 550 thumbnails are streaks with no lesion in them (see QualityThresholds).
        assertThat(streaks).isBetween(65, 85);
        assertThat(sharpPass / (double) lesions).isGreaterThanOrEqualTo(0.98);
        assertThat(framingPass / (double) lesions).isGreaterThanOrEqualTo(0.95);
        assertThat(blur2Fail / (double) lesions).isGreaterThanOrEqualTo(0.85);
        assertThat(blur4Fail / (double) lesions).isGreaterThanOrEqualTo(0.98);
    }
}
