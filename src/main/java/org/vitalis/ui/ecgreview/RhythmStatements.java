package org.vitalis.ui.ecgreview;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.vitalis.ecg.signal.EcgAnalysis;
import org.vitalis.ecg.signal.RhythmAnalysis;
import org.vitalis.ecg.signal.RhythmAnalysis.Kind;
import org.vitalis.registry.EcgStatements;
import org.vitalis.ui.common.Messages;
import org.vitalis.ui.ecg.EcgText;

/**
 * The rhythm statements of {@link EcgStatements} in the user's language: the same rule ({@link EcgStatements#rhythm}),
 * worded from the bundles, so the screen says in Arabic what the report says in English.
 */
final class RhythmStatements {
    private RhythmStatements() {
    }

    static List<String> of(EcgAnalysis a, Messages m) {
        RhythmAnalysis r = a.rhythm();
        OptionalInt rate = EcgStatements.heartRate(a);
        List<String> out = new ArrayList<>();
        // Ventricular flutter/fibrillation comes first, whatever else is found: it is the one that cannot wait.
        List<RhythmAnalysis.Flag> vf = r.flags(Kind.VENTRICULAR_FIBRILLATION_OR_FLUTTER);
        for (RhythmAnalysis.Flag f : vf) {
            out.add(m.get("ecgreview.rhythm.VENTRICULAR_FIBRILLATION_OR_FLUTTER", EcgText.decimal(f.startS(), m),
                    m.number(Math.round(f.endS() - f.startS()))));
        }
        EcgStatements.Rhythm rhythm = EcgStatements.rhythm(a);
        if (rhythm == EcgStatements.Rhythm.INSUFFICIENT) {
            out.add(m.get("ecgreview.rhythm.insufficient", m.number(r.beats()), m.number(Math.round(a.durationS()))));
            return out;
        }
        String key = switch (rhythm) {
            case IRREGULAR -> "irregular";
            case SINUS_BRADYCARDIA -> "sinusBradycardia";
            case BRADYCARDIA -> "bradycardia";
            case SINUS_TACHYCARDIA -> "sinusTachycardia";
            case TACHYCARDIA -> "tachycardia";
            case SINUS -> "sinus";
            case NO_P_WAVE -> "noP";
            case INSUFFICIENT -> throw new IllegalStateException("handled above");
        };
        out.add(m.get("ecgreview.rhythm." + key, m.number(rate.getAsInt())));
        for (RhythmAnalysis.Flag f : r.flags()) {
            if (f.kind() == Kind.PAUSE || f.kind() == Kind.PREMATURE_BEAT) {
                out.add(m.get("ecgreview.rhythm." + f.kind().name(), EcgText.decimal(f.startS(), m)));
            }
        }
        return out;
    }
}
