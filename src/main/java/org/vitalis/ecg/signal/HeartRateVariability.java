package org.vitalis.ecg.signal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * RR intervals, heart rate and time-domain heart rate variability as defined by the Task Force of the ESC and
 * NASPE (Circulation 93(5):1043-1065, 1996): SDNN, RMSSD and pNN50.
 */
public final class HeartRateVariability {
    public static final String VERSION = "vitalis-hrv/1.1 (Task Force 1996 time domain; no interval across VF)";
    /** pNN50 threshold, seconds (Task Force 1996). */
    static final double NN50_S = 0.050;

    private HeartRateVariability() {
    }

    /**
     * Time-domain summary of an RR series.
     *
     * @param intervals    RR intervals used
     * @param meanRr       seconds
     * @param heartRate    mean heart rate, beats per minute (60 / mean RR)
     * @param sdnn         standard deviation of RR, seconds (sample standard deviation, n - 1)
     * @param rmssd        root mean square of successive differences, seconds
     * @param pnn50        fraction (0..1) of successive differences larger than 50 ms
     * @param algorithmVersion identifies this computation
     */
    public record Result(int intervals, double meanRr, double heartRate, double sdnn, double rmssd, double pnn50,
            String algorithmVersion) {
    }

    /** RR intervals in seconds between consecutive beats given as ascending sample indices. */
    public static double[] rrIntervals(int[] beats, double fs) {
        if (beats.length < 2) {
            return new double[0];
        }
        double[] rr = new double[beats.length - 1];
        for (int i = 1; i < beats.length; i++) {
            if (beats[i] <= beats[i - 1]) {
                throw new IllegalArgumentException("beats must be strictly ascending at index " + i);
            }
            rr[i - 1] = (beats[i] - beats[i - 1]) / fs;
        }
        return rr;
    }

    /** Instantaneous heart rate, beats per minute, for each RR interval. */
    public static double[] heartRate(double[] rr) {
        double[] hr = new double[rr.length];
        for (int i = 0; i < rr.length; i++) {
            hr[i] = 60 / rr[i];
        }
        return hr;
    }

    /**
     * RR intervals in seconds, one array per run of beats with no ventricular flutter/fibrillation between them: the
     * interval across an episode is no RR interval.
     */
    public static double[][] rrIntervals(int[] beats, double fs, List<VfDetector.Episode> vf) {
        List<double[]> runs = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= beats.length; i++) {
            if (i == beats.length || across(vf, beats[i - 1], beats[i])) {
                runs.add(rrIntervals(Arrays.copyOfRange(beats, from, i), fs));
                from = i;
            }
        }
        return runs.toArray(double[][]::new);
    }

    private static boolean across(List<VfDetector.Episode> vf, int a, int b) {
        for (VfDetector.Episode e : vf) {
            if (e.end() >= a && e.start() <= b) {
                return true;
            }
        }
        return false;
    }

    /** Total number of intervals over the runs. */
    public static int count(double[][] runs) {
        int n = 0;
        for (double[] r : runs) {
            n += r.length;
        }
        return n;
    }

    /**
     * Summarises an RR series. Ectopic beats are not removed here: pass normal-to-normal intervals for strict NN
     * statistics.
     *
     * @throws IllegalArgumentException with fewer than two intervals or a non-positive interval
     */
    public static Result of(double[] rr) {
        return of(new double[][] {rr});
    }

    /**
     * Summarises RR intervals given as separate runs (the stretches between ventricular flutter/fibrillation
     * episodes): mean and SDNN over every interval, successive differences (RMSSD, pNN50) only within a run, so no
     * difference spans a gap. With no run of two intervals RMSSD and pNN50 are NaN.
     *
     * @throws IllegalArgumentException with fewer than two intervals in all or a non-positive interval
     */
    public static Result of(double[][] runs) {
        int n = count(runs);
        if (n < 2) {
            throw new IllegalArgumentException("HRV needs at least two RR intervals, got " + n);
        }
        double sum = 0;
        for (double[] rr : runs) {
            for (double v : rr) {
                if (!(v > 0)) {
                    throw new IllegalArgumentException("RR intervals must be positive: " + v);
                }
                sum += v;
            }
        }
        double mean = sum / n;
        double ss = 0;
        double sd2 = 0;
        int diffs = 0;
        int nn50 = 0;
        for (double[] rr : runs) {
            for (int i = 0; i < rr.length; i++) {
                ss += (rr[i] - mean) * (rr[i] - mean);
                if (i > 0) {
                    double d = rr[i] - rr[i - 1];
                    sd2 += d * d;
                    diffs++;
                    if (Math.abs(d) > NN50_S) {
                        nn50++;
                    }
                }
            }
        }
        double sdnn = Math.sqrt(ss / (n - 1));
        double rmssd = diffs > 0 ? Math.sqrt(sd2 / diffs) : Double.NaN;
        double pnn50 = diffs > 0 ? nn50 / (double) diffs : Double.NaN;
        return new Result(n, mean, 60 / mean, sdnn, rmssd, pnn50, VERSION);
    }
}
