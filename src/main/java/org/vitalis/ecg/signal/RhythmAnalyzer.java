package org.vitalis.ecg.signal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.vitalis.ecg.signal.RhythmAnalysis.Flag;
import org.vitalis.ecg.signal.RhythmAnalysis.Kind;

/**
 * Rhythm flags from beat times alone.
 *
 * <ul>
 * <li>Rate: sinus bradycardia below 60 /min and sinus tachycardia above 100 /min, the limits of the AHA/ACCF/HRS
 * recommendations for the standardization and interpretation of the electrocardiogram, part II: electrocardiography
 * diagnostic statement list (Mason, Hancock, Gettes; Circulation 115:1325-1332, 2007; endorsed with the 2009 parts
 * III-VI).</li>
 * <li>Irregularly irregular rhythm: Dash, Chon, Lu, Raeder, "Automatic real time detection of atrial fibrillation",
 * Ann Biomed Eng 37(9):1701-1709, 2009. Over a window of up to 128 RR intervals, with the 1/16 longest and 1/16
 * shortest intervals trimmed as they trim 8 of 128, all three must hold: RMSSD / mean RR above 0.1, Shannon entropy
 * of the 16-bin RR histogram above 0.7 (normalised by log 16, or by log n when fewer than 16 values remain), and the turning-point ratio inside the 95 % range of a random series,
 * (2N - 4) / 3 ± 1.96 sqrt((16N - 29) / 90) (the distribution Dash et al. derive their TPR limits from). RMSSD and
 * entropy leave out ectopic beats, as Dash et al. do before judging the rhythm: premature beats and the intervals
 * after them, so bigeminy and trigeminy are not called fibrillation, and, when the caller knows the QRS shapes
 * ({@link QrsShapes}), both intervals around every beat whose shape is not the window's dominant one, since a
 * ventricular ectopic or fusion beat interrupts the atrial rhythm without telling anything about it, premature or
 * not. When the caller can see the atria ({@link AtrialActivity}), a window whose beats share a P wave is not called
 * fibrillation either. Windows overlap by three quarters; an interval belongs to an episode when at least half of the
 * windows over it are irregular, which puts an episode's edges within a quarter window of where the rhythm
 * changes rather than a whole window.</li>
 * <li>Pauses: RR intervals longer than 2 s, the reporting limit asked for in issue 5 and the usual Holter report
 * threshold (pauses over 3 s are the ones the 2018 ACC/AHA/HRS bradycardia guideline calls significant).</li>
 * <li>Premature beats: a coupling interval under 80 % of the mean of the preceding normal RR intervals (the 20 %
 * prematurity rule for ectopic beats; Malik et al., Eur Heart J 10:1060-1074, 1989) followed by an interval at least
 * 90 % of that mean, so that a beat that resets or pauses the rhythm is told apart from a sustained rise in rate; two
 * early beats in a row (a couplet) count as two premature beats.</li>
 * <li>Ventricular flutter/fibrillation: each episode the detector found ({@link VfDetector}) is flagged. It has no
 * beats, and the interval from the last beat before it to the first after it is no RR interval: the rate, pauses,
 * premature beats and irregularity are judged on the runs of beats between episodes, each on its own.</li>
 * </ul>
 */
public final class RhythmAnalyzer {
    public static final String VERSION = "vitalis-rhythm/1.2 (AHA/ACCF/HRS rate limits; Dash 2009 AF less ectopics by timing and QRS shape; 20% prematurity; "
            + "no interval across ventricular flutter/fibrillation)";

    /** Mason et al. 2007 (AHA/ACCF/HRS part II): sinus bradycardia below this rate, /min. */
    public static final double BRADYCARDIA_BPM = 60;
    /** Mason et al. 2007: sinus tachycardia above this rate, /min. */
    public static final double TACHYCARDIA_BPM = 100;
    /** Issue 5: pauses over 2 s are reported. */
    public static final double PAUSE_S = 2.0;
    /** Dash et al. 2009: window length in RR intervals. */
    static final int AF_WINDOW = 128;
    /**
     * Below this many RR intervals the irregularity statistics are not computed: the Shannon entropy of a 16-bin
     * histogram cannot exceed 0.7 with fewer than 7 trimmed values, and a 10 s ECG at 70 /min holds about 11.
     */
    static final int AF_MIN_INTERVALS = 10;
    /** Dash et al. 2009: normalised RMSSD threshold. */
    static final double AF_NRMSSD = 0.1;
    /** Dash et al. 2009: normalised Shannon entropy threshold. */
    static final double AF_SHANNON = 0.7;
    /** Dash et al. 2009: histogram bins. */
    static final int AF_BINS = 16;
    /** Two-sided 95 % normal quantile for the turning-point-ratio range. */
    static final double Z95 = 1.96;
    /** Malik et al. 1989: a beat more than 20 % early is ectopic. */
    static final double PREMATURE_FRACTION = 0.8;
    /** Following interval, as a fraction of the local mean, that marks the rhythm's return (see class comment). */
    static final double RETURN_FRACTION = 0.9;
    /** Preceding normal intervals averaged for the local mean (Hamilton-Tompkins keep eight). */
    static final int LOCAL_MEAN_INTERVALS = 8;
    /**
     * At most this many premature beats in a row (a couplet) are premature beats; three or more in a row are a run
     * of tachycardia, a different statement in the AHA/ACCF/HRS list (Mason et al. 2007).
     */
    static final int MAX_PREMATURE_RUN = 2;
    /** Fewest preceding normal intervals for a local mean worth comparing against. */
    static final int LOCAL_MEAN_MIN = 3;

    private RhythmAnalyzer() {
    }

    /**
     * @param beats     ascending sample indices of the QRS complexes
     * @param fs        sampling frequency, Hz
     * @param durationS length of the recording, seconds, for the evidence when there are too few beats
     */
    public static RhythmAnalysis analyze(int[] beats, double fs, double durationS) {
        return analyze(beats, fs, durationS, null);
    }

    /**
     * Whether atrial activity is organised over a stretch of beats: fibrillation is irregular RR intervals with no
     * distinct repeating P waves (2020 ESC atrial fibrillation guidelines, Hindricks et al., Eur Heart J 42:373-498,
     * 2021), so where the beats of an irregular window share a P wave the rhythm is sinus with ectopy, not fibrillation.
     */
    @FunctionalInterface
    public interface AtrialActivity {
        /** Whether the beats {@code beats[from..to]} (inclusive) show a repeating P wave. */
        boolean pWavesPresent(int from, int to);
    }

    /**
     * @param atrial where known, tells irregular windows with repeating P waves from fibrillation; null when the
     *               RR intervals are all there is
     */
    public static RhythmAnalysis analyze(int[] beats, double fs, double durationS, AtrialActivity atrial) {
        return analyze(beats, fs, durationS, atrial, null);
    }

    /**
     * @param atrial where known, tells irregular windows with repeating P waves from fibrillation; null when the
     *               RR intervals are all there is
     * @param shapes where known, each beat's QRS shape class ({@link QrsShapes#classify}); the intervals next to a
     *               beat unlike the window's dominant shape are left out of the irregularity statistics, since an
     *               ectopic ventricular beat says nothing about the atria; null when unknown
     */
    public static RhythmAnalysis analyze(int[] beats, double fs, double durationS, AtrialActivity atrial, int[] shapes) {
        return analyze(beats, fs, durationS, atrial, shapes, List.of());
    }

    /**
     * @param vf the ventricular flutter/fibrillation episodes found with the beats ({@link QrsDetection}); each is
     *           flagged, and the rhythm on either side of one is judged on its own: an interval across VF is no RR
     *           interval, so it counts towards no rate, pause or irregularity
     */
    public static RhythmAnalysis analyze(int[] beats, double fs, double durationS, AtrialActivity atrial, int[] shapes,
            List<VfDetector.Episode> vf) {
        if (shapes != null && shapes.length != beats.length) {
            throw new IllegalArgumentException(shapes.length + " shape classes for " + beats.length + " beats");
        }
        List<Flag> fibrillation = new ArrayList<>();
        for (VfDetector.Episode e : vf) {
            fibrillation.add(new Flag(Kind.VENTRICULAR_FIBRILLATION_OR_FLUTTER, e.start() / fs, (e.end() + 1) / fs,
                    String.format(Locale.ROOT, "fast sine-like oscillation without QRS complexes for %.0f s, dominant "
                            + "frequency %.1f Hz (%.0f /min); at its onset Kuo-Dillman VF-filter leakage %.2f < %.3f and "
                            + "Barro's spectral criteria met", e.durationS(fs), e.dominantHz(), 60 * e.dominantHz(),
                            e.leakage(), VfDetector.MAX_LEAKAGE)));
        }
        int n = beats.length;
        // runs of beats with no VF between them: [first, last] beat indices
        List<int[]> runs = new ArrayList<>();
        int runStart = 0;
        for (int i = 1; i <= n; i++) {
            if (i == n || between(vf, beats[i - 1], beats[i])) {
                runs.add(new int[] {runStart, i - 1});
                runStart = i;
            }
        }
        int intervals = 0;
        double sum = 0;
        for (int[] r : runs) {
            intervals += r[1] - r[0];
            sum += (beats[r[1]] - beats[r[0]]) / fs;
        }
        List<Flag> flags = new ArrayList<>(fibrillation);
        if (intervals < 1 || !(fs > 0)) {
            flags.add(new Flag(Kind.INSUFFICIENT_BEATS, 0, durationS, String.format(Locale.ROOT,
                    "%d beat%s in %.1f s%s: no rate or rhythm statement", n, n == 1 ? "" : "s", durationS,
                    vf.isEmpty() ? "" : " outside ventricular flutter/fibrillation")));
            return new RhythmAnalysis(n, Double.NaN, flags, VERSION);
        }
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = beats[i] / fs;
        }
        double meanRate = 60 / (sum / intervals);
        String across = vf.isEmpty() ? "" : " outside ventricular flutter/fibrillation";
        if (meanRate < BRADYCARDIA_BPM) {
            flags.add(new Flag(Kind.BRADYCARDIA, t[0], t[n - 1], String.format(Locale.ROOT,
                    "mean rate %.0f /min < %.0f /min over %d intervals%s", meanRate, BRADYCARDIA_BPM, intervals, across)));
        } else if (meanRate > TACHYCARDIA_BPM) {
            flags.add(new Flag(Kind.TACHYCARDIA, t[0], t[n - 1], String.format(Locale.ROOT,
                    "mean rate %.0f /min > %.0f /min over %d intervals%s", meanRate, TACHYCARDIA_BPM, intervals, across)));
        }
        List<Flag> irregular = new ArrayList<>();
        List<Flag> pauses = new ArrayList<>();
        List<Flag> premature = new ArrayList<>();
        for (int[] r : runs) {
            rhythm(Arrays.copyOfRange(beats, r[0], r[1] + 1), fs, offset(atrial, r[0]),
                    shapes == null ? null : Arrays.copyOfRange(shapes, r[0], r[1] + 1), irregular, pauses, premature);
        }
        flags.addAll(irregular);
        flags.addAll(pauses);
        flags.addAll(premature);
        return new RhythmAnalysis(n, meanRate, flags, VERSION);
    }

    /** Whether a VF episode lies between two beats (which are outside every episode). */
    private static boolean between(List<VfDetector.Episode> vf, int a, int b) {
        for (VfDetector.Episode e : vf) {
            if (e.start() > a && e.start() < b) {
                return true;
            }
        }
        return false;
    }

    private static AtrialActivity offset(AtrialActivity atrial, int first) {
        return atrial == null || first == 0 ? atrial : (from, to) -> atrial.pWavesPresent(first + from, first + to);
    }

    /** Irregularity, pauses and premature beats over one run of beats with no VF between them. */
    private static void rhythm(int[] beats, double fs, AtrialActivity atrial, int[] shapes, List<Flag> irregular,
            List<Flag> pauses, List<Flag> premature) {
        int n = beats.length;
        if (n < 2) {
            return;
        }
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = beats[i] / fs;
        }
        double[] rr = new double[n - 1];
        for (int i = 0; i < rr.length; i++) {
            rr[i] = t[i + 1] - t[i];
        }
        List<Flag> early = new ArrayList<>();
        boolean[] ectopic = premature(rr, t, early);
        boolean[] inAf = irregularity(rr, ectopic, shapes, t, atrial, irregular);
        for (int i = 0; i < rr.length; i++) {
            if (rr[i] > PAUSE_S) {
                pauses.add(new Flag(Kind.PAUSE, t[i], t[i + 1], String.format(Locale.ROOT, "RR %.2f s > %.1f s", rr[i], PAUSE_S)));
            }
        }
        // inside an irregularly irregular stretch "premature" has no meaning: there is no regular rhythm to be early against
        for (Flag f : early) {
            int i = Arrays.binarySearch(t, f.startS()) - 1;
            if (i < 0 || !inAf[i]) {
                premature.add(f);
            }
        }
    }

    /** Flags windows of irregularly irregular RR, merged into episodes; returns which intervals lie in one. */
    private static boolean[] irregularity(double[] rr, boolean[] ectopic, int[] shapes, double[] t, AtrialActivity atrial,
            List<Flag> flags) {
        boolean[] inAf = new boolean[rr.length];
        if (rr.length < AF_MIN_INTERVALS) {
            return inAf;
        }
        int w = Math.min(AF_WINDOW, rr.length);
        // a quarter-window hop, so an episode little longer than one window still fills a whole window
        int hop = Math.max(1, w / 4);
        int[] covering = new int[rr.length];
        int[] irregular = new int[rr.length];
        String[] evidence = new String[rr.length];
        double[] kept = new double[w];
        for (int s = 0; ; s += hop) {
            int from = Math.min(s, rr.length - w);
            // For RMSSD and entropy, premature beats and the intervals after them are left out: bigeminy and
            // trigeminy are regularly irregular, and with them in, Dash et al.'s statistics call them atrial
            // fibrillation. In fibrillation the remaining intervals stay irregular, so little sensitivity is lost.
            int m = 0;
            int dominant = shapes == null ? QrsShapes.UNKNOWN : QrsShapes.dominant(shapes, from, from + w + 1);
            for (int i = from; i < from + w; i++) {
                if (!ectopic[i] && usual(shapes, i, dominant) && usual(shapes, i + 1, dominant)) {
                    kept[m++] = rr[i];
                }
            }
            // the turning-point ratio is taken over every interval: removing the premature ones would remove the very
            // turning points that make bigeminy fail it
            Statistics st = null;
            if (m >= AF_MIN_INTERVALS) {
                Statistics k = statistics(kept, 0, m);
                Statistics all = statistics(rr, from, w);
                st = new Statistics(m, k.nRmssd(), k.shannon(), all.tpr(), all.tprLow(), all.tprHigh());
            }
            boolean af = st != null && st.suggestsAf() && (atrial == null || !atrial.pWavesPresent(from, from + w));
            for (int i = from; i < from + w; i++) {
                covering[i]++;
                if (af) {
                    irregular[i]++;
                    if (evidence[i] == null) {
                        evidence[i] = st.describe();
                    }
                }
            }
            if (from == rr.length - w) {
                break;
            }
        }
        // An interval is in an episode when at least half the windows over it are irregular. A window is a verdict on
        // its 128 intervals as a whole, so a window half in fibrillation may be irregular enough; the majority of the
        // (up to four) overlapping windows places the episode's edges to within a quarter window instead of a whole one.
        for (int i = 0; i < rr.length; i++) {
            inAf[i] = irregular[i] > 0 && 2 * irregular[i] >= covering[i];
        }
        for (int i = 0; i < rr.length; ) {
            if (!inAf[i]) {
                i++;
                continue;
            }
            int j = i;
            String first = null;
            while (j < rr.length && inAf[j]) {
                first = first == null ? evidence[j] : first;
                j++;
            }
            closeEpisode(i, j, t, first, flags);
            i = j;
        }
        return inAf;
    }

    /** Whether beat i has the dominant QRS shape, or its shape is unknown. */
    private static boolean usual(int[] shapes, int i, int dominant) {
        return shapes == null || dominant == QrsShapes.UNKNOWN || shapes[i] == QrsShapes.UNKNOWN || shapes[i] == dominant;
    }

    private static void closeEpisode(int start, int end, double[] t, String evidence, List<Flag> flags) {
        if (start >= 0) {
            flags.add(new Flag(Kind.IRREGULARLY_IRREGULAR, t[start], t[end],
                    "irregularly irregular RR suggesting atrial fibrillation (" + evidence + ")"));
        }
    }

    /** Dash et al.'s three statistics over one window. */
    record Statistics(int n, double nRmssd, double shannon, double tpr, double tprLow, double tprHigh) {
        boolean suggestsAf() {
            return nRmssd > AF_NRMSSD && shannon > AF_SHANNON && tpr >= tprLow && tpr <= tprHigh;
        }

        String describe() {
            return String.format(Locale.ROOT, "first window, %d RR once premature beats are left out: RMSSD/mean %.3f > %.1f, Shannon entropy %.2f > %.1f, "
                    + "turning-point ratio %.2f in [%.2f, %.2f]", n, nRmssd, AF_NRMSSD, shannon, AF_SHANNON, tpr, tprLow, tprHigh);
        }
    }

    static Statistics statistics(double[] rr, int from, int w) {
        int turning = 0;
        for (int i = from + 1; i < from + w - 1; i++) {
            double a = rr[i] - rr[i - 1];
            double b = rr[i + 1] - rr[i];
            if (a * b < 0) {
                turning++;
            }
        }
        double tpr = turning / (double) w;
        double mu = (2.0 * w - 4) / 3;
        double sigma = Math.sqrt((16.0 * w - 29) / 90);
        double low = (mu - Z95 * sigma) / w;
        double high = (mu + Z95 * sigma) / w;

        double[] sorted = Arrays.copyOfRange(rr, from, from + w);
        Arrays.sort(sorted);
        int trim = Math.round(w / 16f);
        // the trimmed set, in time order, for RMSSD: an ectopic beat and its pause are exactly what trimming removes
        double lo = sorted[trim];
        double hi = sorted[w - 1 - trim];
        double sum = 0;
        double ss = 0;
        int count = 0;
        int diffs = 0;
        double prev = Double.NaN;
        int kept = 0;
        for (int i = from; i < from + w; i++) {
            double v = rr[i];
            if (v < lo || v > hi || kept >= w - 2 * trim) {
                prev = Double.NaN;
                continue;
            }
            kept++;
            sum += v;
            count++;
            if (!Double.isNaN(prev)) {
                ss += (v - prev) * (v - prev);
                diffs++;
            }
            prev = v;
        }
        double mean = sum / count;
        double nRmssd = diffs > 0 ? Math.sqrt(ss / diffs) / mean : 0;

        int[] hist = new int[AF_BINS];
        double range = hi - lo;
        for (int k = trim; k < w - trim; k++) {
            int bin = range > 0 ? (int) Math.min(AF_BINS - 1, (sorted[k] - lo) / range * AF_BINS) : 0;
            hist[bin]++;
        }
        double h = 0;
        int total = w - 2 * trim;
        for (int c : hist) {
            if (c > 0) {
                double p = c / (double) total;
                h -= p * Math.log(p);
            }
        }
        // Dash et al. normalise by log 16, the most a 128-beat window can reach; fewer values than bins cannot reach
        // it, so a short window is normalised by the most it can reach, log(values)
        return new Statistics(w, nRmssd, h / Math.log(Math.min(AF_BINS, total)), tpr, low, high);
    }

    /** Flags premature beats; returns the intervals that belong to one (its coupling interval and the one after). */
    static boolean[] premature(double[] rr, double[] t, List<Flag> flags) {
        boolean[] ectopic = new boolean[rr.length];
        double[] recent = new double[LOCAL_MEAN_INTERVALS];
        int have = 0;
        int next = 0;
        for (int i = 0; i < rr.length; i++) {
            double mean = 0;
            for (int k = 0; k < have; k++) {
                mean += recent[k];
            }
            mean = have > 0 ? mean / have : Double.NaN;
            int run = 0;
            if (have >= LOCAL_MEAN_MIN) {
                while (i + run < rr.length && rr[i + run] < PREMATURE_FRACTION * mean) {
                    run++;
                }
            }
            if (run > MAX_PREMATURE_RUN) {
                // a run of three or more, or a new faster rate: no premature beats, and the local mean follows
                for (int k = i; k < i + run; k++) {
                    recent[next] = rr[k];
                    next = (next + 1) % LOCAL_MEAN_INTERVALS;
                    have = Math.min(have + 1, LOCAL_MEAN_INTERVALS);
                }
                i += run - 1;
                continue;
            }
            if (run > 0 && i + run < rr.length && rr[i + run] >= RETURN_FRACTION * mean) {
                for (int k = 0; k < run; k++) {
                    flags.add(new Flag(Kind.PREMATURE_BEAT, t[i + k + 1], t[i + k + 1], String.format(Locale.ROOT,
                            "%scoupling %.0f ms = %.0f%% of local mean %.0f ms, RR after the %s %.0f ms",
                            run > 1 ? "couplet, " : "", 1000 * rr[i + k], 100 * rr[i + k] / mean, 1000 * mean,
                            run > 1 ? "couplet" : "beat", 1000 * rr[i + run])));
                }
                // neither the early intervals nor the pause after them describe the underlying rhythm
                Arrays.fill(ectopic, i, i + run + 1, true);
                i += run;
                continue;
            }
            // an early interval that is not followed by a return is a change of rate, and the local mean follows it
            recent[next] = rr[i];
            next = (next + 1) % LOCAL_MEAN_INTERVALS;
            have = Math.min(have + 1, LOCAL_MEAN_INTERVALS);
        }
        return ectopic;
    }
}
