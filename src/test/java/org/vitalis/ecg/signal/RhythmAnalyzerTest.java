package org.vitalis.ecg.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vitalis.ecg.signal.RhythmAnalysis.Kind;

class RhythmAnalyzerTest {
    static final double FS = 500;

    /** Beat sample indices from RR intervals in seconds, first beat at 0.5 s. */
    static int[] beats(double[] rr) {
        int[] b = new int[rr.length + 1];
        double t = 0.5;
        b[0] = (int) Math.round(t * FS);
        for (int i = 0; i < rr.length; i++) {
            t += rr[i];
            b[i + 1] = (int) Math.round(t * FS);
        }
        return b;
    }

    /** Sinus-like RR with 3 % respiratory variation around {@code mean}. */
    static double[] sinus(int n, double mean, long seed) {
        Random rnd = new Random(seed);
        double[] rr = new double[n];
        for (int i = 0; i < n; i++) {
            rr[i] = mean * (1 + 0.03 * Math.sin(2 * Math.PI * i / 5.0) + 0.005 * rnd.nextGaussian());
        }
        return rr;
    }

    static RhythmAnalysis analyze(double[] rr) {
        int[] b = beats(rr);
        return RhythmAnalyzer.analyze(b, FS, b[b.length - 1] / FS + 0.5);
    }

    @Test
    void normalSinusRhythmRaisesNoFlag() {
        RhythmAnalysis r = analyze(sinus(200, 0.8, 1));
        assertThat(r.flags()).isEmpty();
        assertThat(r.meanHeartRate()).isCloseTo(75, within(1.0));
        assertThat(r.algorithmVersion()).isEqualTo(RhythmAnalyzer.VERSION);
    }

    @Test
    void rateLimitsFollowTheAhaStatementList() {
        assertThat(analyze(sinus(30, 1.2, 2)).has(Kind.BRADYCARDIA)).isTrue();
        assertThat(analyze(sinus(30, 0.5, 3)).has(Kind.TACHYCARDIA)).isTrue();
        // 60 and 100 /min themselves are normal: the limits are strict (< 60, > 100)
        double[] sixty = new double[12];
        java.util.Arrays.fill(sixty, 1.0);
        assertThat(analyze(sixty).flags()).isEmpty();
        double[] hundred = new double[12];
        java.util.Arrays.fill(hundred, 0.6);
        assertThat(analyze(hundred).flags()).isEmpty();
    }

    @Test
    void randomRrSuggestsAtrialFibrillation() {
        Random rnd = new Random(4);
        double[] rr = new double[150];
        for (int i = 0; i < rr.length; i++) {
            rr[i] = 0.45 + 0.6 * rnd.nextDouble();
        }
        RhythmAnalysis r = analyze(rr);
        assertThat(r.flags(Kind.IRREGULARLY_IRREGULAR)).hasSize(1);
        assertThat(r.flags(Kind.IRREGULARLY_IRREGULAR).get(0).evidence()).contains("suggesting atrial fibrillation");
        assertThat(r.has(Kind.PREMATURE_BEAT)).as("no premature beats inside fibrillation").isFalse();
    }

    @Test
    void tenSecondsOfFibrillationAreEnough() {
        Random rnd = new Random(5);
        double[] rr = new double[14];
        for (int i = 0; i < rr.length; i++) {
            rr[i] = 0.4 + 0.6 * rnd.nextDouble();
        }
        assertThat(analyze(rr).has(Kind.IRREGULARLY_IRREGULAR)).isTrue();
    }

    @Test
    void fibrillationEpisodeIsLocatedInTime() {
        Random rnd = new Random(6);
        double[] rr = sinus(400, 0.8, 6);
        for (int i = 150; i < 280; i++) {
            rr[i] = 0.4 + 0.7 * rnd.nextDouble();
        }
        var af = analyze(rr).flags(Kind.IRREGULARLY_IRREGULAR);
        assertThat(af).hasSize(1);
        double start = 0.5 + java.util.Arrays.stream(rr, 0, 150).sum();
        double end = 0.5 + java.util.Arrays.stream(rr, 0, 280).sum();
        // windows of 128 intervals (about 100 s here) hop by a quarter, and an interval is in the episode when half the
        // windows over it are irregular, so the edges are known to within about a quarter window
        assertThat(af.get(0).startS()).isBetween(start - 30, start + 30);
        assertThat(af.get(0).endS()).isBetween(end - 30, end + 30);
    }

    @Test
    void bigeminyIsPrematureBeatsNotFibrillation() {
        double[] rr = new double[200];
        for (int i = 0; i < rr.length; i++) {
            rr[i] = i % 2 == 0 ? 0.8 : 0.5;
        }
        // a sinus run first, so the local rhythm is known before the ectopy starts
        double[] lead = sinus(20, 0.8, 7);
        double[] all = new double[lead.length + rr.length];
        System.arraycopy(lead, 0, all, 0, lead.length);
        System.arraycopy(rr, 0, all, lead.length, rr.length);
        RhythmAnalysis r = analyze(all);
        assertThat(r.has(Kind.IRREGULARLY_IRREGULAR)).isFalse();
        assertThat(r.has(Kind.PREMATURE_BEAT)).isTrue();
    }

    /**
     * Sinus rhythm at 75 /min in which almost half the beats are ventricular ectopic or fusion beats at odd times,
     * from 18 % early to 15 % late, none the 20 % early that marks a premature beat: the RR intervals look irregularly
     * irregular (as in MIT-BIH 208), but the beats with the usual QRS keep the sinus rhythm.
     */
    static double[] sinusWithEctopics(int n, boolean[] ectopic, long seed) {
        Random rnd = new Random(seed);
        double[] times = new double[n];
        double t = 0.5;
        for (int i = 0; i < n; i++) {
            double sinus = t + 0.8 * (1 + 0.02 * Math.sin(2 * Math.PI * i / 5.0));
            ectopic[i] = i > 10 && rnd.nextDouble() < 0.45;
            times[i] = ectopic[i] ? sinus - 0.8 * (0.33 * rnd.nextDouble() - 0.15) : sinus;
            t = sinus;
        }
        double[] rr = new double[n - 1];
        for (int i = 0; i < rr.length; i++) {
            rr[i] = times[i + 1] - times[i];
        }
        return rr;
    }

    @Test
    void ventricularEctopicsAtOddTimesAreNotFibrillationOnceTheirShapeIsKnown() {
        boolean[] ectopic = new boolean[400];
        int[] b = beats(sinusWithEctopics(400, ectopic, 11));
        double duration = b[b.length - 1] / FS + 0.5;
        // the beat times alone are irregular enough to suggest fibrillation
        assertThat(RhythmAnalyzer.analyze(b, FS, duration).has(Kind.IRREGULARLY_IRREGULAR)).isTrue();
        int[] shapes = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            shapes[i] = ectopic[i] ? 7 : 2;
        }
        assertThat(RhythmAnalyzer.analyze(b, FS, duration, null, shapes).has(Kind.IRREGULARLY_IRREGULAR)).isFalse();
    }

    @Test
    void fibrillationWithVentricularEctopicsIsStillFibrillation() {
        Random rnd = new Random(12);
        double[] rr = new double[300];
        for (int i = 0; i < rr.length; i++) {
            rr[i] = 0.45 + 0.6 * rnd.nextDouble();
        }
        int[] b = beats(rr);
        int[] shapes = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            shapes[i] = rnd.nextDouble() < 0.15 ? 1 + rnd.nextInt(3) : 0;
        }
        shapes[0] = QrsShapes.UNKNOWN;
        RhythmAnalysis r = RhythmAnalyzer.analyze(b, FS, b[b.length - 1] / FS + 0.5, null, shapes);
        assertThat(r.flags(Kind.IRREGULARLY_IRREGULAR)).hasSize(1);
        assertThat(r.flags(Kind.IRREGULARLY_IRREGULAR).get(0).startS()).isLessThan(1);
        assertThatThrownBy(() -> RhythmAnalyzer.analyze(b, FS, 1, null, new int[3]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isolatedPrematureBeatsAreFoundWithTheirTimes() {
        double[] rr = sinus(60, 0.8, 8);
        // a ventricular premature beat with a full compensatory pause at interval 20, an atrial one resetting at 40
        rr[20] = 0.5;
        rr[21] = 1.1;
        rr[40] = 0.55;
        rr[41] = 0.85;
        RhythmAnalysis r = analyze(rr);
        var pb = r.flags(Kind.PREMATURE_BEAT);
        assertThat(pb).hasSize(2);
        int[] b = beats(rr);
        assertThat(pb.get(0).startS()).isCloseTo(b[21] / FS, within(1e-9));
        assertThat(pb.get(1).startS()).isCloseTo(b[41] / FS, within(1e-9));
        assertThat(pb.get(0).evidence()).contains("coupling 500 ms");
        assertThat(r.has(Kind.IRREGULARLY_IRREGULAR)).isFalse();
    }

    @Test
    void aCoupletIsTwoPrematureBeatsAndThreeInARowAreNot() {
        double[] rr = sinus(60, 0.8, 10);
        rr[20] = 0.5;
        rr[21] = 0.45;
        rr[22] = 1.2;
        rr[40] = 0.5;
        rr[41] = 0.45;
        rr[42] = 0.45;
        rr[43] = 1.2;
        var pb = analyze(rr).flags(Kind.PREMATURE_BEAT);
        int[] b = beats(rr);
        assertThat(pb).extracting(RhythmAnalysis.Flag::startS).containsExactly(b[21] / FS, b[22] / FS);
        assertThat(pb.get(0).evidence()).startsWith("couplet");
    }

    @Test
    void aSustainedRiseInRateIsNotPrematureBeats() {
        double[] rr = new double[60];
        for (int i = 0; i < rr.length; i++) {
            rr[i] = i < 30 ? 0.9 : 0.6;
        }
        assertThat(analyze(rr).has(Kind.PREMATURE_BEAT)).isFalse();
    }

    @Test
    void pausesOverTwoSecondsAreReportedWithTheirTimes() {
        double[] rr = sinus(30, 0.8, 9);
        rr[10] = 2.6;
        rr[20] = 1.9;
        var p = analyze(rr).flags(Kind.PAUSE);
        assertThat(p).hasSize(1);
        int[] b = beats(rr);
        assertThat(p.get(0).startS()).isCloseTo(b[10] / FS, within(1e-9));
        assertThat(p.get(0).endS()).isCloseTo(b[11] / FS, within(1e-9));
        assertThat(p.get(0).evidence()).contains("2.60 s");
    }

    @Test
    void noOrOneBeatSaysSoInsteadOfThrowing() {
        RhythmAnalysis none = RhythmAnalyzer.analyze(new int[0], FS, 10);
        assertThat(none.flags()).extracting(RhythmAnalysis.Flag::kind).containsExactly(Kind.INSUFFICIENT_BEATS);
        assertThat(none.meanHeartRate()).isNaN();
        assertThat(none.flags().get(0).evidence()).contains("0 beats in 10.0 s");
        assertThat(RhythmAnalyzer.analyze(new int[] {100}, FS, 2).has(Kind.INSUFFICIENT_BEATS)).isTrue();
        // two beats give a rate but nothing about regularity
        RhythmAnalysis two = RhythmAnalyzer.analyze(new int[] {100, 700}, FS, 2);
        assertThat(two.meanHeartRate()).isCloseTo(50, within(1e-9));
        assertThat(two.flags()).extracting(RhythmAnalysis.Flag::kind).containsExactly(Kind.BRADYCARDIA);
    }

    @Test
    void dashStatisticsMatchTheirDefinitions() {
        // strictly alternating RR: every inner point is a turning point
        double[] alt = new double[32];
        for (int i = 0; i < alt.length; i++) {
            alt[i] = i % 2 == 0 ? 0.7 : 0.9;
        }
        RhythmAnalyzer.Statistics s = RhythmAnalyzer.statistics(alt, 0, alt.length);
        assertThat(s.tpr()).isCloseTo(30 / 32.0, within(1e-12));
        assertThat(s.tpr()).isGreaterThan(s.tprHigh());
        // two equal-sized clusters: entropy log 2 / log 16 = 0.25
        assertThat(s.shannon()).isCloseTo(0.25, within(1e-9));
        double[] flat = new double[32];
        java.util.Arrays.fill(flat, 0.8);
        RhythmAnalyzer.Statistics f = RhythmAnalyzer.statistics(flat, 0, flat.length);
        assertThat(f.nRmssd()).isZero();
        assertThat(f.shannon()).isZero();
        assertThat(f.suggestsAf()).isFalse();
    }
}
