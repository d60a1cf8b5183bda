package org.vitalis.ui.ecg;

import java.util.List;

/**
 * The scale of ECG paper on this screen: paper speed, gain and the screen's pixels per millimetre, so that a
 * millimetre on screen is a millimetre on a ruler and the strip reads like paper (DESIGN: 25 mm/s, 10 mm/mV).
 */
public record EcgPaper(double speedMmPerS, double gainMmPerMv, double pxPerMm) {
    /** Paper speeds a user may choose, mm/s; 25 is the standard (AHA, Kligfield et al., Circulation 2007;115:1306). */
    public static final List<Double> SPEEDS = List.of(12.5, 25.0, 50.0);
    /** Gains a user may choose, mm/mV; 10 is the standard. */
    public static final List<Double> GAINS = List.of(5.0, 10.0, 20.0);
    public static final double STANDARD_SPEED = 25;
    public static final double STANDARD_GAIN = 10;
    /** Used when the screen reports no believable resolution: the 96 dpi every toolkit assumes. */
    static final double FALLBACK_DPI = 96;

    public EcgPaper {
        if (!(speedMmPerS > 0) || !(gainMmPerMv > 0) || !(pxPerMm > 0)) {
            throw new IllegalArgumentException("paper speed, gain and pixels per mm must be positive");
        }
    }

    /** Standard paper on a screen of this many pixels per millimetre. */
    public static EcgPaper standard(double pxPerMm) {
        return new EcgPaper(STANDARD_SPEED, STANDARD_GAIN, pxPerMm);
    }

    /**
     * Layout pixels per millimetre of a screen that reports {@code dpi} device pixels per inch and draws each layout
     * pixel as {@code outputScale} device pixels (HiDPI). A resolution outside 50-1000 dpi is not a screen's, so the
     * usual 96 dpi is taken instead.
     */
    public static double pxPerMm(double dpi, double outputScale) {
        double scale = outputScale > 0 && Double.isFinite(outputScale) ? outputScale : 1;
        double perInch = dpi >= 50 && dpi <= 1000 ? dpi / scale : FALLBACK_DPI;
        return perInch / 25.4;
    }

    public double pxPerSecond() {
        return speedMmPerS * pxPerMm;
    }

    public double pxPerMillivolt() {
        return gainMmPerMv * pxPerMm;
    }

    public EcgPaper withSpeed(double mmPerS) {
        return new EcgPaper(mmPerS, gainMmPerMv, pxPerMm);
    }

    public EcgPaper withGain(double mmPerMv) {
        return new EcgPaper(speedMmPerS, mmPerMv, pxPerMm);
    }
}
