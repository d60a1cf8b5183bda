package org.vitalis.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vitalis.ecg.format.EcgLead;
import org.vitalis.ecg.format.EcgRecord;
import org.vitalis.ecg.signal.EcgAnalysis;
import org.vitalis.ecg.signal.EcgAnalyzer;
import org.vitalis.ecg.signal.RhythmAnalysis;

/** The stored form of an analysis: content survives the round trip, and damaged text is refused with a sentence. */
class EcgAnalysisJsonTest {

    /** A normal 12-lead; a flat, unplugged lead (no beats, nothing measured, NaN everywhere); a noisy pause. */
    static List<EcgAnalysis> analyses() {
        List<EcgAnalysis> out = new ArrayList<>();
        out.add(EcgRecordingService.analyze(SyntheticEcgs.twelveLead("n", Instant.EPOCH, 1)));
        out.add(EcgAnalyzer.analyze(new double[][] {new double[2500]}, new String[] {"II"}, 250));
        Random rnd = new Random(3);
        double[] noisy = new double[500 * 12];
        for (int i = 0; i < noisy.length; i++) {
            double t = i / 500.0;
            // beats at 0.5, 1.3, 2.1 s, then a 3 s pause, then 5.9, 6.7 ... s
            double beat = 0;
            for (double r : new double[] {0.5, 1.3, 2.1, 5.1, 5.9, 6.7, 7.5, 8.3, 9.1, 9.9, 10.7, 11.5}) {
                double z = (t - r) / 0.012;
                beat += 1.2 * Math.exp(-0.5 * z * z);
            }
            noisy[i] = beat + (t > 8 ? 0.4 * rnd.nextGaussian() : 0.01 * rnd.nextGaussian());
        }
        out.add(EcgAnalyzer.analyze(new double[][] {noisy, new double[noisy.length]}, new String[] {"II", "V1"}, 500));
        out.add(EcgAnalyzer.analyze(new double[][] {sinusFibrillationSinus(250)}, new String[] {"II"}, 250));
        return out;
    }

    /** Beats at 75 /min, then 20 s of a wandering 5 Hz sine-like oscillation (VF-like), then beats again. */
    static double[] sinusFibrillationSinus(double fs) {
        double[] x = new double[(int) (60 * fs)];
        double phase = 0;
        for (int i = 0; i < x.length; i++) {
            double t = i / fs;
            phase += 2 * Math.PI * (5 + 0.5 * Math.sin(2 * Math.PI * 0.2 * t)) / fs;
            if (t >= 20 && t < 40) {
                x[i] = (0.5 + 0.2 * Math.sin(2 * Math.PI * 0.3 * t)) * Math.sin(phase);
            } else {
                double z = (t % 0.8 - 0.4) / 0.012;
                x[i] = 1.2 * Math.exp(-0.5 * z * z);
            }
        }
        return x;
    }

    @Test
    void everyPartOfTheAnalysisSurvivesTheRoundTrip() {
        List<EcgAnalysis> all = analyses();
        assertThat(all.get(1).heartRate()).isEmpty();
        assertThat(all.get(1).detectionLead()).isEqualTo(-1);
        assertThat(all.get(1).rhythm().has(RhythmAnalysis.Kind.INSUFFICIENT_BEATS)).isTrue();
        assertThat(all.get(2).quality().stream().mapToInt(q -> q.problems().size()).sum()).isPositive();
        assertThat(all.get(2).rhythm().flags()).isNotEmpty();
        for (EcgAnalysis a : all) {
            EcgAnalysis back = EcgAnalysisJson.read(EcgAnalysisJson.write(a));
            assertThat(back).usingRecursiveComparison()
                    .withEqualsForType(Double::equals, Double.class).isEqualTo(a);
            assertThat(back.beats().beats()).isEqualTo(a.beats().beats());
            assertThat(back.algorithmVersion()).isEqualTo(a.algorithmVersion());
        }
    }

    @Test
    void statementsSayWhatTheAnalysisFound() {
        List<EcgAnalysis> all = analyses();
        assertThat(EcgStatements.summary(all.get(0))).containsExactly("Sinus rhythm 72/min");
        assertThat(EcgStatements.summary(all.get(1))).singleElement().asString()
                .startsWith("Too few beats for a rate or rhythm statement");
        assertThat(EcgStatements.summary(all.get(2))).anyMatch(s -> s.matches("\\d+ pauses? longer than 2 s"));
        assertThat(EcgStatements.label(RhythmAnalysis.Kind.IRREGULARLY_IRREGULAR))
                .isEqualTo("irregularly irregular rhythm suggesting atrial fibrillation");
        List<String> vf = EcgStatements.summary(all.get(3));
        assertThat(vf.get(0)).matches("Ventricular flutter/fibrillation pattern, (19|20|21) s \u2014 check the patient at once");
        assertThat(vf.get(1)).matches("Rhythm 7[4-7]/min, no P wave found");
        assertThat(EcgStatements.label(RhythmAnalysis.Kind.VENTRICULAR_FIBRILLATION_OR_FLUTTER))
                .isEqualTo("ventricular flutter/fibrillation pattern");
    }

    @Test
    void ventricularFibrillationSurvivesTheRoundTripAndOlderTextWithoutItReadsAsNone() {
        EcgAnalysis a = analyses().get(3);
        assertThat(a.beats().ventricularFibrillation()).hasSize(1);
        assertThat(EcgAnalysisJson.read(EcgAnalysisJson.write(a)).beats().ventricularFibrillation())
                .isEqualTo(a.beats().ventricularFibrillation());
        String older = EcgAnalysisJson.write(analyses().get(0)).replace(",\"ventricularFibrillation\":[]", "");
        assertThat(older).doesNotContain("ventricularFibrillation");
        assertThat(EcgAnalysisJson.read(older).beats().ventricularFibrillation()).isEmpty();
    }

    @Test
    void damagedTextIsRefusedWithASentence() {
        String good = EcgAnalysisJson.write(analyses().get(0));
        assertThatThrownBy(() -> EcgAnalysisJson.read("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EcgAnalysisJson.read(good.substring(0, good.length() / 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not readable JSON");
        assertThatThrownBy(() -> EcgAnalysisJson.read(good.replace("\"format\":1", "\"format\":9")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format 9");
        assertThatThrownBy(() -> EcgAnalysisJson.read(good.replace("\"rhythm\"", "\"rhythmus\"")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rhythm is missing");
    }

    /**
     * Seeds plus seeded random mutations (Jazzer cannot instrument Java 25 classes): every mutant reads or is refused
     * with IllegalArgumentException, never anything else.
     */
    @Test
    void fuzzedStoredTextReadsOrIsRefusedAsDocumented() {
        Random rnd = new Random(20261124);
        String syntax = "{}[]\":,-.0123456789eEnulltruefalseNaN";
        int read = 0;
        for (EcgAnalysis a : analyses()) {
            byte[] seed = EcgAnalysisJson.write(a).getBytes(StandardCharsets.UTF_8);
            for (int k = 0; k < 1500; k++) {
                byte[] m = seed.clone();
                for (int e = rnd.nextInt(4); e >= 0 && m.length > 1; e--) {
                    int at = rnd.nextInt(m.length);
                    switch (rnd.nextInt(3)) {
                        case 0 -> m[at] = (byte) rnd.nextInt(256);
                        case 1 -> m[at] = (byte) syntax.charAt(rnd.nextInt(syntax.length()));
                        default -> {
                            int len = Math.min(m.length - at, 1 + rnd.nextInt(24));
                            byte[] d = Arrays.copyOf(m, m.length - len);
                            System.arraycopy(m, at + len, d, at, m.length - at - len);
                            m = d;
                        }
                    }
                }
                try {
                    EcgAnalysisJson.read(new String(m, StandardCharsets.UTF_8));
                    read++;
                } catch (IllegalArgumentException expected) {
                    assertThat(expected.getMessage()).startsWith("The stored ECG analysis");
                }
            }
        }
        // Mutants inside strings and numbers still read: the mutations reach past the JSON syntax check.
        assertThat(read).isGreaterThan(50);
    }
}
