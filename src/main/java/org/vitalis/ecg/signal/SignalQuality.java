package org.vitalis.ecg.signal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Per-lead signal quality checks on consecutive one-second windows, merged into time ranges. Never throws on strange
 * input: empty, constant, NaN-filled or very short leads give flags, not exceptions.
 */
public final class SignalQuality {
    public static final String VERSION = "vitalis-quality/1.0 (rail/flat/clip/HF-ratio, 1 s windows)";

    /** Window length, s: one beat at 60 /min, so a QRS-band power is present in most windows. */
    static final double WINDOW_S = 1.0;
    /**
     * Flat-line threshold, mV standard deviation: 10 µV, about the noise floor a diagnostic ECG amplifier is allowed
     * (IEC 60601-2-25 allows 30 µV peak-to-valley, roughly 5-10 µV rms), so a lead below it carries no cardiac signal.
     */
    static final double FLAT_STD_MV = 0.010;
    /** A flat stretch is reported when it lasts this long, s: longer than the 2 s pause a real asystole would flag. */
    static final double FLAT_MIN_S = 2.0;
    /** Constant or rail-pinned for this long means leads off, s (shorter runs at a rail are clipping). */
    static final double LEADS_OFF_MIN_S = 1.0;
    /** Consecutive samples at a rail that make a clip, not a coincidence. */
    static final int CLIP_RUN = 3;
    /** QRS energy band, Hz (Thakor, Webster, Tompkins, IEEE TBME 31:702-706, 1984). */
    static final double QRS_LOW_HZ = 5;
    static final double QRS_HIGH_HZ = 15;
    /** Noise band lower edge, Hz: above the 40 Hz limit where little QRS energy remains (Thakor et al. 1984). */
    static final double NOISE_HZ = 40;
    /**
     * Noise when the power above 40 Hz is at least half that of the 5-15 Hz QRS band. A clean ECG has a few per cent
     * there (Thakor et al. 1984: QRS power falls by about 20 dB from 10 to 40 Hz); muscle noise that reaches half the
     * QRS-band power hides Q waves and the J point, which is what the measurement needs.
     */
    static final double NOISE_RATIO = 0.5;

    private SignalQuality() {
    }

    /** Checks a lead without known ADC rails (saturation then is not checked). */
    public static LeadQuality assess(String label, double[] x, double fs) {
        return assess(label, x, fs, Double.NaN, Double.NaN);
    }

    /**
     * @param railLowMv  the lowest value the ADC can give, in mV (its minimum digital value through the gain); NaN if unknown
     * @param railHighMv the highest, in mV; NaN if unknown
     */
    public static LeadQuality assess(String label, double[] x, double fs, double railLowMv, double railHighMv) {
        List<LeadQuality.Problem> out = new ArrayList<>();
        int n = x == null ? 0 : x.length;
        if (n == 0 || !(fs > 0) || Double.isInfinite(fs)) {
            out.add(new LeadQuality.Problem(LeadQuality.Kind.LEADS_OFF, 0, 0, "no samples"));
            return new LeadQuality(label, out, 0, Double.NaN, VERSION);
        }
        int w = Math.max(1, (int) Math.round(WINDOW_S * fs));
        int windows = (n + w - 1) / w;
        boolean[][] bad = new boolean[LeadQuality.Kind.values().length][windows];
        double[] clean = new double[n];
        double last = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isFinite(x[i])) {
                last = x[i];
            } else {
                bad[LeadQuality.Kind.INVALID_SAMPLES.ordinal()][i / w] = true;
            }
            // hold the last good value so the filters below see no NaN
            clean[i] = last;
        }
        boolean rails = Double.isFinite(railLowMv) && Double.isFinite(railHighMv) && railHighMv > railLowMv;
        // half a quantum of a 16-bit converter across the range: a sample this close is at the rail
        double railTol = rails ? (railHighMv - railLowMv) / 131072 : 0;
        int constRun = 1;
        int railRun = 0;
        int leadsOffRun = Math.max(1, (int) Math.round(LEADS_OFF_MIN_S * fs));
        for (int i = 0; i < n; i++) {
            boolean atRail = rails && (clean[i] <= railLowMv + railTol || clean[i] >= railHighMv - railTol);
            railRun = atRail ? railRun + 1 : 0;
            constRun = i > 0 && clean[i] == clean[i - 1] ? constRun + 1 : 1;
            if (railRun >= CLIP_RUN) {
                markBack(bad[LeadQuality.Kind.SATURATION.ordinal()], i, Math.min(railRun, CLIP_RUN), w);
            }
            if (railRun == leadsOffRun || constRun == leadsOffRun) {
                markBack(bad[LeadQuality.Kind.LEADS_OFF.ordinal()], i, leadsOffRun, w);
            } else if (railRun > leadsOffRun || constRun > leadsOffRun) {
                bad[LeadQuality.Kind.LEADS_OFF.ordinal()][i / w] = true;
            }
        }
        // a clip inside a leads-off stretch is not a separate finding
        for (int k = 0; k < windows; k++) {
            if (bad[LeadQuality.Kind.LEADS_OFF.ordinal()][k]) {
                bad[LeadQuality.Kind.SATURATION.ordinal()][k] = false;
            }
        }

        int flatWindows = Math.max(1, (int) Math.ceil(FLAT_MIN_S / WINDOW_S));
        boolean[] flat = new boolean[windows];
        for (int k = 0; k < windows; k++) {
            int from = k * w;
            int to = Math.min(n, from + w);
            double mean = 0;
            for (int i = from; i < to; i++) {
                mean += clean[i];
            }
            mean /= to - from;
            double ss = 0;
            for (int i = from; i < to; i++) {
                ss += (clean[i] - mean) * (clean[i] - mean);
            }
            flat[k] = Math.sqrt(ss / (to - from)) < FLAT_STD_MV && !bad[LeadQuality.Kind.LEADS_OFF.ordinal()][k];
        }
        for (int k = 0; k < windows; ) {
            int e = k;
            while (e < windows && flat[e]) {
                e++;
            }
            if (e - k >= flatWindows || (e - k > 0 && e - k == windows)) {
                for (int j = k; j < e; j++) {
                    bad[LeadQuality.Kind.FLAT_LINE.ordinal()][j] = true;
                }
            }
            k = e == k ? k + 1 : e;
        }

        double ratio = Double.NaN;
        if (fs > 2 * NOISE_HZ + 1 && n >= 3) {
            double[] qrs = new double[n];
            Biquad.highPass(QRS_LOW_HZ, fs).filter(clean, qrs);
            Biquad.lowPass(QRS_HIGH_HZ, fs).filter(qrs, qrs);
            double[] hf = new double[n];
            Biquad hp = Biquad.highPass(NOISE_HZ, fs);
            hp.filter(clean, hf);
            hp.filter(hf, hf);
            double totalQ = 0;
            double totalH = 0;
            for (int k = 0; k < windows; k++) {
                double pq = 0;
                double ph = 0;
                for (int i = k * w; i < Math.min(n, (k + 1) * w); i++) {
                    pq += qrs[i] * qrs[i];
                    ph += hf[i] * hf[i];
                }
                totalQ += pq;
                totalH += ph;
                boolean quiet = bad[LeadQuality.Kind.LEADS_OFF.ordinal()][k] || bad[LeadQuality.Kind.FLAT_LINE.ordinal()][k];
                if (!quiet && ph >= NOISE_RATIO * pq && ph > 0) {
                    bad[LeadQuality.Kind.NOISE.ordinal()][k] = true;
                }
            }
            ratio = totalQ > 0 ? totalH / totalQ : Double.NaN;
        }

        int badWindows = 0;
        for (int k = 0; k < windows; k++) {
            boolean any = false;
            for (boolean[] b : bad) {
                any |= b[k];
            }
            if (any) {
                badWindows++;
            }
        }
        double seconds = n / fs;
        for (LeadQuality.Kind kind : LeadQuality.Kind.values()) {
            boolean[] b = bad[kind.ordinal()];
            for (int k = 0; k < windows; ) {
                if (!b[k]) {
                    k++;
                    continue;
                }
                int e = k;
                while (e < windows && b[e]) {
                    e++;
                }
                out.add(new LeadQuality.Problem(kind, k * w / fs, Math.min(seconds, e * w / fs), evidence(kind, railLowMv, railHighMv)));
                k = e;
            }
        }
        out.sort((a, b) -> Double.compare(a.startS(), b.startS()));
        return new LeadQuality(label, out, 1 - badWindows / (double) windows, ratio, VERSION);
    }

    private static void markBack(boolean[] b, int i, int count, int w) {
        for (int j = i - count + 1; j <= i; j++) {
            b[j / w] = true;
        }
    }

    private static String evidence(LeadQuality.Kind kind, double lo, double hi) {
        return switch (kind) {
            case INVALID_SAMPLES -> "NaN or infinite samples";
            case LEADS_OFF -> String.format(Locale.ROOT, "constant or at a rail for %.0f s or more", LEADS_OFF_MIN_S);
            case FLAT_LINE -> String.format(Locale.ROOT, "standard deviation < %.0f µV for %.0f s or more", 1000 * FLAT_STD_MV, FLAT_MIN_S);
            case SATURATION -> String.format(Locale.ROOT, "%d or more samples in a row at the ADC range %.3f..%.3f mV", CLIP_RUN, lo, hi);
            case NOISE -> String.format(Locale.ROOT, "power above %.0f Hz ≥ %.0f%% of the %.0f-%.0f Hz QRS band", NOISE_HZ,
                    100 * NOISE_RATIO, QRS_LOW_HZ, QRS_HIGH_HZ);
        };
    }
}
