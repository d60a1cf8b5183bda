package org.vitalis.ecg.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class EcgAnalyzerTest {
    static final String[] TWELVE_LABELS = {"I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"};

    @ParameterizedTest(name = "{0} leads at {1} Hz for {2} s")
    @CsvSource({"12, 500, 10", "1, 125, 10", "3, 250, 30", "2, 1000, 10", "12, 1000, 2"})
    void analysesAnyLeadCountRateAndLength(int leads, double fs, double seconds) {
        SyntheticBeats s = SyntheticBeats.generate(fs, seconds, DelineatorTest.regular(60, 0.8), 0.16, 0.09, 0.38,
                Arrays.copyOf(DelineatorTest.TWELVE, leads));
        EcgAnalysis a = EcgAnalyzer.analyze(s.leads, Arrays.copyOf(TWELVE_LABELS, leads), fs);
        assertThat(a.labels()).hasSize(leads);
        assertThat(a.quality()).hasSize(leads);
        assertThat(a.durationS()).isCloseTo(seconds, within(1 / fs));
        assertThat(a.algorithmVersion()).startsWith("vitalis-ecg-analysis/").contains(QrsDetector.VERSION, RhythmAnalyzer.VERSION,
                Delineator.VERSION, SignalQuality.VERSION);
        int expected = s.rPeaks.length;
        if (seconds >= 10) {
            assertThat(a.beats().count()).isBetween(expected - 1, expected);
            assertThat(a.heartRate()).isPresent();
            assertThat(a.heartRate().orElseThrow().heartRate()).isCloseTo(75, within(1.0));
            assertThat(a.rhythm().flags()).isEmpty();
            assertThat(a.intervals().qrsMs()).isCloseTo(90, within(10.0));
            assertThat(a.intervals().qtMs()).isCloseTo(380, within(25.0));
        } else {
            // 2 s hold two beats at 75 /min: no HRV, and no regularity statement, but no exception either
            assertThat(a.heartRate()).isEmpty();
        }
    }

    @Test
    void detectsOnTheBestLeadWhenOthersAreOffOrNoisy() {
        SyntheticBeats s = SyntheticBeats.generate(500, 10, DelineatorTest.regular(20, 0.8), 0.16, 0.09, 0.38, new double[] {1, 1, 1});
        Arrays.fill(s.leads[0], 0);
        java.util.Random rnd = new java.util.Random(1);
        for (int i = 0; i < s.leads[1].length; i++) {
            s.leads[1][i] += 0.5 * rnd.nextGaussian();
        }
        EcgAnalysis a = EcgAnalyzer.analyze(s.leads, new String[] {"I", "II", "III"}, 500);
        assertThat(a.detectionLead()).isEqualTo(2);
        assertThat(a.quality().get(0).has(LeadQuality.Kind.LEADS_OFF)).isTrue();
        assertThat(a.quality().get(1).has(LeadQuality.Kind.NOISE)).isTrue();
        assertThat(a.intervals().qrsMs()).isCloseTo(90, within(10.0));
    }

    @Test
    void irregularRrSuggestsFibrillationOnlyWithoutPWaves() {
        java.util.Random rnd = new java.util.Random(12);
        double[] rr = new double[80];
        for (int i = 0; i < rr.length; i++) {
            rr[i] = 0.5 + 0.5 * rnd.nextDouble();
        }
        SyntheticBeats noP = SyntheticBeats.generate(500, 60, rr, 0, 0.09, 0.36, DelineatorTest.TWELVE);
        EcgAnalysis af = EcgAnalyzer.analyze(noP.leads, TWELVE_LABELS, 500);
        assertThat(af.rhythm().has(RhythmAnalysis.Kind.IRREGULARLY_IRREGULAR)).isTrue();
        assertThat(af.intervals().pWavePresent()).isFalse();

        SyntheticBeats withP = SyntheticBeats.generate(500, 60, rr, 0.16, 0.09, 0.36, DelineatorTest.TWELVE);
        EcgAnalysis sinus = EcgAnalyzer.analyze(withP.leads, TWELVE_LABELS, 500);
        assertThat(sinus.rhythm().has(RhythmAnalysis.Kind.IRREGULARLY_IRREGULAR)).as("repeating P waves: organised atria").isFalse();
        // the same RR intervals alone, with nothing known about the atria, do suggest it
        assertThat(RhythmAnalyzer.analyze(sinus.beats().beats(), 500, 60).has(RhythmAnalysis.Kind.IRREGULARLY_IRREGULAR)).isTrue();
    }

    @Test
    void noBeatsAtAllIsAFindingNotAnException() {
        double[][] flat = {new double[5000], new double[5000]};
        EcgAnalysis a = EcgAnalyzer.analyze(flat, new String[] {"I", "II"}, 500);
        assertThat(a.beats().count()).isZero();
        assertThat(a.rhythm().has(RhythmAnalysis.Kind.INSUFFICIENT_BEATS)).isTrue();
        assertThat(a.intervals().measurements()).isEmpty();
        assertThat(a.quality()).allMatch(q -> q.has(LeadQuality.Kind.LEADS_OFF));

        double[][] nan = {new double[3000]};
        Arrays.fill(nan[0], Double.NaN);
        EcgAnalysis b = EcgAnalyzer.analyze(nan, null, 250);
        assertThat(b.labels()).containsExactly("lead 1");
        assertThat(b.rhythm().has(RhythmAnalysis.Kind.INSUFFICIENT_BEATS)).isTrue();

        EcgAnalysis none = EcgAnalyzer.analyze(new double[0][], new String[0], 500);
        assertThat(none.detectionLead()).isEqualTo(-1);
        assertThat(none.rhythm().has(RhythmAnalysis.Kind.INSUFFICIENT_BEATS)).isTrue();

        EcgAnalysis empty = EcgAnalyzer.analyze(new double[][] {new double[0]}, new String[] {"II"}, 500);
        assertThat(empty.durationS()).isZero();
        assertThat(empty.rhythm().has(RhythmAnalysis.Kind.INSUFFICIENT_BEATS)).isTrue();
    }

    @Test
    void noisyRealisticEcgStillGivesItsRate() {
        SyntheticEcg e = SyntheticEcg.generate(360, 60, 3, 0.3, 0.05, 0.02);
        EcgAnalysis a = EcgAnalyzer.analyze(new double[][] {e.signal}, new String[] {"MLII"}, 360);
        assertThat(a.beats().count()).isBetween(e.rPeaks.length - 1, e.rPeaks.length + 1);
        assertThat(a.heartRate()).isPresent();
    }

    @Test
    void garbageNeverThrows() {
        java.util.Random rnd = new java.util.Random(13);
        for (int trial = 0; trial < 40; trial++) {
            double fs = 125 + rnd.nextInt(876);
            int leads = 1 + rnd.nextInt(12);
            double[][] x = new double[leads][];
            for (int l = 0; l < leads; l++) {
                x[l] = new double[rnd.nextInt((int) (fs * 6))];
                for (int i = 0; i < x[l].length; i++) {
                    double u = rnd.nextDouble();
                    x[l][i] = u < 0.01 ? Double.NaN : u < 0.02 ? 1e6 * rnd.nextGaussian() : u < 0.5 ? 0 : rnd.nextGaussian();
                }
            }
            EcgAnalysis a = EcgAnalyzer.analyze(x, new String[] {"I"}, fs, new double[] {-5}, new double[] {5, 5});
            assertThat(a.quality()).hasSize(leads);
            assertThat(a.rhythm()).isNotNull();
            assertThat(a.intervals()).isNotNull();
        }
    }

    @Test
    void samplingRateOutsideTheDesignRangeIsTheCallersError() {
        assertThatThrownBy(() -> EcgAnalyzer.analyze(new double[][] {new double[100]}, null, 50))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
