package org.vitalis.ecg.signal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds ventricular flutter and fibrillation (VF): stretches where the ECG is a fast, sine-like oscillation with no
 * QRS complexes in it. A QRS detector would otherwise count each flutter wave as a beat, and the rhythm would read as
 * a tachycardia instead of the emergency it is.
 *
 * <p>Two established detectors, as Amann, Tratnig and Unterkofler describe and compare them ("Reliability of old and
 * new ventricular fibrillation detection algorithms for automated external defibrillators", BioMed Eng OnLine 4:60,
 * 2005), on 4 s windows taken every second:
 * <ul>
 * <li>The VF filter of Kuo and Dillman ("Computer detection of ventricular fibrillation", Computers in Cardiology
 * 1978:347-349): the window's mean half period N is estimated as {@code round(pi sum|x| / sum|x_i - x_{i-1}|)}, and
 * the leakage {@code sum|x_i + x_{i-N}| / sum(|x_i| + |x_{i-N}|)} measures how much of the signal survives a notch
 * at that frequency. A sinusoid leaks nothing; QRS complexes, with their harmonics and isoelectric stretches, and
 * broadband noise leak a lot. VF when the leakage is below {@link #MAX_LEAKAGE}.</li>
 * <li>The spectral algorithm of Barro, Ruiz, Cabello and Mira ("Algorithmic sequential decision-making in the
 * frequency domain for life threatening ventricular arrhythmias and imitative artefacts: a diagnostic system",
 * J Biomed Eng 11:320-328, 1989): in the Hamming-windowed amplitude spectrum, with amplitudes under 5 % of the peak
 * set to zero, the peak Omega is sought between 0.5 and 9 Hz; VF has a first spectral moment normalised by Omega of
 * at most 1.55, under 0.19 of the amplitude between 0.5 Hz and Omega/2, at least 0.45 between 0.7 and 1.4 Omega
 * (sums up to 20 Omega or 100 Hz). A QRS rhythm spreads its amplitude over many harmonics; VF concentrates it near
 * one frequency; muscle noise puts it far above. Barro's fourth test, at most 0.09 of the amplitude around the 2nd
 * to 8th harmonics, is left out: it is there to tell ventricular tachycardia, a regular wave train, from
 * fibrillation, and ventricular flutter is a regular wave train too, which this detector is meant to find.</li>
 * </ul>
 * Amann et al. found each of the two, at these published thresholds, among the most specific of the detectors they
 * compared, at a modest sensitivity: the trade wanted for an alarm that must not cry wolf.
 *
 * <p>The spectral peak must also be at least {@link #MIN_DOMINANT_HZ} (150 /min, the lower end of the rates at which
 * ventricular flutter is described, 150-300 /min), so that slower sine-like rhythms and artefacts are not called VF.
 * The signal is first prepared as Amann et al. prepare it for every detector they compare: a moving average, a 1 Hz
 * high-pass to suppress drift and a 30 Hz Butterworth low-pass (here at about 100 Hz after the moving average, so
 * that the work per window does not grow with the sampling rate).
 *
 * <p>Persistence and hysteresis, as an alarm needs them: an episode starts with {@link #PERSIST} windows in a row
 * on which both detectors say VF and whose oscillation fills the window (neither half holds more than
 * {@link #MAX_HALF_SHARE} of its amplitude: a burst shorter than the window is artefact, or too short to judge).
 * Once started, it lasts while a fast oscillation dominates the spectrum (the peak at or above
 * {@link #MIN_DOMINANT_HZ} with Barro's concentration test met), and ends after {@link #PERSIST} windows in a row
 * without one: VF changes amplitude and shape from second to second and picks up noise, so demanding the full onset
 * evidence in every window would chop an episode into pieces, while an organised rhythm's QRS complexes spread the
 * spectrum and end it. Each window speaks for the second at its centre, so an episode's edges fall within about a
 * second of where the rhythm changes. None of these numbers was fitted to a test database.
 */
public final class VfDetector {
    public static final String VERSION = "vitalis-vf/1.0 (Kuo-Dillman 1978 VF filter and Barro 1989 spectrum on onset, "
            + "spectral concentration to sustain; 4 s windows, 3 in a row)";

    /** Analysis window, seconds: a dozen flutter waves, and a 0.25 Hz spectral resolution. */
    static final double WINDOW_S = 4;
    /** Step between windows, seconds. */
    static final double HOP_S = 1;
    /** Windows in a row that start an episode, and windows in a row without VF that end one. */
    static final int PERSIST = 3;
    /** Kuo-Dillman VF filter: VF when the leakage is below this (Amann et al. 2005). */
    static final double MAX_LEAKAGE = 0.406;
    /** Barro et al. 1989: range searched for the spectral peak, hertz. */
    static final double PEAK_LOW_HZ = 0.5;
    static final double PEAK_HIGH_HZ = 9;
    /** Barro: amplitudes below this fraction of the peak's are set to zero. */
    static final double FLOOR = 0.05;
    /** Barro: highest frequency summed, as a multiple of the peak frequency, and in hertz. */
    static final double TOP_HARMONIC = 20;
    static final double TOP_HZ = 100;
    /** Barro: normalised first spectral moment at most this. */
    static final double MAX_MOMENT = 1.55;
    /** Barro: share of amplitude from 0.5 Hz to half the peak frequency below this. */
    static final double MAX_A1 = 0.19;
    /** Barro: share of amplitude from 0.7 to 1.4 times the peak frequency at least this. */
    static final double MIN_A2 = 0.45;
    /** Lowest dominant frequency called VF, hertz: 150 /min, where the rates of ventricular flutter begin. */
    static final double MIN_DOMINANT_HZ = 2.5;
    /** Most of a window's amplitude (sum of |x|) one half may hold for the oscillation to fill the window. */
    static final double MAX_HALF_SHARE = 0.75;
    /** Amann et al.'s preprocessing: drift suppression and low-pass cut-offs, hertz. */
    static final double HIGH_PASS_HZ = 1;
    static final double LOW_PASS_HZ = 30;
    /** The signal is averaged down to at least this rate, hertz, before the windows are analysed. */
    static final double ANALYSIS_HZ = 100;

    /**
     * One stretch of VF.
     *
     * @param start      first sample, inclusive
     * @param end        last sample, inclusive
     * @param dominantHz median over its windows of the spectral peak, hertz
     * @param leakage    median over its onset windows of the Kuo-Dillman leakage
     */
    public record Episode(int start, int end, double dominantHz, double leakage) {
        public Episode {
            if (end < start) {
                throw new IllegalArgumentException("VF episode ends at " + end + " before it starts at " + start);
            }
        }

        /** Whether sample {@code t} lies in the episode. */
        public boolean contains(long t) {
            return t >= start && t <= end;
        }

        public double durationS(double fs) {
            return (end - start + 1) / fs;
        }
    }

    /**
     * The features of one window; the spectral ones are NaN where they were not needed.
     *
     * @param halfShare the first half's share of the window's sum of |x|
     */
    record Window(double leakage, double halfShare, double dominantHz, double moment, double a1, double a2) {
        boolean filterSaysVf() {
            return leakage < MAX_LEAKAGE;
        }

        /** A fast oscillation dominates: Barro's concentration test at a flutter or fibrillation rate. */
        boolean fastOscillation() {
            return dominantHz >= MIN_DOMINANT_HZ && a2 >= MIN_A2;
        }

        boolean spectrumSaysVf() {
            return fastOscillation() && moment <= MAX_MOMENT && a1 < MAX_A1;
        }

        boolean fillsWindow() {
            return halfShare >= 1 - MAX_HALF_SHARE && halfShare <= MAX_HALF_SHARE;
        }

        /** Evidence enough to start an episode. */
        boolean onset() {
            return filterSaysVf() && fillsWindow() && spectrumSaysVf();
        }
    }

    private final double fs;
    private final int decimation;
    private final double rate;
    private final int window;
    private final int hop;
    private final int fftSize;
    private final double[] hamming;
    private final double[] re;
    private final double[] im;
    private final double[] cos;
    private final double[] sin;
    private final double[] amplitude;

    /** @param fs sampling frequency, Hz, above 61 (twice the 30 Hz low-pass, and a sample) */
    public VfDetector(double fs) {
        if (!(fs >= 2 * LOW_PASS_HZ + 1) || Double.isInfinite(fs)) {
            throw new IllegalArgumentException("sampling frequency must be above " + 2 * LOW_PASS_HZ + " Hz, not " + fs);
        }
        this.fs = fs;
        decimation = Math.max(1, (int) Math.floor(fs / ANALYSIS_HZ));
        rate = fs / decimation;
        window = (int) Math.round(WINDOW_S * rate);
        hop = (int) Math.round(HOP_S * rate);
        fftSize = Integer.highestOneBit(window - 1) << 1;
        hamming = new double[window];
        for (int i = 0; i < window; i++) {
            hamming[i] = 0.54 - 0.46 * Math.cos(2 * Math.PI * i / (window - 1));
        }
        re = new double[fftSize];
        im = new double[fftSize];
        cos = new double[fftSize / 2];
        sin = new double[fftSize / 2];
        amplitude = new double[fftSize / 2 + 1];
        for (int k = 0; k < fftSize / 2; k++) {
            cos[k] = Math.cos(2 * Math.PI * k / fftSize);
            sin[k] = -Math.sin(2 * Math.PI * k / fftSize);
        }
    }

    /** The VF episodes in one lead (any units: every feature is a ratio), ascending. */
    public List<Episode> detect(double[] ecg) {
        double[] x = prepare(ecg);
        int windows = x.length >= window ? (x.length - window) / hop + 1 : 0;
        List<Episode> out = new ArrayList<>();
        int run = 0;
        for (int w = 0; w < windows; w++) {
            run = features(x, w * hop, false).onset() ? run + 1 : 0;
            if (run == PERSIST) {
                int first = w - PERSIST + 1;
                w = sustain(x, first, windows, ecg.length, out);
                run = 0;
            }
        }
        return out;
    }

    /**
     * Follows an episode from its first onset window while a fast oscillation dominates; adds it to {@code out} and
     * returns the last window looked at.
     */
    private int sustain(double[] x, int first, int windows, int length, List<Episode> out) {
        List<Double> hz = new ArrayList<>();
        List<Double> leak = new ArrayList<>();
        int last = first;
        int quiet = 0;
        int w = first;
        for (; w < windows && quiet < PERSIST; w++) {
            Window f = features(x, w * hop, true);
            if (w < first + PERSIST) {
                leak.add(f.leakage());
            }
            if (f.fastOscillation()) {
                hz.add(f.dominantHz());
                last = w;
                quiet = 0;
            } else {
                quiet++;
            }
        }
        // each window speaks for the hop at its centre; the first and last windows also for the record's edges
        double centre = (window - hop) / 2.0;
        int start = first == 0 ? 0 : (int) Math.round((first * hop + centre) * decimation);
        int end = last == windows - 1 ? length - 1
                : Math.min(length - 1, (int) Math.round(((last + 1) * hop + centre) * decimation) - 1);
        out.add(new Episode(start, end, median(hz), median(leak)));
        return w - 1;
    }

    /** Moving average down to about 100 Hz, then 1 Hz high-pass and 30 Hz low-pass (Amann et al. 2005). */
    double[] prepare(double[] ecg) {
        int m = ecg.length / decimation;
        double[] x = new double[m];
        for (int k = 0, i = 0; k < m; k++) {
            double s = 0;
            for (int j = 0; j < decimation; j++) {
                s += ecg[i++];
            }
            x[k] = s / decimation;
        }
        if (m > 0) {
            Biquad.highPass(HIGH_PASS_HZ, rate).filter(x, x);
            Biquad.lowPass(LOW_PASS_HZ, rate).filter(x, x);
        }
        return x;
    }

    /**
     * The window's features. Unless {@code spectrum} asks for it, the spectrum is computed only where the VF filter
     * already says VF and the oscillation fills the window, which keeps a normal rhythm at a few operations per sample.
     */
    Window features(double[] x, int from, boolean spectrum) {
        double mean = 0;
        for (int i = from; i < from + window; i++) {
            mean += x[i];
        }
        mean /= window;
        double sumAbs = 0;
        double firstHalf = 0;
        double sumDiff = 0;
        double prev = x[from] - mean;
        for (int i = from; i < from + window; i++) {
            double v = x[i] - mean;
            sumAbs += Math.abs(v);
            sumDiff += Math.abs(v - prev);
            prev = v;
            if (i - from == window / 2 - 1) {
                firstHalf = sumAbs;
            }
        }
        double half = sumAbs > 0 ? firstHalf / sumAbs : Double.NaN;
        double leakage = leakage(x, from, mean, sumAbs, sumDiff);
        Window time = new Window(leakage, half, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        if (!spectrum && !(time.filterSaysVf() && time.fillsWindow()) || !(sumAbs > 0)) {
            return time;
        }
        return spectrum(x, from, mean, leakage, half);
    }

    /** Kuo and Dillman's leakage through a notch at the window's mean frequency; 1 when there is nothing to notch. */
    private double leakage(double[] x, int from, double mean, double sumAbs, double sumDiff) {
        if (!(sumDiff > 0)) {
            return 1;
        }
        int n = (int) Math.floor(Math.PI * sumAbs / sumDiff + 0.5);
        if (n < 1 || n >= window / 2) {
            return 1;
        }
        double num = 0;
        double den = 0;
        for (int i = from + n; i < from + window; i++) {
            double a = x[i] - mean;
            double b = x[i - n] - mean;
            num += Math.abs(a + b);
            den += Math.abs(a) + Math.abs(b);
        }
        return den > 0 ? num / den : 1;
    }

    private Window spectrum(double[] x, int from, double mean, double leakage, double half) {
        Arrays.fill(re, 0);
        Arrays.fill(im, 0);
        for (int i = 0; i < window; i++) {
            re[i] = (x[from + i] - mean) * hamming[i];
        }
        fft();
        int bins = fftSize / 2 + 1;
        double df = rate / fftSize;
        double[] a = amplitude;
        for (int k = 0; k < bins; k++) {
            a[k] = Math.hypot(re[k], im[k]);
        }
        int lo = (int) Math.ceil(PEAK_LOW_HZ / df);
        int hi = Math.min(bins - 1, (int) Math.floor(PEAK_HIGH_HZ / df));
        int peak = lo;
        for (int k = lo; k <= hi; k++) {
            if (a[k] > a[peak]) {
                peak = k;
            }
        }
        // the peak between bins, by a parabola through the three around it: the bins are 0.25 Hz apart, and the
        // bands of the tests scale with the peak frequency
        double curvature = a[peak - 1] - 2 * a[peak] + a[peak + 1];
        double offset = curvature < 0 ? 0.5 * (a[peak - 1] - a[peak + 1]) / curvature : 0;
        double omega = (peak + offset) * df;
        if (!(a[peak] > 0)) {
            return new Window(leakage, half, omega, Double.NaN, Double.NaN, Double.NaN);
        }
        double floor = FLOOR * a[peak];
        int top = Math.min(bins - 1, (int) Math.floor(Math.min(TOP_HARMONIC * omega, TOP_HZ) / df));
        double all = 0;
        double total = 0;
        double moment = 0;
        double a1 = 0;
        double a2 = 0;
        for (int k = 1; k <= top; k++) {
            double v = a[k] < floor ? 0 : a[k];
            double f = k * df;
            all += v;
            moment += v * f;
            if (f < PEAK_LOW_HZ) {
                continue;
            }
            total += v;
            if (f <= omega / 2) {
                a1 += v;
            }
            if (f >= 0.7 * omega && f <= 1.4 * omega) {
                a2 += v;
            }
        }
        return new Window(leakage, half, omega, moment / all / omega, a1 / total, a2 / total);
    }

    /** In-place iterative radix-2 FFT of re + i im. */
    private void fft() {
        int n = fftSize;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            int step = n / len;
            for (int i = 0; i < n; i += len) {
                for (int k = 0; k < len / 2; k++) {
                    double wr = cos[k * step];
                    double wi = sin[k * step];
                    int p = i + k;
                    int q = p + len / 2;
                    double tr = re[q] * wr - im[q] * wi;
                    double ti = re[q] * wi + im[q] * wr;
                    re[q] = re[p] - tr;
                    im[q] = im[p] - ti;
                    re[p] += tr;
                    im[p] += ti;
                }
            }
        }
    }

    private static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (a.length == 0) {
            return Double.NaN;
        }
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    public double samplingFrequency() {
        return fs;
    }
}
