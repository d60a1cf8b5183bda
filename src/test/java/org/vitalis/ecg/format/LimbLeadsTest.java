package org.vitalis.ecg.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LimbLeadsTest {
    /** A heart vector in the frontal plane projected on each lead's axis gives the leads it should derive. */
    @Test
    void derivesTheHexaxialLeadsOfAHeartVector() {
        // Lead axes in degrees (hexaxial reference system): I 0, II 60, III 120, aVR -150, aVL -30, aVF 90.
        double magnitude = 1.5;
        for (int angle = -180; angle < 180; angle += 15) {
            double a = Math.toRadians(angle);
            double i = projection(magnitude, a, 0);
            double ii = projection(magnitude, a, 60);
            assertThat(LimbLeads.iii(i, ii)).isCloseTo(projection(magnitude, a, 120), within(1e-12));
            // Augmented leads are sqrt(3)/2 of the unit projection in Goldberger's scale.
            double k = Math.sqrt(3) / 2;
            assertThat(LimbLeads.avr(i, ii)).isCloseTo(k * projection(magnitude, a, -150), within(1e-12));
            assertThat(LimbLeads.avl(i, ii)).isCloseTo(k * projection(magnitude, a, -30), within(1e-12));
            assertThat(LimbLeads.avf(i, ii)).isCloseTo(k * projection(magnitude, a, 90), within(1e-12));
        }
    }

    private static double projection(double magnitude, double angle, double axisDegrees) {
        return magnitude * Math.cos(angle - Math.toRadians(axisDegrees));
    }

    @Test
    void goldbergersLeadsSumToZero() {
        double[] i = {0.1, 1.2, -0.4};
        double[] ii = {0.3, 0.9, 0.2};
        double[][] d = LimbLeads.derive(i, ii);
        for (int k = 0; k < i.length; k++) {
            assertThat(d[1][k] + d[2][k] + d[3][k]).isCloseTo(0, within(1e-12));
            assertThat(d[0][k]).isEqualTo(LimbLeads.derive("III", i[k], ii[k]));
        }
    }

    @Test
    void countsAreExactAtTheirGain() {
        Random random = new Random(5);
        int n = 2000;
        int[] i = new int[n];
        int[] ii = new int[n];
        int baseline = -37;
        double gain = 24_000;
        for (int k = 0; k < n; k++) {
            i[k] = random.nextInt(1 << 24) - (1 << 23);
            ii[k] = random.nextInt(1 << 24) - (1 << 23);
        }
        LimbLeads.DerivedLead[] leads = LimbLeads.counts(i, ii, baseline);
        assertThat(leads).extracting(LimbLeads.DerivedLead::name).containsExactly(LimbLeads.NAMES);
        assertThat(leads).extracting(LimbLeads.DerivedLead::gainFactor).containsExactly(1, 2, 2, 2);
        for (int k = 0; k < n; k++) {
            long x1 = (long) i[k] - baseline;
            long x2 = (long) ii[k] - baseline;
            // Exact in rationals: counts / gainFactor equals the formula on counts, with nothing rounded away.
            assertThat((long) leads[0].counts()[k]).isEqualTo(x2 - x1);
            assertThat((long) leads[1].counts()[k]).isEqualTo(-(x1 + x2));
            assertThat((long) leads[2].counts()[k]).isEqualTo(2 * x1 - x2);
            assertThat((long) leads[3].counts()[k]).isEqualTo(2 * x2 - x1);
            // And in physical units they agree with the double formulas.
            double mv1 = x1 / gain;
            double mv2 = x2 / gain;
            for (int l = 0; l < 4; l++) {
                double physical = leads[l].counts()[k] / (gain * leads[l].gainFactor());
                assertThat(physical).isCloseTo(LimbLeads.derive(LimbLeads.NAMES[l], mv1, mv2), within(1e-12));
            }
        }
    }

    @Test
    void anOddSumKeepsItsHalf() {
        LimbLeads.DerivedLead[] leads = LimbLeads.counts(new int[] {1}, new int[] {2}, 0);
        // aVR = -(1 + 2) / 2 = -1.5 counts: stored as -3 at twice the gain, not truncated to -1.
        assertThat(leads[1].counts()[0]).isEqualTo(-3);
        assertThat(leads[1].counts()[0] / 2.0).isEqualTo(-1.5);
    }

    @Test
    void refusesWhatItCannotHoldOrPair() {
        assertThatThrownBy(() -> LimbLeads.counts(new int[] {Integer.MAX_VALUE}, new int[] {Integer.MAX_VALUE}, 0))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> LimbLeads.derive(new double[2], new double[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same length");
        assertThatThrownBy(() -> LimbLeads.derive("V1", 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
