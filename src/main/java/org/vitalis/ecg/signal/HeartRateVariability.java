package org.vitalis.ecg.signal;

/**
 * RR intervals, heart rate and time-domain heart rate variability as defined by the Task Force of the ESC and
 * NASPE (Circulation 93(5):1043-1065, 1996): SDNN, RMSSD and pNN50.
 */
public final class HeartRateVariability {
    public static final String VERSION = "vitalis-hrv/1.0 (Task Force 1996 time domain)";
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
     * Summarises an RR series. Ectopic beats are not removed here: pass normal-to-normal intervals for strict NN
     * statistics.
     *
     * @throws IllegalArgumentException with fewer than two intervals or a non-positive interval
     */
    public static Result of(double[] rr) {
        if (rr.length < 2) {
            throw new IllegalArgumentException("HRV needs at least two RR intervals, got " + rr.length);
        }
        double sum = 0;
        for (double v : rr) {
            if (!(v > 0)) {
                throw new IllegalArgumentException("RR intervals must be positive: " + v);
            }
            sum += v;
        }
        double mean = sum / rr.length;
        double ss = 0;
        for (double v : rr) {
            ss += (v - mean) * (v - mean);
        }
        double sdnn = Math.sqrt(ss / (rr.length - 1));
        double sd2 = 0;
        int nn50 = 0;
        for (int i = 1; i < rr.length; i++) {
            double d = rr[i] - rr[i - 1];
            sd2 += d * d;
            if (Math.abs(d) > NN50_S) {
                nn50++;
            }
        }
        double rmssd = Math.sqrt(sd2 / (rr.length - 1));
        return new Result(rr.length, mean, 60 / mean, sdnn, rmssd, nn50 / (double) (rr.length - 1), VERSION);
    }
}
