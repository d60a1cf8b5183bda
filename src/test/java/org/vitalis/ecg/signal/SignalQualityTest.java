package org.vitalis.ecg.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vitalis.ecg.signal.LeadQuality.Kind;

class SignalQualityTest {
    static final double FS = 500;

    static double[] clean(double seconds) {
        return SyntheticEcg.generate(FS, seconds, 11, 0, 0, 0.005).signal;
    }

    @Test
    void cleanEcgHasNoProblem() {
        LeadQuality q = SignalQuality.assess("II", clean(10), FS, -5, 5);
        assertThat(q.problems()).isEmpty();
        assertThat(q.usableFraction()).isEqualTo(1.0);
        assertThat(q.usable()).isTrue();
        assertThat(q.noiseRatio()).isLessThan(SignalQuality.NOISE_RATIO);
        assertThat(q.algorithmVersion()).isEqualTo(SignalQuality.VERSION);
    }

    @Test
    void constantLeadIsLeadsOff() {
        double[] x = new double[(int) (10 * FS)];
        LeadQuality q = SignalQuality.assess("V1", x, FS);
        assertThat(q.problems()).extracting(LeadQuality.Problem::kind).containsExactly(Kind.LEADS_OFF);
        assertThat(q.problems().get(0).startS()).isZero();
        assertThat(q.problems().get(0).endS()).isCloseTo(10, within(1e-9));
        assertThat(q.usable()).isFalse();
    }

    @Test
    void leadPinnedAtTheRailPartWayIsLeadsOffFromThere() {
        double[] x = clean(10);
        Arrays.fill(x, (int) (6 * FS), x.length, 5.0);
        LeadQuality q = SignalQuality.assess("V2", x, FS, -5, 5);
        assertThat(q.has(Kind.LEADS_OFF)).isTrue();
        LeadQuality.Problem p = q.problems().stream().filter(e -> e.kind() == Kind.LEADS_OFF).findFirst().orElseThrow();
        assertThat(p.startS()).isCloseTo(6, within(1.0));
        assertThat(p.endS()).isCloseTo(10, within(1e-9));
        assertThat(q.has(Kind.SATURATION)).as("the pinned stretch is leads off, not clipping").isFalse();
        assertThat(q.usableFraction()).isCloseTo(0.6, within(0.11));
    }

    @Test
    void clippedPeaksAreSaturation() {
        double[] x = clean(10);
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.min(x[i] * 3, 2.0);
        }
        LeadQuality q = SignalQuality.assess("V3", x, FS, -2.0, 2.0);
        assertThat(q.has(Kind.SATURATION)).isTrue();
        assertThat(q.has(Kind.LEADS_OFF)).isFalse();
        // without known rails, clipping cannot be told from a flat-topped wave
        assertThat(SignalQuality.assess("V3", x, FS).has(Kind.SATURATION)).isFalse();
    }

    @Test
    void lowVarianceStretchIsFlatLineWithItsTimes() {
        double[] x = clean(12);
        Random rnd = new Random(3);
        for (int i = (int) (4 * FS); i < (int) (8 * FS); i++) {
            x[i] = 0.002 * rnd.nextGaussian();
        }
        LeadQuality q = SignalQuality.assess("I", x, FS);
        var flat = q.problems().stream().filter(p -> p.kind() == Kind.FLAT_LINE).toList();
        assertThat(flat).hasSize(1);
        assertThat(flat.get(0).startS()).isCloseTo(4, within(1.0));
        assertThat(flat.get(0).endS()).isCloseTo(8, within(1.0));
    }

    @Test
    void muscleNoiseIsFlagged() {
        double[] x = clean(10);
        Random rnd = new Random(4);
        for (int i = (int) (2 * FS); i < (int) (5 * FS); i++) {
            x[i] += 0.3 * rnd.nextGaussian();
        }
        LeadQuality q = SignalQuality.assess("aVF", x, FS);
        var noise = q.problems().stream().filter(p -> p.kind() == Kind.NOISE).toList();
        assertThat(noise).isNotEmpty();
        assertThat(noise.get(0).startS()).isCloseTo(2, within(1.0));
        assertThat(noise.get(noise.size() - 1).endS()).isCloseTo(5, within(1.0));
    }

    @Test
    void weirdInputGivesFlagsNeverExceptions() {
        assertThat(SignalQuality.assess("x", new double[0], FS).has(Kind.LEADS_OFF)).isTrue();
        assertThat(SignalQuality.assess("x", null, FS).has(Kind.LEADS_OFF)).isTrue();
        assertThat(SignalQuality.assess("x", new double[] {1}, FS).problems()).isNotEmpty();
        double[] nan = new double[1000];
        Arrays.fill(nan, Double.NaN);
        LeadQuality q = SignalQuality.assess("x", nan, FS, -5, 5);
        assertThat(q.has(Kind.INVALID_SAMPLES)).isTrue();
        assertThat(q.has(Kind.LEADS_OFF)).isTrue();
        double[] x = clean(5);
        x[100] = Double.POSITIVE_INFINITY;
        x[2000] = Double.NaN;
        LeadQuality some = SignalQuality.assess("x", x, FS);
        assertThat(some.problems()).extracting(LeadQuality.Problem::kind).containsOnly(Kind.INVALID_SAMPLES);
        assertThat(SignalQuality.assess("x", x, Double.NaN).problems()).isNotEmpty();
        assertThat(SignalQuality.assess("x", x, 125, 5, -5).has(Kind.SATURATION)).isFalse();
    }
}
