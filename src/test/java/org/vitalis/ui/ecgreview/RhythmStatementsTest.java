package org.vitalis.ui.ecgreview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vitalis.ecg.signal.EcgAnalysis;
import org.vitalis.ecg.signal.EcgAnalyzer;
import org.vitalis.registry.EcgStatements;
import org.vitalis.ui.common.Messages;

class RhythmStatementsTest {
    /**
     * 20 s of lead II at 250 Hz and {@code bpm}: Gaussian P, Q, R, S, T waves (McSharry et al., IEEE TBME 50(3), 2003),
     * the T wave nearer the R at faster rates as the QT shortens (by √RR, as that model scales its waves), the P wave
     * left out when {@code withP} is false.
     */
    private static double[] beats(double bpm, boolean withP) {
        double fs = 250;
        double t = 0.28 * Math.sqrt(60.0 / bpm / 0.8333);
        double[][] waves = withP ? new double[][] {{-0.17, 0.15, 0.025}, {-0.03, -0.12, 0.01}, {0, 1.2, 0.012},
            {0.03, -0.25, 0.012}, {t, 0.3, 0.05}} : new double[][] {{-0.03, -0.12, 0.01}, {0, 1.2, 0.012},
            {0.03, -0.25, 0.012}, {t, 0.3, 0.05}};
        Random rnd = new Random(7);
        double[] x = new double[(int) (20 * fs)];
        for (int i = 0; i < x.length; i++) {
            double time = i / fs;
            for (double r = 0.4; r < 20.5; r += 60.0 / bpm) {
                for (double[] w : waves) {
                    double z = (time - r - w[0]) / w[2];
                    x[i] += w[1] * Math.exp(-0.5 * z * z);
                }
            }
            x[i] += 0.01 * rnd.nextGaussian();
        }
        return x;
    }

    /** The screen's English words and the report's say the same rhythm, from the one rule. */
    @Test
    void theScreenAndTheReportStateTheSameRhythm() {
        Messages en = new Messages(Locale.ENGLISH, ZoneOffset.UTC);
        record Case(double bpm, boolean withP, EcgStatements.Rhythm rhythm, String words) {
        }
        for (Case c : java.util.List.of(new Case(45, true, EcgStatements.Rhythm.SINUS_BRADYCARDIA, "Sinus bradycardia"),
                new Case(72, true, EcgStatements.Rhythm.SINUS, "Sinus rhythm"),
                new Case(110, true, EcgStatements.Rhythm.SINUS_TACHYCARDIA, "Sinus tachycardia"),
                new Case(72, false, EcgStatements.Rhythm.NO_P_WAVE, "Rhythm"))) {
            EcgAnalysis a = EcgAnalyzer.analyze(new double[][] {beats(c.bpm(), c.withP())}, new String[] {"II"}, 250);
            assertThat(EcgStatements.rhythm(a)).as(c.toString()).isEqualTo(c.rhythm());
            String report = EcgStatements.summary(a).getFirst();
            assertThat(report).as(c.toString()).startsWith(c.words() + " ");
            assertThat(RhythmStatements.of(a, en).getFirst()).as(c.toString()).isEqualTo(report);
        }
    }

    /** 30 s of a wandering 4-6 Hz oscillation, the shape ventricular fibrillation takes on a surface ECG. */
    private static double[] fibrillation(double fs) {
        Random r = new Random(5);
        double[] x = new double[(int) (30 * fs)];
        double phase = 0;
        for (int i = 0; i < x.length; i++) {
            double t = i / fs;
            phase += 2 * Math.PI * (5 + 0.8 * Math.sin(2 * Math.PI * t / 7)) / fs;
            x[i] = (0.4 + 0.15 * Math.sin(2 * Math.PI * t / 3)) * Math.sin(phase) + 0.01 * r.nextGaussian();
        }
        return x;
    }

    @Test
    void fibrillationIsSaidFirstInEitherLanguageAsTheReportSaysIt() {
        EcgAnalysis a = EcgAnalyzer.analyze(new double[][] {fibrillation(250)}, new String[] {"II"}, 250);
        assertThat(EcgStatements.summary(a).getFirst()).startsWith("Ventricular flutter/fibrillation pattern");
        assertThat(RhythmStatements.of(a, new Messages(Locale.ENGLISH, ZoneOffset.UTC)).getFirst())
                .startsWith("Ventricular flutter/fibrillation pattern at ").endsWith("check the patient at once");
        assertThat(RhythmStatements.of(a, new Messages(Locale.forLanguageTag("ar"), ZoneOffset.UTC)).getFirst())
                .startsWith("نمط رجفان/رفرفة بطينية");
    }
}
