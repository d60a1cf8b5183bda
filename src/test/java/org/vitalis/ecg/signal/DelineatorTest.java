package org.vitalis.ecg.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Intervals on ECGs with known boundaries. Tolerances are the IEC 60601-2-25 (2011, 201.12.4.102) limits for global
 * interval measurement on calibrated ECGs: ±10 ms for PR and QRS, ±25 ms for QT (here tighter for QT: 15 ms, since
 * the synthetic T end is a clean corner).
 */
class DelineatorTest {
    static final double[] TWELVE = {1, 0.8, -0.3, -0.9, 0.5, 0.4, -0.6, -1.1, 0.3, 1.3, 1.1, 0.8};

    static double[] regular(int beats, double rr) {
        double[] v = new double[beats];
        Arrays.fill(v, rr);
        return v;
    }

    static Intervals measure(SyntheticBeats s, double fs) {
        double[][] f = Arrays.stream(s.leads).map(x -> EcgFilters.removeBaselineWander(x, fs)).toArray(double[][]::new);
        boolean[] use = new boolean[f.length];
        Arrays.fill(use, true);
        return Delineator.measure(f, use, s.rPeaks, fs);
    }

    @ParameterizedTest(name = "PR {0} QRS {1} QT {2} RR {3} at {4} Hz, {5} leads")
    @CsvSource({
        "0.160, 0.090, 0.400, 0.857, 500, 12",
        "0.200, 0.110, 0.440, 1.000, 1000, 12",
        "0.140, 0.080, 0.360, 0.700, 250, 2",
        "0.180, 0.130, 0.420, 0.900, 360, 1",
        "0.160, 0.090, 0.380, 0.800, 125, 3",
    })
    void knownIntervals(double pr, double qrs, double qt, double rr, double fs, int leads) {
        SyntheticBeats s = SyntheticBeats.generate(fs, 10, regular(20, rr), pr, qrs, qt, Arrays.copyOf(TWELVE, leads));
        Intervals iv = measure(s, fs);
        assertThat(iv.pWavePresent()).isTrue();
        assertThat(iv.prMs()).as("PR %s", iv).isCloseTo(1000 * pr, within(10.0));
        assertThat(iv.qrsMs()).as("QRS %s", iv).isCloseTo(1000 * qrs, within(10.0));
        assertThat(iv.qtMs()).as("QT %s", iv).isCloseTo(1000 * qt, within(15.0));
        assertThat(iv.rrMs()).isCloseTo(1000 * rr, within(1000 / fs + 1));
        assertThat(iv.qtcBazettMs()).isCloseTo(iv.qtMs() / Math.sqrt(iv.rrMs() / 1000), within(1e-6));
        assertThat(iv.qtcFridericiaMs()).isCloseTo(iv.qtMs() / Math.cbrt(iv.rrMs() / 1000), within(1e-6));
        assertThat(iv.measurements()).extracting(Intervals.Measurement::loinc)
                .containsExactly(EcgLoinc.PR, EcgLoinc.QRS, EcgLoinc.QT, EcgLoinc.QTC, EcgLoinc.QTC);
        assertThat(iv.algorithmVersion()).isEqualTo(Delineator.VERSION);
    }

    @Test
    void sameIntervalsAtEverySamplingRate() {
        double[][] got = new double[3][];
        double[] rates = {250, 500, 1000};
        for (int k = 0; k < rates.length; k++) {
            SyntheticBeats s = SyntheticBeats.generate(rates[k], 10, regular(20, 0.85), 0.17, 0.095, 0.41, TWELVE);
            Intervals iv = measure(s, rates[k]);
            got[k] = new double[] {iv.prMs(), iv.qrsMs(), iv.qtMs()};
        }
        for (int k = 1; k < rates.length; k++) {
            for (int j = 0; j < 3; j++) {
                // one sample at 250 Hz is 4 ms; boundaries may move by about one sample at the coarsest rate
                assertThat(got[k][j]).as("interval %d at %s Hz vs 250 Hz: %s", j, rates[k], Arrays.deepToString(got))
                        .isCloseTo(got[0][j], within(5.0));
            }
        }
    }

    @Test
    void absentPWaveIsReportedNotInvented() {
        SyntheticBeats s = SyntheticBeats.generate(500, 10, regular(20, 0.8), 0, 0.09, 0.38, TWELVE);
        Intervals iv = measure(s, 500);
        assertThat(iv.pWavePresent()).isFalse();
        assertThat(iv.prMs()).isNaN();
        assertThat(iv.note()).contains("no P wave");
        assertThat(iv.qrsMs()).isCloseTo(90, within(10.0));
        assertThat(iv.measurements()).extracting(Intervals.Measurement::loinc).doesNotContain(EcgLoinc.PR);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void tooFewBeatsGiveNothingMeasured(int beats) {
        double[][] leads = {new double[5000]};
        Intervals iv = Delineator.measure(leads, new boolean[] {true}, new int[beats], 500);
        assertThat(iv.beatsAveraged()).isZero();
        assertThat(iv.qtMs()).isNaN();
        assertThat(iv.measurements()).isEmpty();
    }

    @Test
    void noisyBeatsStillMeasure() {
        SyntheticBeats s = SyntheticBeats.generate(500, 30, regular(40, 0.75), 0.16, 0.09, 0.38, TWELVE);
        java.util.Random rnd = new java.util.Random(7);
        for (double[] x : s.leads) {
            for (int i = 0; i < x.length; i++) {
                x[i] += 0.03 * rnd.nextGaussian();
            }
        }
        Intervals iv = measure(s, 500);
        assertThat(iv.prMs()).isCloseTo(160, within(12.0));
        assertThat(iv.qrsMs()).isCloseTo(90, within(12.0));
        assertThat(iv.qtMs()).isCloseTo(380, within(20.0));
    }
}
