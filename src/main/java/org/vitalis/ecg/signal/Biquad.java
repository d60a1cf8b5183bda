package org.vitalis.ecg.signal;

/**
 * A second-order IIR section in direct form II transposed, designed by the bilinear transform from the
 * "Audio EQ Cookbook" formulas (R. Bristow-Johnson), so cut-offs are given in hertz at any sampling rate.
 */
public final class Biquad {
    private final double b0;
    private final double b1;
    private final double b2;
    private final double a1;
    private final double a2;

    private Biquad(double b0, double b1, double b2, double a0, double a1, double a2) {
        this.b0 = b0 / a0;
        this.b1 = b1 / a0;
        this.b2 = b2 / a0;
        this.a1 = a1 / a0;
        this.a2 = a2 / a0;
    }

    /** Butterworth (Q = 1/sqrt 2) low-pass. */
    public static Biquad lowPass(double cutoffHz, double fs) {
        double w = omega(cutoffHz, fs);
        double alpha = Math.sin(w) / (2 * Math.sqrt(0.5));
        double c = Math.cos(w);
        return new Biquad((1 - c) / 2, 1 - c, (1 - c) / 2, 1 + alpha, -2 * c, 1 - alpha);
    }

    /** Butterworth (Q = 1/sqrt 2) high-pass. */
    public static Biquad highPass(double cutoffHz, double fs) {
        double w = omega(cutoffHz, fs);
        double alpha = Math.sin(w) / (2 * Math.sqrt(0.5));
        double c = Math.cos(w);
        return new Biquad((1 + c) / 2, -(1 + c), (1 + c) / 2, 1 + alpha, -2 * c, 1 - alpha);
    }

    /** Notch at {@code centreHz} whose -3 dB bandwidth is {@code centreHz / q}. */
    public static Biquad notch(double centreHz, double fs, double q) {
        if (!(q > 0)) {
            throw new IllegalArgumentException("quality factor must be positive: " + q);
        }
        double w = omega(centreHz, fs);
        double alpha = Math.sin(w) / (2 * q);
        double c = Math.cos(w);
        return new Biquad(1, -2 * c, 1, 1 + alpha, -2 * c, 1 - alpha);
    }

    private static double omega(double hz, double fs) {
        if (!(fs > 0) || !(hz > 0) || hz >= fs / 2) {
            throw new IllegalArgumentException("frequency " + hz + " Hz must lie between 0 and half the sampling rate " + fs + " Hz");
        }
        return 2 * Math.PI * hz / fs;
    }

    /**
     * Filters {@code in} into {@code out} (which may be the same array). The state starts as if the first sample
     * had always been present, so a DC offset causes no start-up transient.
     */
    public void filter(double[] in, double[] out) {
        if (in.length == 0) {
            return;
        }
        double x0 = in[0];
        double gainDc = (b0 + b1 + b2) / (1 + a1 + a2);
        double y0 = x0 * gainDc;
        // steady state for a constant input x0 with output y0
        double z1 = y0 - b0 * x0;
        double z2 = b2 * x0 - a2 * y0;
        for (int i = 0; i < in.length; i++) {
            double x = in[i];
            double y = b0 * x + z1;
            z1 = b1 * x - a1 * y + z2;
            z2 = b2 * x - a2 * y;
            out[i] = y;
        }
    }

    /** Forward then backward filtering: zero phase, squared magnitude response. */
    public void filtfilt(double[] in, double[] out) {
        filter(in, out);
        reverse(out);
        filter(out, out);
        reverse(out);
    }

    private static void reverse(double[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Complex response at {@code hz}: {real, imaginary}. */
    double[] response(double hz, double fs) {
        double w = 2 * Math.PI * hz / fs;
        double c1 = Math.cos(w);
        double s1 = -Math.sin(w);
        double c2 = Math.cos(2 * w);
        double s2 = -Math.sin(2 * w);
        double nr = b0 + b1 * c1 + b2 * c2;
        double ni = b1 * s1 + b2 * s2;
        double dr = 1 + a1 * c1 + a2 * c2;
        double di = a1 * s1 + a2 * s2;
        double den = dr * dr + di * di;
        return new double[] {(nr * dr + ni * di) / den, (ni * dr - nr * di) / den};
    }

    /** Magnitude of the response at {@code hz}. */
    public double magnitude(double hz, double fs) {
        double[] r = response(hz, fs);
        return Math.hypot(r[0], r[1]);
    }

    /** Group delay in samples at {@code hz}, by differentiating the unwrapped phase numerically. */
    double groupDelay(double hz, double fs) {
        double dh = 1e-3;
        double[] lo = response(hz - dh, fs);
        double[] hi = response(hz + dh, fs);
        double dphi = Math.atan2(hi[1], hi[0]) - Math.atan2(lo[1], lo[0]);
        if (dphi > Math.PI) {
            dphi -= 2 * Math.PI;
        } else if (dphi < -Math.PI) {
            dphi += 2 * Math.PI;
        }
        return -dphi / (2 * Math.PI * 2 * dh / fs);
    }
}
