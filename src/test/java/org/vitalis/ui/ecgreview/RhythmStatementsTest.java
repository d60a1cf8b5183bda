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
