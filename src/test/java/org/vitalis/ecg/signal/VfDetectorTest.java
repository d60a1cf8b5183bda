package org.vitalis.ecg.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ventricular flutter/fibrillation on synthetic signals: a wandering 4-6 Hz oscillation is found and has no beats;
 * sinus rhythm, a fast narrow-complex tachycardia, muscle noise and a brief sine-like artefact are not called VF.
 */
class VfDetectorTest {

    /**
     * VF-like: a sinusoid whose frequency wanders between about 4 and 6 Hz and whose amplitude waxes and wanes between
     * 0.2 and 0.8 mV (coarse to fine VF), with a little second harmonic and noise, from {@code from} to {@code to}
     * seconds; zero elsewhere.
     */
    static double[] fibrillation(double fs, double seconds, double from, double to, long seed) {
        Random rnd = new Random(seed);
        double[] x = new double[(int) Math.round(seconds * fs)];
        double phase = 0;
        double drift = 0;
        for (int i = 0; i < x.length; i++) {
            double t = i / fs;
            drift = Math.max(-0.4, Math.min(0.4, drift + 0.02 * rnd.nextGaussian() / Math.sqrt(fs)));
            double f = 5 + 0.6 * Math.sin(2 * Math.PI * 0.17 * t) + drift;
            phase += 2 * Math.PI * f / fs;
            if (t >= from && t < to) {
                double a = 0.5 + 0.3 * Math.sin(2 * Math.PI * 0.23 * t + 1);
                x[i] = a * (Math.sin(phase) + 0.15 * Math.sin(2 * phase + 0.5)) + 0.02 * rnd.nextGaussian();
            }
        }
        return x;
    }

    /** Regular narrow-complex beats at {@code rr} seconds (no visible P wave, as in a re-entrant SVT). */
    static SyntheticBeats regular(double fs, double seconds, double rr, double pr, double qt) {
        return SyntheticBeats.generate(fs, seconds, DelineatorTest.regular((int) (seconds / rr) + 2, rr), pr, 0.08, qt,
                new double[] {1});
    }

    /** Muscle-like noise: Gaussian noise band-passed to 20-150 Hz (where surface EMG lies), rms about {@code rms} mV. */
    static double[] muscle(double fs, int n, double rms, long seed) {
        Random rnd = new Random(seed);
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = rnd.nextGaussian();
        }
        Biquad.highPass(20, fs).filter(e, e);
        Biquad.lowPass(Math.min(150, 0.45 * fs), fs).filter(e, e);
        double ss = 0;
        for (double v : e) {
            ss += v * v;
        }
        double k = rms / Math.sqrt(ss / n);
        for (int i = 0; i < n; i++) {
            e[i] *= k;
        }
        return e;
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {125, 250, 360, 500, 1000})
    void wanderingFourToSixHertzOscillationIsVfWithNoBeats(double fs) {
        double[] x = fibrillation(fs, 30, 0, 30, 7);
        QrsDetection d = new QrsDetector(fs).detect(x);
        assertThat(d.ventricularFibrillation()).singleElement().satisfies(e -> {
            assertThat(e.start()).isEqualTo(0);
            assertThat(e.end()).isEqualTo(x.length - 1);
            assertThat(e.dominantHz()).isBetween(4.0, 6.0);
            assertThat(e.leakage()).isLessThan(VfDetector.MAX_LEAKAGE);
        });
        assertThat(d.beats()).isEmpty();
    }

    @Test
    void vfBetweenSinusStretchesIsFoundWithinASecondOrTwoAndTheBeatsAroundItAreKept() {
        double fs = 360;
        SyntheticBeats sinus = regular(fs, 60, 0.8, 0.16, 0.38);
        double[] x = sinus.leads[0].clone();
        double[] vf = fibrillation(fs, 60, 20, 40, 3);
        for (int i = 0; i < x.length; i++) {
            double t = i / fs;
            x[i] = t >= 20 && t < 40 ? vf[i] : x[i];
        }
        QrsDetection d = new QrsDetector(fs).detect(x);
        assertThat(d.ventricularFibrillation()).singleElement().satisfies(e -> {
            assertThat(e.start() / fs).isCloseTo(20, within(2.0));
            assertThat((e.end() + 1) / fs).isCloseTo(40, within(2.0));
        });
        VfDetector.Episode e = d.ventricularFibrillation().get(0);
        assertThat(Arrays.stream(d.beats()).boxed().toList()).noneMatch(e::contains);
        long expected = Arrays.stream(sinus.rPeaks).filter(r -> r < e.start() || r > e.end()).count();
        assertThat(d.beats()).hasSize((int) expected);
        assertThat(Arrays.stream(d.beats()).boxed().toList()).allMatch(b -> b / fs < 20.5 || b / fs > 39.5);
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {250, 360, 500})
    void sinusRhythmIsNotVf(double fs) {
        SyntheticEcg s = SyntheticEcg.generate(fs, 120, 5, 0.2, 0.05, 0.02);
        assertThat(new VfDetector(fs).detect(s.signal)).isEmpty();
        assertThat(new VfDetector(fs).detect(regular(fs, 120, 0.6, 0.16, 0.36).leads[0])).isEmpty();
    }

    @Test
    void narrowComplexTachycardiaAt180PerMinuteIsNotVf() {
        double fs = 360;
        SyntheticBeats svt = regular(fs, 120, 60.0 / 180, 0, 0.24);
        assertThat(new VfDetector(fs).detect(svt.leads[0])).isEmpty();
        QrsDetection d = new QrsDetector(fs).detect(svt.leads[0]);
        assertThat(d.count()).isBetween(svt.rPeaks.length - 1, svt.rPeaks.length);
    }

    @ParameterizedTest(name = "{0} mV rms")
    @ValueSource(doubles = {0.05, 0.2, 0.5, 1.0})
    void muscleNoiseIsNotVf(double rms) {
        double fs = 360;
        SyntheticEcg s = SyntheticEcg.generate(fs, 120, 11, 0.1, 0, 0);
        double[] noise = muscle(fs, s.signal.length, rms, 4);
        double[] x = s.signal.clone();
        for (int i = 0; i < x.length; i++) {
            x[i] += noise[i];
        }
        assertThat(new VfDetector(fs).detect(x)).isEmpty();
        assertThat(new VfDetector(fs).detect(noise)).as("noise alone").isEmpty();
    }

    @Test
    void aBriefSineLikeArtefactIsNotVf() {
        // a 1.7 s, 5 Hz burst several times the QRS size (a loose electrode, a tremor): sine-like, but it does not
        // fill the analysis windows, and it is too short to be judged
        double fs = 360;
        SyntheticEcg s = SyntheticEcg.generate(fs, 60, 2, 0.05, 0, 0.01);
        double[] x = s.signal.clone();
        for (int i = (int) (30 * fs); i < (int) (31.7 * fs); i++) {
            x[i] += 2 * Math.sin(2 * Math.PI * 5 * i / fs);
        }
        assertThat(new VfDetector(fs).detect(x)).isEmpty();
    }

    @Test
    void flatShortAndConstantSignalsGiveNoEpisodeAndNoError() {
        VfDetector d = new VfDetector(250);
        assertThat(d.detect(new double[0])).isEmpty();
        assertThat(d.detect(new double[100])).isEmpty();
        assertThat(d.detect(new double[2500])).isEmpty();
        double[] constant = new double[2500];
        Arrays.fill(constant, 3.2);
        assertThat(d.detect(constant)).isEmpty();
        assertThatThrownBy(() -> new VfDetector(50)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rhythmFlagsVfAndJudgesTheRateWithoutTheIntervalAcrossIt() {
        double fs = 360;
        SyntheticBeats sinus = regular(fs, 60, 0.8, 0.16, 0.38);
        double[] vf = fibrillation(fs, 60, 20, 40, 5);
        double[] x = sinus.leads[0].clone();
        for (int i = 0; i < x.length; i++) {
            double t = i / fs;
            x[i] = t >= 20 && t < 40 ? vf[i] : x[i];
        }
        EcgAnalysis a = EcgAnalyzer.analyze(new double[][] {x}, new String[] {"II"}, fs);
        RhythmAnalysis r = a.rhythm();
        assertThat(r.flags(RhythmAnalysis.Kind.VENTRICULAR_FIBRILLATION_OR_FLUTTER)).singleElement().satisfies(f -> {
            assertThat(f.startS()).isCloseTo(20, within(2.0));
            assertThat(f.endS()).isCloseTo(40, within(2.0));
            assertThat(f.evidence()).contains("dominant frequency", "Hz", "Kuo-Dillman", "Barro");
        });
        assertThat(r.flags().get(0).kind()).isEqualTo(RhythmAnalysis.Kind.VENTRICULAR_FIBRILLATION_OR_FLUTTER);
        assertThat(r.has(RhythmAnalysis.Kind.PAUSE)).as("the gap over VF is no pause").isFalse();
        assertThat(r.has(RhythmAnalysis.Kind.BRADYCARDIA)).as("the gap over VF does not lower the rate").isFalse();
        assertThat(r.meanHeartRate()).isCloseTo(75, within(1.0));
        HeartRateVariability.Result hrv = a.heartRate().orElseThrow();
        assertThat(hrv.heartRate()).isCloseTo(75, within(1.0));
        assertThat(hrv.sdnn()).isLessThan(0.01);
        assertThat(hrv.rmssd()).isLessThan(0.01);
    }

    @Test
    void anEcgThatIsAllVfHasTheFlagAndNoRate() {
        double fs = 250;
        EcgAnalysis a = EcgAnalyzer.analyze(new double[][] {fibrillation(fs, 10, 0, 10, 9)}, new String[] {"II"}, fs);
        assertThat(a.beats().count()).isZero();
        assertThat(a.heartRate()).isEmpty();
        assertThat(a.rhythm().has(RhythmAnalysis.Kind.VENTRICULAR_FIBRILLATION_OR_FLUTTER)).isTrue();
        assertThat(a.rhythm().has(RhythmAnalysis.Kind.INSUFFICIENT_BEATS)).isTrue();
        assertThat(a.rhythm().meanHeartRate()).isNaN();
    }

    @Test
    void rrIntervalsAcrossVfAreLeftOutOfHrv() {
        int[] beats = {0, 360, 720, 1080, 9000, 9360, 9720};
        List<VfDetector.Episode> vf = List.of(new VfDetector.Episode(1500, 8500, 5, 0.2));
        double[][] runs = HeartRateVariability.rrIntervals(beats, 360, vf);
        assertThat(runs).hasNumberOfRows(2);
        assertThat(runs[0]).hasSize(3);
        assertThat(runs[1]).hasSize(2);
        assertThat(HeartRateVariability.count(runs)).isEqualTo(5);
        HeartRateVariability.Result r = HeartRateVariability.of(runs);
        assertThat(r.meanRr()).isCloseTo(1.0, within(1e-12));
        assertThat(r.rmssd()).isZero();
        assertThat(HeartRateVariability.rrIntervals(beats, 360, List.of())).hasDimensions(1, 6);
    }
}
