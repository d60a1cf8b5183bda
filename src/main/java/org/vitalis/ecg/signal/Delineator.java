package org.vitalis.ecg.signal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Global interval measurement on a median beat.
 *
 * <ol>
 * <li>Beats whose preceding RR is within 20 % of the median RR (so ectopic beats do not blur the average) are aligned
 * on the steepest point of their QRS and averaged sample by sample with the median, which, unlike the mean, ignores
 * a beat hit by an artefact.</li>
 * <li>QRS onset and offset: the multilead derivative ("spatial velocity", the root sum of squares of the leads'
 * slopes) is compared with a fraction of its QRS maximum, as in the derivative-threshold boundaries of Laguna, Jané
 * and Caminal (Comput Biomed Res 27:45-60, 1994); the boundary is where the velocity stays below the threshold for
 * 10 ms, so a slope reversal inside the QRS (the R peak in one lead) does not end it.</li>
 * <li>P onset and T end: the tangent method (Lepeschkin and Surawicz, Circulation 6:378-388, 1952; recommended by
 * Postema et al., Heart Rhythm 5:1015, 2008) on the spatial magnitude of the leads relative to their PR-segment level:
 * the tangent at the steepest point of the wave's outer slope meets the isoelectric level at the boundary.</li>
 * </ol>
 * Every duration is in seconds, so the result does not depend on the sampling rate.
 */
public final class Delineator {
    public static final String VERSION = "vitalis-delineation/1.0 (median beat; spatial-velocity QRS, tangent P onset/T end)";

    /** Beats within this fraction of the median RR are averaged (the 20 % ectopic rule, as in {@link RhythmAnalyzer}). */
    static final double NORMAL_RR_TOLERANCE = 0.2;
    /** Most beats averaged: beyond about 60 the median beat's noise no longer falls noticeably. */
    static final int MAX_BEATS = 64;
    /** Search for the steepest QRS point this far either side of the detector's fiducial, s. */
    static final double ALIGN_S = 0.060;
    /** Median beat starts this long before R, at most, and at most this fraction of the RR (else it reaches the previous T). */
    static final double PRE_S = 0.40;
    static final double PRE_RR = 0.45;
    /** Median beat ends this long after R, at most, and at most this fraction of the RR (else it reaches the next P). */
    static final double POST_S = 0.70;
    static final double POST_RR = 0.75;
    /** Derivative span, s: central difference over 16 ms, the same at every sampling rate from 125 Hz. */
    static final double SLOPE_HALF_SPAN_S = 0.004;
    /** Median beats are low-passed here: the QRS has little energy above 40 Hz, EMG and mains have most (AHA 2007). */
    static final double LOW_PASS_HZ = 40;
    /** QRS boundary threshold, fraction of the peak spatial velocity (Laguna et al. 1994 use fractions of the peak slope). */
    static final double QRS_FRACTION = 0.05;
    /** Velocity must stay under the threshold this long to end the QRS, s. */
    static final double QUIET_S = 0.010;
    /** QRS onset is searched at most this long before R, and the offset this long after, s (QRS rarely exceeds 200 ms). */
    static final double QRS_SEARCH_S = 0.150;
    /** The PR-segment level is averaged over this span just before QRS onset, s. */
    static final double ISOELECTRIC_S = 0.010;
    /**
     * Smallest P wave accepted, mV: half a millimetre at 10 mm/mV, the least a reader calls a P wave; normal P waves
     * are 0.05-0.25 mV in the limb leads (Surawicz and Knilans, Chou's Electrocardiography in Clinical Practice, 6th ed.).
     */
    static final double P_MIN_MV = 0.05;
    /** The P wave ends at least this long before QRS onset (the PR segment), s. */
    static final double PR_SEGMENT_S = 0.020;
    /** A T peak is the highest point within this long either side, s: wider than ripple, narrower than a T wave. */
    static final double PEAK_HALF_WIDTH_S = 0.030;
    /** The T peak is searched from this long after the J point (the ST segment lies before), s. */
    static final double ST_S = 0.040;

    private Delineator() {
    }

    /**
     * @param leads  baseline-corrected leads in millivolts, all of one length
     * @param use    which leads to measure on (bad-quality leads are left out)
     * @param beats  R fiducials, ascending sample indices
     * @param fs     sampling frequency, Hz
     */
    public static Intervals measure(double[][] leads, boolean[] use, int[] beats, double fs) {
        int[] chosenLeads = java.util.stream.IntStream.range(0, leads.length).filter(l -> use[l]).toArray();
        if (chosenLeads.length == 0) {
            return Intervals.none("no lead of usable quality", VERSION);
        }
        if (beats.length < 2) {
            return Intervals.none("fewer than two beats", VERSION);
        }
        int n = leads[chosenLeads[0]].length;
        double[] rr = new double[beats.length - 1];
        for (int i = 0; i < rr.length; i++) {
            rr[i] = (beats[i + 1] - beats[i]) / fs;
        }
        double rrMedian = median(rr.clone(), rr.length);
        int pre = (int) Math.round(Math.min(PRE_S, PRE_RR * rrMedian) * fs);
        int post = (int) Math.round(Math.min(POST_S, POST_RR * rrMedian) * fs);
        int h = Math.max(1, (int) Math.round(SLOPE_HALF_SPAN_S * fs));
        int align = (int) Math.round(ALIGN_S * fs);

        List<Integer> normal = new ArrayList<>();
        List<Integer> any = new ArrayList<>();
        for (int i = 0; i < beats.length; i++) {
            if (beats[i] - pre - align - h < 0 || beats[i] + post + align + h >= n) {
                continue;
            }
            any.add(i);
            double before = i > 0 ? rr[i - 1] : rr[0];
            if (Math.abs(before - rrMedian) <= NORMAL_RR_TOLERANCE * rrMedian) {
                normal.add(i);
            }
        }
        List<Integer> picked = normal.size() >= 3 ? normal : any;
        if (picked.isEmpty()) {
            return Intervals.none("no complete beat inside the recording", VERSION);
        }
        // evenly spaced over the recording, so a long record is represented throughout
        int count = Math.min(MAX_BEATS, picked.size());
        int[] fiducials = new int[count];
        for (int k = 0; k < count; k++) {
            int b = beats[picked.get((int) ((long) k * picked.size() / count))];
            fiducials[k] = steepest(leads, chosenLeads, b - align, b + align, h);
        }

        int len = pre + post + 1;
        double[][] med = new double[chosenLeads.length][];
        double[] column = new double[count];
        Biquad lp = fs > 2.5 * LOW_PASS_HZ ? Biquad.lowPass(LOW_PASS_HZ, fs) : null;
        for (int c = 0; c < chosenLeads.length; c++) {
            double[] x = leads[chosenLeads[c]];
            double[] m = new double[len];
            for (int j = 0; j < len; j++) {
                for (int k = 0; k < count; k++) {
                    column[k] = x[fiducials[k] - pre + j];
                }
                m[j] = median(column, count);
            }
            if (lp != null) {
                lp.filtfilt(m, m);
            }
            med[c] = m;
        }
        return delineate(med, pre, fs, h, rrMedian, count);
    }

    /** Index of the largest multilead slope in [from, to]. */
    private static int steepest(double[][] leads, int[] use, int from, int to, int h) {
        int best = from;
        double bestV = -1;
        for (int i = from; i <= to; i++) {
            double v = 0;
            for (int l : use) {
                double d = leads[l][i + h] - leads[l][i - h];
                v += d * d;
            }
            if (v > bestV) {
                bestV = v;
                best = i;
            }
        }
        return best;
    }

    static Intervals delineate(double[][] med, int r, double fs, int h, double rrS, int beatsAveraged) {
        int len = med[0].length;
        double[] sv = new double[len];
        for (int j = h; j < len - h; j++) {
            double v = 0;
            for (double[] m : med) {
                double d = (m[j + h] - m[j - h]) * fs / (2 * h);
                v += d * d;
            }
            sv[j] = Math.sqrt(v);
        }
        int align = (int) Math.round(ALIGN_S * fs);
        int peak = r;
        for (int j = Math.max(h, r - align); j <= Math.min(len - h - 1, r + align); j++) {
            if (sv[j] > sv[peak]) {
                peak = j;
            }
        }
        double vmax = sv[peak];
        double rrMs = 1000 * rrS;
        if (!(vmax > 0)) {
            return withNote(beatsAveraged, rrMs, "flat median beat");
        }
        double thr = QRS_FRACTION * vmax;
        int quiet = Math.max(2, (int) Math.round(QUIET_S * fs));
        int search = (int) Math.round(QRS_SEARCH_S * fs);
        int onset = -1;
        int run = 0;
        for (int j = peak; j >= Math.max(h, peak - search); j--) {
            run = sv[j] < thr ? run + 1 : 0;
            if (run == quiet) {
                onset = j + quiet;
                break;
            }
        }
        int offset = -1;
        run = 0;
        for (int j = peak; j <= Math.min(len - h - 1, peak + search); j++) {
            run = sv[j] < thr ? run + 1 : 0;
            if (run == quiet) {
                offset = j - quiet;
                break;
            }
        }
        if (onset < 0 || offset < 0) {
            return withNote(beatsAveraged, rrMs, "QRS boundaries not found within " + Math.round(1000 * QRS_SEARCH_S) + " ms of R");
        }

        // isoelectric reference per lead: the PR segment just before QRS onset
        int iso = Math.max(1, (int) Math.round(ISOELECTRIC_S * fs));
        double[] mag = new double[len];
        double[][] dev = new double[med.length][len];
        for (int c = 0; c < med.length; c++) {
            double[] m = med[c];
            double b = 0;
            int from = Math.max(0, onset - iso);
            for (int j = from; j < onset; j++) {
                b += m[j];
            }
            b = onset > from ? b / (onset - from) : m[onset];
            for (int j = 0; j < len; j++) {
                double d = m[j] - b;
                dev[c][j] = Math.abs(d);
                mag[j] += d * d;
            }
        }
        for (int j = 0; j < len; j++) {
            mag[j] = Math.sqrt(mag[j]);
        }
        StringBuilder note = new StringBuilder();

        // P wave on the spatial magnitude; failing that, on the single lead that shows it best, because a lead whose
        // TP segment sits off the PR level can hide, in the magnitude, a P wave that another lead shows plainly
        int pEnd = onset - (int) Math.round(PR_SEGMENT_S * fs);
        double[] p = pWave(mag, pEnd, h, fs);
        if (p == null && med.length > 1) {
            for (double[] d : dev) {
                double[] q = pWave(d, pEnd, h, fs);
                if (q != null && (p == null || q[1] > p[1])) {
                    p = q;
                }
            }
        }
        boolean pPresent = p != null;
        double pOnset = pPresent ? p[0] : Double.NaN;
        if (!pPresent) {
            note.append("no P wave before the QRS; ");
        }

        // T wave: the largest magnitude after the ST segment
        double tEnd = Double.NaN;
        int tFrom = offset + (int) Math.round(ST_S * fs);
        if (tFrom < len - 2 * h) {
            int tPeak = largestPeak(mag, tFrom, len - h, (int) Math.round(PEAK_HALF_WIDTH_S * fs));
            double floor = min(mag, tPeak, len);
            tEnd = tangent(mag, h, tPeak, floor, fs, false);
            if (Double.isNaN(tEnd) || tEnd >= len - 1 || tPeak >= len - h - 1) {
                tEnd = Double.NaN;
                note.append("T end beyond the median beat; ");
            }
        } else {
            note.append("no room for a T wave in the median beat; ");
        }

        double ms = 1000 / fs;
        double qrs = (offset - onset) * ms;
        double pr = pPresent ? (onset - pOnset) * ms : Double.NaN;
        double qt = (tEnd - onset) * ms;
        double bazett = qt / Math.sqrt(rrS);
        double fridericia = qt / Math.cbrt(rrS);
        String text = note.length() > 0 ? note.substring(0, note.length() - 2) : "";
        return new Intervals(beatsAveraged, rrMs, pPresent, (pOnset - r) * ms, (onset - r) * ms, (offset - r) * ms,
                (tEnd - r) * ms, pr, qrs, qt, bazett, fridericia, text, VERSION);
    }

    /**
     * The P wave in a non-negative deviation from the PR level: the largest value before {@code pEnd}, accepted when
     * at least {@link #P_MIN_MV} and rising from at most half its height (a distinct wave, not the tail of the
     * previous T); returns {onset in fractional samples, peak height} or null.
     */
    private static double[] pWave(double[] a, int pEnd, int h, double fs) {
        if (pEnd <= 2 * h) {
            return null;
        }
        int peak = argMax(a, 0, pEnd);
        if (peak <= h) {
            return null;
        }
        double floor = min(a, 0, peak);
        if (a[peak] < P_MIN_MV || a[peak] - floor < 0.5 * a[peak]) {
            return null;
        }
        double on = tangent(a, h, peak, floor, fs, true);
        return Double.isNaN(on) || on <= 0 ? null : new double[] {on, a[peak]};
    }

    private static Intervals withNote(int beats, double rrMs, String note) {
        Intervals none = Intervals.none(note, VERSION);
        return new Intervals(beats, rrMs, false, none.pOnsetMs(), none.qrsOnsetMs(), none.qrsOffsetMs(), none.tEndMs(),
                none.prMs(), none.qrsMs(), none.qtMs(), none.qtcBazettMs(), none.qtcFridericiaMs(), note, VERSION);
    }

    /**
     * Where the tangent at the steepest point of a wave's outer slope meets {@code level}, in fractional samples:
     * the rising slope before {@code peak} when {@code before}, else the falling slope after it.
     */
    private static double tangent(double[] a, int h, int peak, double level, double fs, boolean before) {
        int from = before ? h : peak;
        int to = before ? peak : a.length - h - 1;
        int best = -1;
        double bestSlope = 0;
        for (int j = Math.max(h, from); j <= to; j++) {
            double s = (a[j + h] - a[j - h]) / (2 * h);
            if (before ? s > bestSlope : s < bestSlope) {
                bestSlope = s;
                best = j;
            }
        }
        if (best < 0) {
            return Double.NaN;
        }
        double cross = best - (a[best] - level) / bestSlope;
        return before ? Math.max(cross, 0) : cross;
    }

    /**
     * The largest local maximum (at least as high as everything within {@code half} samples either side) in
     * [from, to): a magnitude still falling from a deviated ST segment at {@code from}, or still rising into the next
     * P wave at {@code to}, is not the T wave's peak. Falls back to the largest value when there is no local maximum.
     */
    private static int largestPeak(double[] a, int from, int to, int half) {
        int best = -1;
        for (int j = from; j < to; j++) {
            if (j - half < from || j + half >= to || (best >= 0 && a[j] <= a[best])) {
                continue;
            }
            boolean peak = true;
            for (int k = j - half; k <= j + half && peak; k++) {
                peak = a[k] <= a[j];
            }
            if (peak) {
                best = j;
            }
        }
        return best >= 0 ? best : argMax(a, from, to);
    }

    private static int argMax(double[] a, int from, int to) {
        int best = from;
        for (int j = from; j < to; j++) {
            if (a[j] > a[best]) {
                best = j;
            }
        }
        return best;
    }

    private static double min(double[] a, int from, int to) {
        double m = Double.POSITIVE_INFINITY;
        for (int j = from; j < to; j++) {
            m = Math.min(m, a[j]);
        }
        return m;
    }

    /** Median of the first {@code n} values; reorders them. */
    static double median(double[] v, int n) {
        Arrays.sort(v, 0, n);
        return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    }
}
