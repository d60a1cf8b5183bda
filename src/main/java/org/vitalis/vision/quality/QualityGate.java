package org.vitalis.vision.quality;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks a photo before inference: sharpness, exposure, size and framing. Pure computation on the pixels; no model,
 * no I/O. A failed check says which and why, so the user can retake the photo or override.
 */
public final class QualityGate {
    /** Longer side of the working image the measures are taken on. */
    static final int WORKING_SIDE = 256;
    /** Below this luminance a pixel is the dermatoscope's black surround, not lesion; it is left out of framing. */
    static final double SURROUND = 20;

    private final QualityThresholds t;

    public QualityGate(QualityThresholds thresholds) {
        this.t = thresholds;
    }

    public static QualityGate dermoscopy() {
        return new QualityGate(QualityThresholds.DERMOSCOPY);
    }

    /** For clinical skin and intraoral photographs ({@link QualityThresholds#PHOTOGRAPH}). */
    public static QualityGate photograph() {
        return new QualityGate(QualityThresholds.PHOTOGRAPH);
    }

    public QualityReport check(BufferedImage image) {
        LumaImage luma = LumaImage.of(image, WORKING_SIDE);
        List<Check> checks = new ArrayList<>();
        double sharp = sharpness(luma);
        checks.add(new Check(CheckKind.BLUR, sharp >= t.minSharpness(), sharp, t.minSharpness(),
                sharp >= t.minSharpness() ? "The photo is sharp."
                        : String.format(Locale.ROOT, "The photo is blurred (sharpness %.4f, needs %.4f): hold the camera still and focus on the lesion.",
                                sharp, t.minSharpness())));
        double balance = directionalBalance(luma);
        checks.add(new Check(CheckKind.MOTION_BLUR, balance >= t.minDirectionalBalance(), balance, t.minDirectionalBalance(),
                balance >= t.minDirectionalBalance() ? "The photo is not smeared."
                        : String.format(Locale.ROOT, "The photo is smeared in one direction (balance %.3f, needs %.2f): hold the camera and the patient still.",
                                balance, t.minDirectionalBalance())));
        double mean = 0;
        int dark = 0;
        int clipped = 0;
        for (double v : luma.y()) {
            mean += v;
            dark += v <= 16 ? 1 : 0;
            clipped += v >= 250 ? 1 : 0;
        }
        int n = luma.y().length;
        mean /= n;
        double darkFraction = dark / (double) n;
        double clippedFraction = clipped / (double) n;
        boolean under = mean < t.minMeanLuminance() || darkFraction > t.maxDarkFraction();
        checks.add(new Check(CheckKind.UNDEREXPOSED, !under, mean, t.minMeanLuminance(), !under ? "The photo is bright enough."
                : String.format(Locale.ROOT, "The photo is too dark (mean brightness %.0f of 255, %.0f%% of it black): turn on the light or move closer to it.",
                        mean, 100 * darkFraction)));
        boolean over = mean > t.maxMeanLuminance() || clippedFraction > t.maxClippedFraction();
        checks.add(new Check(CheckKind.OVEREXPOSED, !over, mean, t.maxMeanLuminance(), !over ? "The photo is not washed out."
                : String.format(Locale.ROOT, "The photo is too bright (mean brightness %.0f of 255, %.0f%% of it white): reduce the light or avoid glare.",
                        mean, 100 * clippedFraction)));
        int side = Math.min(image.getWidth(), image.getHeight());
        checks.add(new Check(CheckKind.TOO_SMALL, side >= t.minSide(), side, t.minSide(), side >= t.minSide()
                ? "The photo is large enough."
                : String.format(Locale.ROOT, "The photo is too small (%d pixels on its shorter side, needs %d): take it at full resolution.",
                        side, t.minSide())));
        double aspect = Math.max(image.getWidth(), image.getHeight()) / (double) side;
        double offset = centreOffset(luma);
        boolean framed = aspect <= t.maxAspectRatio() && offset <= t.maxCentreOffset();
        checks.add(new Check(CheckKind.FRAMING, framed, offset, t.maxCentreOffset(), framed ? "The lesion is in the middle of the frame."
                : aspect > t.maxAspectRatio()
                        ? String.format(Locale.ROOT, "The frame is too narrow (%.1f:1): take a square or 4:3 photo.", aspect)
                        : "The lesion is not in the middle of the frame: centre it and retake."));
        return new QualityReport(checks);
    }

    /**
     * Variance of the Laplacian of the luminance after a 3×3 binomial smoothing, divided by the luminance's standard
     * deviation. The smoothing keeps pixel-level noise (8-bit rounding, sensor noise, JPEG blocks), which a blurred
     * photo still has, from counting as detail; dividing by the contrast keeps a sharp but pale lesion on pale skin from
     * reading as blurred.
     */
    static double sharpness(LumaImage l) {
        double m = 0;
        double q = 0;
        for (double v : l.y()) {
            m += v;
            q += v * v;
        }
        m /= l.y().length;
        double sd = Math.sqrt(Math.max(0, q / l.y().length - m * m));
        return laplacianVariance(l.smoothed()) / Math.max(1, sd);
    }

    /**
     * Gradient energy along the weaker of x and y over that along the stronger, on the smoothed luminance: about 1 for a
     * photo with detail in every direction, near 0 for one smeared into streaks (a flat image counts as balanced).
     */
    static double directionalBalance(LumaImage luma) {
        LumaImage l = luma.smoothed();
        double ex = 0;
        double ey = 0;
        for (int y = 1; y < l.height(); y++) {
            for (int x = 1; x < l.width(); x++) {
                double dx = l.at(x, y) - l.at(x - 1, y);
                double dy = l.at(x, y) - l.at(x, y - 1);
                ex += dx * dx;
                ey += dy * dy;
            }
        }
        double max = Math.max(ex, ey);
        return max < 1e-9 ? 1 : Math.min(ex, ey) / max;
    }

    /** Variance of the 4-neighbour Laplacian over the interior pixels (Pech-Pacheco et al. 2000). */
    static double laplacianVariance(LumaImage l) {
        if (l.width() < 3 || l.height() < 3) {
            return 0;
        }
        double sum = 0;
        double sq = 0;
        long n = 0;
        for (int y = 1; y < l.height() - 1; y++) {
            for (int x = 1; x < l.width() - 1; x++) {
                double v = l.at(x - 1, y) + l.at(x + 1, y) + l.at(x, y - 1) + l.at(x, y + 1) - 4 * l.at(x, y);
                sum += v;
                sq += v * v;
                n++;
            }
        }
        double m = sum / n;
        return sq / n - m * m;
    }

    /**
     * How far the lesion's centroid lies from the frame's centre, as the larger of its horizontal and vertical offsets
     * over half the frame (0 = centred, 1 = on the edge). The lesion is the darker class of Otsu's threshold, leaving
     * out the black surround of a dermatoscope's round field. A frame with no darker region counts as centred.
     */
    static double centreOffset(LumaImage l) {
        int[] hist = new int[256];
        int total = 0;
        for (double v : l.y()) {
            if (v >= SURROUND) {
                hist[(int) Math.min(255, v)]++;
                total++;
            }
        }
        if (total == 0) {
            return 0;
        }
        int threshold = otsu(hist, total);
        double sx = 0;
        double sy = 0;
        long count = 0;
        for (int y = 0; y < l.height(); y++) {
            for (int x = 0; x < l.width(); x++) {
                double v = l.at(x, y);
                if (v >= SURROUND && v <= threshold) {
                    sx += x + 0.5;
                    sy += y + 0.5;
                    count++;
                }
            }
        }
        if (count == 0) {
            return 0;
        }
        double dx = Math.abs(sx / count - l.width() / 2.0) / (l.width() / 2.0);
        double dy = Math.abs(sy / count - l.height() / 2.0) / (l.height() / 2.0);
        return Math.max(dx, dy);
    }

    /** Otsu's threshold: the level that maximises the between-class variance of the histogram. */
    static int otsu(int[] hist, int total) {
        double sumAll = 0;
        for (int i = 0; i < 256; i++) {
            sumAll += i * (double) hist[i];
        }
        double sumB = 0;
        long wB = 0;
        double best = -1;
        int level = 0;
        for (int i = 0; i < 256; i++) {
            wB += hist[i];
            if (wB == 0) {
                continue;
            }
            long wF = total - wB;
            if (wF == 0) {
                break;
            }
            sumB += i * (double) hist[i];
            double mB = sumB / wB;
            double mF = (sumAll - sumB) / wF;
            double between = (double) wB * wF * (mB - mF) * (mB - mF);
            if (between > best) {
                best = between;
                level = i;
            }
        }
        return level;
    }
}
