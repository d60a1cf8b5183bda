package org.vitalis.ecg.signal;

import java.util.Arrays;
import java.util.List;

/**
 * QRS detector after Pan and Tompkins (IEEE TBME 32(3):230-236, 1985) with the decision rules that Hamilton and
 * Tompkins found best on the MIT-BIH database (IEEE TBME 33(12):1157-1165, 1986) as refined in Hamilton's open
 * source ECG analysis software (OSEA; Computers in Cardiology 29:101-104, 2002).
 *
 * <p>Each rule and the principle it follows:
 * <ul>
 * <li>5-15 Hz band-pass: the band where QRS energy dominates that of P and T waves, baseline wander and muscle noise
 * (Thakor, Webster and Tompkins, IEEE TBME 31:702-706, 1984; Pan-Tompkins).</li>
 * <li>A 10 ms difference and its absolute value, integrated over 150 ms: the QRS is the steepest deflection of the
 * ECG, and 150 ms spans about the widest normal QRS (Pan-Tompkins). The absolute value rather than the square
 * (OSEA) keeps the integral proportional to amplitude, so a beat a third the size of its neighbours still crosses.</li>
 * <li>Peaks of the integral closer than 200 ms are one event, the larger kept: the ventricles cannot depolarise
 * again within their refractory period (Pan-Tompkins).</li>
 * <li>Adaptive threshold {@code noise + 0.3125 (qrs - noise)}, qrs and noise being the medians of the last eight QRS
 * and noise peaks: the threshold follows the signal's own levels, and medians ignore a single outlier (Hamilton and
 * Tompkins 1986 found this coefficient and these estimators best).</li>
 * <li>Within 360 ms of the last QRS a peak needs at least half its slope, or it is a T wave: a T wave is slower than
 * the QRS it follows (Pan-Tompkins).</li>
 * <li>Search-back: with no QRS for 1.5 median RR intervals, the largest peak above half the threshold, from 360 ms
 * after the last QRS on, is taken: a beat missed by the threshold makes an RR interval no rhythm explains (OSEA;
 * Pan-Tompkins use 1.66 of the mean).</li>
 * <li>Lost amplitude: after 3 s without a QRS the QRS level halves each further second, so a lead whose gain dropped
 * (electrode change) is found again rather than read as asystole.</li>
 * <li>The R peak is the largest band-passed deflection within 50 ms (half a normal QRS) of the QRS's steepest slope,
 * less the filters' group delay: anchoring on the slope keeps the late, T-like hump of a wide ventricular beat from
 * taking the fiducial.</li>
 * <li>No beats inside ventricular flutter or fibrillation ({@link VfDetector}): its waves are not QRS complexes,
 * and a detector that adapts to whatever peaks it sees would otherwise report each one as a beat (ANSI/AAMI EC57
 * gives them no beat annotations either).</li>
 * </ul>
 * Every duration is in seconds and every cut-off in hertz, so the detector behaves the same from 125 to 1000 Hz. None
 * of these numbers was fitted to a test database.
 *
 * <p>Considered and left out for want of evidence (measured on MIT-BIH DS1 channel 0, and on channel 1 and with added
 * noise as recordings the rules were not chosen on): voting between two leads (the second MIT-BIH lead is too often
 * the weaker, and vetoed more true beats than artefacts), and a QRS level from the lower quartile instead of the median
 * (fewer beats missed among large ectopics, more T waves and noise taken).
 */
public final class QrsDetector {
    public static final String VERSION = "vitalis-qrs/1.2 (Pan-Tompkins 1985 / Hamilton-Tompkins 1986 / OSEA 2002; "
            + VfDetector.VERSION + ")";

    /** Pan-Tompkins pass band, hertz. */
    static final double LOW_HZ = 5;
    static final double HIGH_HZ = 15;
    /** Derivative span, seconds: the two-sample difference OSEA uses at 200 Hz. */
    static final double DERIVATIVE_S = 0.010;
    /** Moving-window integration width, seconds (Pan-Tompkins: about the widest normal QRS). */
    static final double INTEGRATION_S = 0.150;
    /**
     * The R peak lies within half a normal QRS (about 100 ms) of the QRS's steepest slope; searching around the slope
     * rather than across the whole integration window keeps the late T-like hump of a wide ectopic beat from taking it.
     */
    static final double R_REACH_S = 0.050;
    /** Physiological refractory period, seconds (Pan-Tompkins). */
    static final double REFRACTORY_S = 0.200;
    /** Interval after a QRS in which a peak may be a T wave, seconds (Pan-Tompkins). */
    static final double T_WAVE_S = 0.360;
    /** Threshold coefficient between noise and QRS level (Hamilton-Tompkins 1986, OSEA TH). */
    static final double THRESHOLD = 0.3125;
    /** Search back once this many median RR intervals have passed (OSEA). */
    static final double SEARCH_BACK_RR = 1.5;
    /** Learning period over which the initial QRS level is estimated, seconds (OSEA). */
    static final double LEARN_S = 8;
    /** Without a QRS for this long the QRS level is halved each further second, so a lost lead amplitude recovers. */
    static final double LOST_S = 3;
    /** Peaks remembered for the QRS and noise levels and RR intervals (Hamilton-Tompkins: eight). */
    private static final int HISTORY = 8;

    private final double fs;
    private final Biquad hp1;
    private final Biquad hp2;
    private final Biquad lp1;
    private final Biquad lp2;
    private final int derivLag;
    private final int window;
    private final int refractory;
    private final int tWave;
    private final int delay;
    private final int rReach;

    /**
     * @param samplingFrequency in Hz, from 100 to 2000 (designed and tested for 125-1000)
     */
    public QrsDetector(double samplingFrequency) {
        if (!(samplingFrequency >= 100 && samplingFrequency <= 2000)) {
            throw new IllegalArgumentException("sampling frequency must be 100-2000 Hz, not " + samplingFrequency);
        }
        this.fs = samplingFrequency;
        // two sections each side: 4th-order edges reject baseline wander and 50/60 Hz mains better than P&T's 2nd order
        hp1 = Biquad.highPass(LOW_HZ, fs);
        hp2 = Biquad.highPass(LOW_HZ, fs);
        lp1 = Biquad.lowPass(HIGH_HZ, fs);
        lp2 = Biquad.lowPass(HIGH_HZ, fs);
        derivLag = Math.max(1, (int) Math.round(DERIVATIVE_S * fs));
        window = Math.max(2, (int) Math.round(INTEGRATION_S * fs));
        refractory = (int) Math.round(REFRACTORY_S * fs);
        tWave = (int) Math.round(T_WAVE_S * fs);
        rReach = (int) Math.round(R_REACH_S * fs);
        double centre = Math.sqrt(LOW_HZ * HIGH_HZ);
        delay = (int) Math.round(hp1.groupDelay(centre, fs) + hp2.groupDelay(centre, fs) + lp1.groupDelay(centre, fs)
                + lp2.groupDelay(centre, fs));
    }

    public double samplingFrequency() {
        return fs;
    }

    /** Detects QRS complexes in one ECG lead (any units; the thresholds adapt). */
    public QrsDetection detect(double[] ecg) {
        int n = ecg.length;
        double[] bp = new double[n];
        hp1.filter(ecg, bp);
        hp2.filter(bp, bp);
        lp1.filter(bp, bp);
        lp2.filter(bp, bp);
        double[] slopes = new double[n];
        double[] mwi = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double d = i >= derivLag ? bp[i] - bp[i - derivLag] : 0;
            // |d| as in OSEA rather than Pan-Tompkins' d squared: the integral then scales linearly with QRS amplitude,
            // so a beat at a third of its neighbours' amplitude still crosses the threshold
            double e = Math.abs(d);
            slopes[i] = e;
            sum += e;
            if (i >= window) {
                sum -= slopes[i - window];
            }
            mwi[i] = sum > 0 ? sum : 0;
        }
        int[] beats = new Decider(bp, slopes, mwi).run();
        List<VfDetector.Episode> vf = new VfDetector(fs).detect(ecg);
        return new QrsDetection(outside(beats, vf), fs, VERSION, vf);
    }

    /** The beats outside every VF episode: flutter and fibrillation waves are not QRS complexes. */
    private static int[] outside(int[] beats, List<VfDetector.Episode> vf) {
        if (vf.isEmpty()) {
            return beats;
        }
        int[] kept = new int[beats.length];
        int n = 0;
        int e = 0;
        for (int b : beats) {
            while (e < vf.size() && vf.get(e).end() < b) {
                e++;
            }
            if (e == vf.size() || !vf.get(e).contains(b)) {
                kept[n++] = b;
            }
        }
        return Arrays.copyOf(kept, n);
    }

    /** The adaptive decision rules over the peaks of the integrated signal. */
    private final class Decider {
        private final double[] bp;
        private final double[] slopes;
        private final double[] mwi;
        private final double[] qrsLevels = new double[HISTORY];
        private final double[] noiseLevels = new double[HISTORY];
        private final int[] rrs = new int[HISTORY];
        private final double[] scratch = new double[HISTORY];
        private int qrsNext;
        private int noiseNext;
        private int rrNext;
        private double qrsLevel;
        private double noiseLevel;
        private int medianRr;
        private int last = Integer.MIN_VALUE / 2;
        private double lastSlope;
        private int lastDecay;
        private int sbAt = -1;
        private double sbHeight;
        private double sbSlope;
        private int[] beats = new int[256];
        private int count;

        Decider(double[] bp, double[] slopes, double[] mwi) {
            this.bp = bp;
            this.slopes = slopes;
            this.mwi = mwi;
        }

        int[] run() {
            int n = mwi.length;
            learn();
            int pendingAt = -1;
            double pendingHeight = 0;
            for (int i = 1; i + 1 < n; i++) {
                double h = mwi[i];
                if (h > mwi[i - 1] && h >= mwi[i + 1]) {
                    if (pendingAt >= 0 && i - pendingAt < refractory) {
                        if (h > pendingHeight) {
                            pendingAt = i;
                            pendingHeight = h;
                        }
                    } else {
                        if (pendingAt >= 0) {
                            peak(pendingAt, pendingHeight);
                        }
                        pendingAt = i;
                        pendingHeight = h;
                    }
                }
            }
            if (pendingAt >= 0) {
                peak(pendingAt, pendingHeight);
            }
            return Arrays.copyOf(beats, count);
        }

        private void learn() {
            int second = (int) Math.round(fs);
            int seconds = (int) Math.max(1, Math.min(LEARN_S, mwi.length / (double) second));
            double[] maxima = new double[seconds];
            for (int s = 0; s < seconds; s++) {
                double m = 0;
                for (int i = s * second; i < Math.min(mwi.length, (s + 1) * second); i++) {
                    m = Math.max(m, mwi[i]);
                }
                maxima[s] = m;
            }
            Arrays.sort(maxima);
            double level = maxima[seconds / 2];
            Arrays.fill(qrsLevels, level);
            qrsLevel = level;
            noiseLevel = 0;
            Arrays.fill(rrs, second);
            medianRr = second;
        }

        private double threshold() {
            return noiseLevel + THRESHOLD * (qrsLevel - noiseLevel);
        }

        private void peak(int at, double height) {
            if (at - last > LOST_S * fs && at - lastDecay > fs) {
                // amplitude lost (electrode change, gain switch): let the QRS level fall until beats are found again
                for (int k = 0; k < HISTORY; k++) {
                    qrsLevels[k] *= 0.5;
                }
                qrsLevel *= 0.5;
                lastDecay = at;
            }
            if (count > 0 && sbAt >= 0 && at - last > SEARCH_BACK_RR * medianRr && sbHeight > threshold() / 2) {
                accept(sbAt, sbHeight, sbSlope);
            }
            double slope = slope(at);
            if (height > threshold()) {
                if (count > 0 && at - last < tWave && slope < lastSlope / 2) {
                    noise(height);
                } else {
                    accept(at, height, slope);
                }
            } else {
                noise(height);
                if (at - last > tWave && height > sbHeight) {
                    sbAt = at;
                    sbHeight = height;
                    sbSlope = slope;
                }
            }
        }

        /** Steepest slope of the band-passed signal in the integration window ending at {@code at}. */
        private double slope(int at) {
            double m = 0;
            for (int i = Math.max(0, at - window + 1); i <= at; i++) {
                m = Math.max(m, slopes[i]);
            }
            return m;
        }

        private void accept(int at, double height, double slope) {
            if (count > 0) {
                rrs[rrNext] = at - last;
                rrNext = (rrNext + 1) % HISTORY;
                medianRr = (int) median(rrs);
            }
            qrsLevels[qrsNext] = height;
            qrsNext = (qrsNext + 1) % HISTORY;
            qrsLevel = median(qrsLevels);
            last = at;
            lastSlope = slope;
            sbAt = -1;
            sbHeight = 0;
            if (count == beats.length) {
                beats = Arrays.copyOf(beats, count * 2);
            }
            beats[count++] = rPeak(at);
        }

        private void noise(double height) {
            noiseLevels[noiseNext] = height;
            noiseNext = (noiseNext + 1) % HISTORY;
            noiseLevel = median(noiseLevels);
        }

        /** The R peak: the largest band-passed deflection near the window's steepest slope, less the filters' delay. */
        private int rPeak(int at) {
            int from = Math.max(0, at - window + 1);
            int steepest = at;
            double m = -1;
            for (int i = from; i <= at; i++) {
                if (slopes[i] > m) {
                    m = slopes[i];
                    steepest = i;
                }
            }
            int best = steepest;
            m = -1;
            for (int i = Math.max(0, steepest - rReach); i <= Math.min(bp.length - 1, steepest + rReach); i++) {
                double v = Math.abs(bp[i]);
                if (v > m) {
                    m = v;
                    best = i;
                }
            }
            return Math.max(0, best - delay);
        }

        private double median(double[] v) {
            System.arraycopy(v, 0, scratch, 0, HISTORY);
            Arrays.sort(scratch);
            return (scratch[HISTORY / 2 - 1] + scratch[HISTORY / 2]) / 2;
        }

        private double median(int[] v) {
            for (int k = 0; k < HISTORY; k++) {
                scratch[k] = v[k];
            }
            Arrays.sort(scratch);
            return (scratch[HISTORY / 2 - 1] + scratch[HISTORY / 2]) / 2;
        }
    }
}
