package org.vitalis.ecg.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EcgFiltersTest {
    private static final double FS = 500;

    private static double[] sine(double hz, double amp, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = amp * Math.sin(2 * Math.PI * hz * i / FS);
        }
        return x;
    }

    /** RMS over the middle of the signal, away from the edges where any filter settles. */
    private static double rms(double[] x) {
        double s = 0;
        int from = x.length / 5;
        int to = x.length - from;
        for (int i = from; i < to; i++) {
            s += x[i] * x[i];
        }
        return Math.sqrt(s / (to - from));
    }

    private static double[] minus(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    @Test
    void notchRemovesMainsAndKeepsTheEcgBand() {
        int n = 10 * (int) FS;
        double[] ecgBand = sine(10, 1, n);
        for (double mains : new double[] {50, 60}) {
            double[] hum = sine(mains, 0.5, n);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = ecgBand[i] + hum[i];
            }
            double[] y = EcgFilters.removePowerline(x, FS, mains);
            // what is left of the hum is under 1 % of it, and the 10 Hz content is kept within 1 %
            assertThat(rms(minus(y, ecgBand))).isLessThan(0.01 * rms(hum));
        }
        assertThatThrownBy(() -> EcgFilters.removePowerline(new double[10], FS, 55)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EcgFilters.removePowerline(new double[10], 100, 60)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void baselineDriftIsRemovedWithoutShiftingTheSignal() {
        int n = 30 * (int) FS;
        double[] signal = sine(8, 1, n);
        double[] drift = sine(0.15, 2, n);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = signal[i] + drift[i] + 3;
        }
        double[] y = EcgFilters.removeBaselineWander(x, FS);
        assertThat(rms(minus(y, signal))).isLessThan(0.05 * rms(drift));
    }

    @Test
    void butterworthSectionsHaveTheirDesignedCutOff() {
        for (double fs : new double[] {125, 360, 1000}) {
            assertThat(Biquad.lowPass(15, fs).magnitude(15, fs)).isCloseTo(Math.sqrt(0.5), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(Biquad.highPass(5, fs).magnitude(5, fs)).isCloseTo(Math.sqrt(0.5), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(Biquad.notch(50, fs, 30).magnitude(50, fs)).isLessThan(1e-9);
        }
    }
}
