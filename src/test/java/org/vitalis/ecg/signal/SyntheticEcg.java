package org.vitalis.ecg.signal;

import java.util.Random;

/**
 * An ECG-like test signal: each beat is a sum of Gaussian P, Q, R, S and T waves (the morphology model of
 * McSharry et al., IEEE TBME 50(3):289-294, 2003), with varying RR intervals, baseline wander, mains hum and noise.
 */
final class SyntheticEcg {
    final double[] signal;
    final int[] rPeaks;

    private SyntheticEcg(double[] signal, int[] rPeaks) {
        this.signal = signal;
        this.rPeaks = rPeaks;
    }

    /** {centre s relative to R, amplitude mV, width s} of P, Q, R, S, T. */
    private static final double[][] WAVES = {
        {-0.20, 0.15, 0.025}, {-0.035, -0.12, 0.010}, {0, 1.2, 0.012}, {0.035, -0.30, 0.010}, {0.28, 0.35, 0.050},
    };

    static SyntheticEcg generate(double fs, double seconds, long seed, double wanderMv, double mainsMv, double noiseMv) {
        Random rnd = new Random(seed);
        int n = (int) Math.round(seconds * fs);
        double[] x = new double[n];
        int[] peaks = new int[(int) (seconds / 0.4) + 2];
        int count = 0;
        double t = 0.5;
        while (t < seconds - 0.5) {
            double rr = 0.6 + 0.5 * rnd.nextDouble();
            // amplitude varies beat to beat as with respiration
            double gain = 0.8 + 0.4 * rnd.nextDouble();
            int r = (int) Math.round(t * fs);
            peaks[count++] = r;
            for (double[] w : WAVES) {
                double centre = t + w[0];
                int from = Math.max(0, (int) ((centre - 5 * w[2]) * fs));
                int to = Math.min(n - 1, (int) ((centre + 5 * w[2]) * fs));
                for (int i = from; i <= to; i++) {
                    double z = (i / fs - centre) / w[2];
                    x[i] += gain * w[1] * Math.exp(-0.5 * z * z);
                }
            }
            t += rr;
        }
        for (int i = 0; i < n; i++) {
            double s = i / fs;
            x[i] += wanderMv * Math.sin(2 * Math.PI * 0.3 * s) + mainsMv * Math.sin(2 * Math.PI * 50 * s)
                    + noiseMv * rnd.nextGaussian();
        }
        return new SyntheticEcg(x, java.util.Arrays.copyOf(peaks, count));
    }
}
