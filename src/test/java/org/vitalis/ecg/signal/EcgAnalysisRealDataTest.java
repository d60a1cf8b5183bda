package org.vitalis.ecg.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vitalis.ecg.SharedData;
import org.vitalis.ecg.format.Annotation;
import org.vitalis.ecg.format.MitAnnotations;
import org.vitalis.ecg.format.WfdbRecord;

/**
 * The whole analysis on real recordings from ../shared/data (skipped when absent). Neither record carries reference
 * intervals, so the assertions are physiological ranges, reasoned per record below.
 */
class EcgAnalysisRealDataTest {

    static EcgAnalysis analyze(Path dir, String name, int leads) throws IOException {
        WfdbRecord r = WfdbRecord.read(dir, name);
        int k = Math.min(leads, r.header().signals().size());
        double[][] x = new double[k][];
        String[] labels = new String[k];
        for (int i = 0; i < k; i++) {
            x[i] = r.physical(i);
            labels[i] = r.header().signals().get(i).description();
        }
        return EcgAnalyzer.analyze(x, labels, r.samplingFrequency());
    }

    /**
     * MIT-BIH 100 (first minute): normal sinus rhythm at about 74 /min in a 69-year-old man, so the normal adult ranges
     * apply: PR 120-200 ms, QRS 60-120 ms, QTc 350-460 ms (AHA/ACCF/HRS 2009 part IV, Rautaharju et al., for the QTc
     * limit); measured PR 176, QRS 81, QT 356, QTc Bazett 394 ms.
     */
    @Test
    void mitBih100sIsNormal() throws IOException {
        EcgAnalysis a = analyze(SharedData.require("ecg-formats/wfdb-100s"), "100s", 2);
        Intervals iv = a.intervals();
        assertThat(a.beats().count()).isBetween(73, 76);
        assertThat(a.rhythm().flags()).isEmpty();
        assertThat(iv.pWavePresent()).isTrue();
        assertThat(iv.prMs()).isBetween(120.0, 200.0);
        assertThat(iv.qrsMs()).isBetween(60.0, 120.0);
        assertThat(iv.qtcBazettMs()).isBetween(350.0, 460.0);
        assertThat(iv.qtcFridericiaMs()).isBetween(350.0, 460.0);
        assertThat(a.quality()).allMatch(q -> q.problems().isEmpty());
    }

    /** Linear interpolation, after a zero-phase anti-alias low-pass at 0.4 of the new rate when downsampling. */
    static double[] resample(double[] x, double from, double to) {
        double[] src = x;
        if (to < from) {
            src = new double[x.length];
            Biquad.lowPass(0.4 * to, from).filtfilt(x, src);
        }
        int n = (int) Math.floor((x.length - 1) * to / from) + 1;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double p = i * from / to;
            int j = (int) p;
            double f = p - j;
            y[i] = j + 1 < src.length ? src[j] * (1 - f) + src[j + 1] * f : src[j];
        }
        return y;
    }

    /**
     * The same minute of record 100 resampled to 250, 500 and 1000 Hz gives the same intervals within 8 ms (two
     * samples at 250 Hz, and within the IEC 60601-2-25 ±10 ms for PR and QRS).
     */
    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {250, 500, 1000})
    void mitBih100sIntervalsDoNotDependOnTheSamplingRate(double rate) throws IOException {
        Path dir = SharedData.require("ecg-formats/wfdb-100s");
        WfdbRecord r = WfdbRecord.read(dir, "100s");
        Intervals at360 = analyze(dir, "100s", 2).intervals();
        double fs = r.samplingFrequency();
        double[][] x = {resample(r.physical(0), fs, rate), resample(r.physical(1), fs, rate)};
        Intervals iv = EcgAnalyzer.analyze(x, new String[] {"MLII", "V5"}, rate).intervals();
        assertThat(iv.prMs()).as("PR %s vs %s", iv, at360).isCloseTo(at360.prMs(), org.assertj.core.api.Assertions.within(8.0));
        assertThat(iv.qrsMs()).as("QRS %s vs %s", iv, at360).isCloseTo(at360.qrsMs(), org.assertj.core.api.Assertions.within(8.0));
        assertThat(iv.qtMs()).as("QT %s vs %s", iv, at360).isCloseTo(at360.qtMs(), org.assertj.core.api.Assertions.within(8.0));
    }

    /**
     * PTB s0010_re: an 81-year-old woman four days after an acute infero-lateral infarction (header), in sinus rhythm
     * at about 82 /min. Her QRS is not normal: V1 shows an rsR' complex and the limb leads a terminal slur, a
     * right-bundle-branch-block pattern, so QRS is expected at or above 120 ms and QT lengthened by it; the ranges are
     * widened accordingly (QRS 110-150 ms, QT 400-480 ms, QTc Bazett 460-540 ms). Measured with 12 leads: PR 150,
     * QRS 135, QT 444, QTc Bazett 518, Fridericia 492 ms.
     */
    @Test
    void ptbS0010WithTwelveLeads() throws IOException {
        Path dir = SharedData.require("ecg-formats/ptbdb-12lead");
        EcgAnalysis a = analyze(dir, "s0010_re", 12);
        Intervals iv = a.intervals();
        assertThat(a.beats().count()).isBetween(51, 53);
        assertThat(a.rhythm().flags()).isEmpty();
        assertThat(iv.pWavePresent()).isTrue();
        assertThat(iv.prMs()).isBetween(120.0, 200.0);
        assertThat(iv.qrsMs()).isBetween(110.0, 150.0);
        assertThat(iv.qtMs()).isBetween(400.0, 480.0);
        assertThat(iv.qtcBazettMs()).isBetween(460.0, 540.0);
        assertThat(a.quality()).allMatch(LeadQuality::usable);
        // the Frank leads add no new boundary: the 15-lead measurement agrees within the IEC 60601-2-25 tolerances
        Intervals all = analyze(dir, "s0010_re", 15).intervals();
        assertThat(Math.abs(all.prMs() - iv.prMs())).isLessThan(10);
        assertThat(Math.abs(all.qrsMs() - iv.qrsMs())).isLessThan(10);
        assertThat(Math.abs(all.qtMs() - iv.qtMs())).isLessThan(25);
    }

    /** Seconds of the record inside the reference's "(AFIB" rhythm episodes, and how many of them were flagged. */
    static int[] afSeconds(Path dir, String record, EcgAnalysis a) throws IOException {
        double fs = a.samplingFrequency();
        int secs = (int) a.durationS();
        boolean[] ref = new boolean[secs + 1];
        String rhythm = "";
        long from = 0;
        List<Annotation> anns = MitAnnotations.read(dir.resolve(record + ".atr"));
        for (Annotation x : anns) {
            if (x.aux() != null && x.aux().startsWith("(")) {
                mark(ref, rhythm, from, x.sample(), fs);
                rhythm = x.aux().trim();
                from = x.sample();
            }
        }
        mark(ref, rhythm, from, (long) (secs * fs), fs);
        boolean[] flagged = new boolean[secs + 1];
        for (RhythmAnalysis.Flag f : a.rhythm().flags(RhythmAnalysis.Kind.IRREGULARLY_IRREGULAR)) {
            for (int s = (int) f.startS(); s < f.endS() && s <= secs; s++) {
                flagged[s] = true;
            }
        }
        int inAf = 0;
        int hit = 0;
        int outside = 0;
        for (int s = 0; s <= secs; s++) {
            inAf += ref[s] ? 1 : 0;
            hit += ref[s] && flagged[s] ? 1 : 0;
            outside += !ref[s] && flagged[s] ? 1 : 0;
        }
        return new int[] {inAf, hit, outside};
    }

    private static void mark(boolean[] ref, String rhythm, long from, long to, double fs) {
        if (rhythm.equals("(AFIB")) {
            for (long s = (long) (from / fs); s < to / fs && s < ref.length; s++) {
                ref[(int) s] = true;
            }
        }
    }

    /**
     * 201 and 203 hold atrial fibrillation per their "(AFIB" rhythm annotations (measured with vitalis-rhythm/1.1: 604
     * of 609 and 1415 of 1474 s flagged; outside fibrillation 161 and 222 s flagged, in stretches of nodal rhythm and
     * sinus rhythm next to fibrillation, atrial flutter and ventricular tachycardia, where 1.0 flagged 300 and 242 s).
     * Outside fibrillation, less than four of the thirty minutes may be flagged.
     */
    @ParameterizedTest(name = "record {0}")
    @ValueSource(strings = {"201", "203"})
    void flagsAnnotatedAtrialFibrillation(String record) throws IOException {
        Path dir = SharedData.require("mitdb-ds1");
        EcgAnalysis a = analyze(dir, record, 2);
        int[] s = afSeconds(dir, record, a);
        assertThat(s[0]).isPositive();
        assertThat(s[1] / (double) s[0]).as("AF seconds flagged in %s: %d of %d", record, s[1], s[0]).isGreaterThanOrEqualTo(0.9);
        assertThat(s[2]).as("seconds flagged outside AF in %s", record).isLessThan(240);
    }

    /**
     * Ventricular bigeminy and trigeminy (119), frequent ectopy in sinus rhythm (106, 108), sinus rhythm with few
     * ectopics (109, 115) and sinus rhythm with almost half its beats ventricular ectopic or fusion beats, many in
     * couplets (208: 992 V and 373 F among 2955 beats; its RR intervals alone look irregularly irregular, its QRS
     * shapes tell the ectopics apart) are not fibrillation.
     */
    @ParameterizedTest(name = "record {0}")
    @ValueSource(strings = {"119", "106", "108", "109", "115", "208"})
    void regularRhythmsWithEctopyAreNotCalledFibrillation(String record) throws IOException {
        EcgAnalysis a = analyze(SharedData.require("mitdb-ds1"), record, 2);
        assertThat(a.rhythm().has(RhythmAnalysis.Kind.IRREGULARLY_IRREGULAR)).isFalse();
        if (record.equals("119")) {
            assertThat(a.rhythm().flags(RhythmAnalysis.Kind.PREMATURE_BEAT).size()).isGreaterThan(200);
        }
    }
}
