package org.vitalis.ecg.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QrsShapesTest {
    static final double FS = 360;

    /** A narrow qRs complex around t = 0, mV: small q, 1 mV R, small s, about 90 ms in all. */
    static double narrow(double t) {
        return -0.15 * gauss(t + 0.025, 0.008) + gauss(t, 0.010) - 0.25 * gauss(t - 0.025, 0.009);
    }

    /** A wide ventricular-looking complex: a broad negative wave then a broad positive one, about 160 ms. */
    static double wide(double t) {
        return -0.9 * gauss(t + 0.02, 0.028) + 0.5 * gauss(t - 0.06, 0.03);
    }

    static double gauss(double t, double s) {
        return Math.exp(-t * t / (2 * s * s));
    }

    /** Two leads: lead 2 sees the same complexes at another gain and sign, as a second electrode would. */
    static double[][] leads(int[] beats, boolean[] ventricular, double[] amplitude, double noise, long seed, int n) {
        Random rnd = new Random(seed);
        double[][] x = new double[2][n];
        for (int b = 0; b < beats.length; b++) {
            for (int i = Math.max(0, beats[b] - 80); i < Math.min(n, beats[b] + 80); i++) {
                double t = (i - beats[b]) / FS;
                double v = amplitude[b] * (ventricular[b] ? wide(t) : narrow(t));
                x[0][i] += v;
                x[1][i] += -0.6 * v + (ventricular[b] ? 0.3 * amplitude[b] * gauss(t - 0.03, 0.04) : 0);
            }
        }
        for (double[] lead : x) {
            for (int i = 0; i < n; i++) {
                lead[i] += noise * rnd.nextGaussian();
            }
        }
        return x;
    }

    @Test
    void ventricularBeatsFormTheirOwnClassAndNormalOnesStayTogether() {
        int count = 300;
        int[] beats = new int[count];
        boolean[] v = new boolean[count];
        double[] amp = new double[count];
        Random rnd = new Random(1);
        for (int b = 0; b < count; b++) {
            beats[b] = (int) Math.round((0.5 + 0.8 * b) * FS);
            v[b] = b % 4 == 3;
            // respiration changes the amplitude by ±20 %
            amp[b] = 1 + 0.2 * Math.sin(2 * Math.PI * b / 5.0) + 0.02 * rnd.nextGaussian();
        }
        int n = beats[count - 1] + (int) FS;
        // fiducials jitter by up to ±15 ms, as a detector's R peak does between the R and the S wave
        int[] fiducials = new int[count];
        for (int b = 0; b < count; b++) {
            fiducials[b] = beats[b] + (int) Math.round((rnd.nextDouble() - 0.5) * 0.030 * FS);
        }
        int[] classes = QrsShapes.classify(leads(beats, v, amp, 0.02, 2, n), new boolean[] {true, true}, fiducials, FS);
        int dominant = QrsShapes.dominant(classes, 0, count);
        int normalsApart = 0;
        int ventricularTogether = 0;
        for (int b = 0; b < count; b++) {
            if (!v[b] && classes[b] != dominant) {
                normalsApart++;
            }
            if (v[b] && classes[b] == dominant) {
                ventricularTogether++;
            }
        }
        assertThat(normalsApart).as("normal beats outside the dominant class").isZero();
        assertThat(ventricularTogether).as("ventricular beats in the dominant class").isZero();
        int[] ventricularClasses = java.util.stream.IntStream.range(0, count).filter(b -> v[b]).map(b -> classes[b])
                .distinct().toArray();
        assertThat(ventricularClasses).as("one shape, one class").hasSize(1);
    }

    @Test
    void aSlowChangeOfShapeKeepsOneClass() {
        // the R wave shrinks and the S wave deepens over ten minutes, as with a change of posture or electrode drift
        int count = 700;
        int[] beats = new int[count];
        int n = (int) Math.round((0.5 + 0.85 * count + 1) * FS);
        double[][] x = new double[1][n];
        for (int b = 0; b < count; b++) {
            beats[b] = (int) Math.round((0.5 + 0.85 * b) * FS);
            double k = b / (double) count;
            for (int i = beats[b] - 60; i < beats[b] + 60; i++) {
                double t = (i - beats[b]) / FS;
                x[0][i] = (1 - 0.5 * k) * gauss(t, 0.010) - (0.25 + 0.5 * k) * gauss(t - 0.025, 0.009);
            }
        }
        int[] classes = QrsShapes.classify(x, new boolean[] {true}, beats, FS);
        assertThat(Arrays.stream(classes).distinct().count()).isEqualTo(1);
    }

    @Test
    void beatsThatCannotBeComparedAreUnknown() {
        int[] beats = {2, 400, 800, 1196};
        double[][] x = leads(new int[] {400, 800}, new boolean[2], new double[] {1, 1}, 0, 3, 1200);
        int[] classes = QrsShapes.classify(x, new boolean[] {true, true}, beats, FS);
        assertThat(classes[0]).isEqualTo(QrsShapes.UNKNOWN);
        assertThat(classes[3]).isEqualTo(QrsShapes.UNKNOWN);
        assertThat(classes[1]).isEqualTo(classes[2]).isNotEqualTo(QrsShapes.UNKNOWN);
        // a flat stretch has no shape
        assertThat(QrsShapes.classify(new double[][] {new double[1200]}, new boolean[] {true}, new int[] {600}, FS))
                .containsExactly(QrsShapes.UNKNOWN);
        // no lead to look at, or no beats
        assertThat(QrsShapes.classify(x, new boolean[] {false, false}, beats, FS)).containsOnly(QrsShapes.UNKNOWN);
        assertThat(QrsShapes.classify(x, new boolean[] {true, true}, new int[0], FS)).isEmpty();
        assertThat(QrsShapes.dominant(new int[] {QrsShapes.UNKNOWN, QrsShapes.UNKNOWN}, 0, 2)).isEqualTo(QrsShapes.UNKNOWN);
        assertThat(QrsShapes.dominant(new int[] {3, 1, 3, QrsShapes.UNKNOWN, QrsShapes.UNKNOWN, QrsShapes.UNKNOWN}, 0, 6))
                .isEqualTo(3);
    }
}
