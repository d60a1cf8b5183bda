package org.vitalis.ecg.signal;

/**
 * ECG with exactly known wave boundaries: piecewise-linear P, QRS and T waves whose outer limbs are straight lines, so
 * a threshold on the slope finds the QRS corners and the tangent method finds P onset and T end exactly where they
 * are. Times are in seconds; every lead is the same beat scaled by its own gain (sign included).
 */
final class SyntheticBeats {
    /** QRS onset sits this long before the R peak. */
    static final double R_AFTER_ONSET = 0.045;

    final double[][] leads;
    final int[] rPeaks;

    private SyntheticBeats(double[][] leads, int[] rPeaks) {
        this.leads = leads;
        this.rPeaks = rPeaks;
    }

    /**
     * @param rr     RR intervals, s (the first beat is at 0.6 s)
     * @param pr     P onset to QRS onset, s (0 for no P wave)
     * @param qrs    QRS duration, s (at least 0.05)
     * @param qt     QRS onset to T end, s
     * @param gains  one per lead
     */
    static SyntheticBeats generate(double fs, double seconds, double[] rr, double pr, double qrs, double qt, double[] gains) {
        int n = (int) Math.round(seconds * fs);
        double[] beat = new double[n];
        int[] peaks = new int[rr.length + 1];
        int count = 0;
        double r = 0.6;
        for (int k = 0; r < seconds - 0.7 && k <= rr.length; k++) {
            peaks[count++] = (int) Math.round(r * fs);
            double on = r - R_AFTER_ONSET;
            for (int i = Math.max(0, (int) ((on - 0.4) * fs)); i < Math.min(n, (int) ((on + qt + 0.05) * fs)); i++) {
                beat[i] += shape(i / fs - on, pr, qrs, qt);
            }
            if (k < rr.length) {
                r += rr[k];
            } else {
                break;
            }
        }
        double[][] leads = new double[gains.length][n];
        for (int l = 0; l < gains.length; l++) {
            for (int i = 0; i < n; i++) {
                leads[l][i] = gains[l] * beat[i];
            }
        }
        return new SyntheticBeats(leads, java.util.Arrays.copyOf(peaks, count));
    }

    /** The beat at time u from QRS onset, mV. */
    static double shape(double u, double pr, double qrs, double qt) {
        if (pr > 0 && u >= -pr && u < -pr + 0.10) {
            // P: 0.15 mV, straight rise over 60 ms, straight fall over 40 ms, ending before the PR segment
            double p = u + pr;
            return p < 0.06 ? 0.15 * p / 0.06 : 0.15 * (0.10 - p) / 0.04;
        }
        if (u >= 0 && u < qrs) {
            // Q to -0.1 mV at 15 ms, R +1.2 mV at 45 ms, S -0.3 mV, back to baseline at the QRS end
            double s = 0.045 + (qrs - 0.045) * 0.55;
            if (u < 0.015) {
                return -0.1 * u / 0.015;
            }
            if (u < 0.045) {
                return -0.1 + 1.3 * (u - 0.015) / 0.030;
            }
            if (u < s) {
                return 1.2 - 1.5 * (u - 0.045) / (s - 0.045);
            }
            return -0.3 * (qrs - u) / (qrs - s);
        }
        double tStart = qrs + 0.08;
        double tPeak = qt - 0.08;
        if (u >= tStart && u < qt) {
            // T: 0.35 mV, a rounded rise and a straight 80 ms fall to baseline at T end
            if (u < tPeak) {
                double z = (u - tStart) / (tPeak - tStart);
                return 0.35 * 0.5 * (1 - Math.cos(Math.PI * z));
            }
            return 0.35 * (qt - u) / 0.08;
        }
        return 0;
    }
}
