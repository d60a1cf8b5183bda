package org.vitalis.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.vitalis.ecg.signal.EcgAnalysis;
import org.vitalis.ecg.signal.RhythmAnalysis;
import org.vitalis.ecg.signal.RhythmAnalysis.Kind;
import org.vitalis.ecg.signal.RhythmAnalyzer;

/**
 * The rhythm analysis in words, one place for the command line's report and the screens. Statements are decision
 * support, never a diagnosis; "sinus" is said only where the median beat has a P wave (sinus origin needs one), and
 * atrial fibrillation only as a suggestion, since the analyser sees RR intervals and the median beat, not every P
 * wave. A ventricular flutter/fibrillation pattern is a "pattern", for the same reason, but it comes first and asks
 * for the patient to be checked at once: if it is real, minutes count.
 */
public final class EcgStatements {
    private EcgStatements() {
    }

    /** The name of a kind of rhythm flag, lower case, as in a list of flags ("premature beat"). */
    public static String label(Kind kind) {
        return switch (kind) {
            case VENTRICULAR_FIBRILLATION_OR_FLUTTER -> "ventricular flutter/fibrillation pattern";
            case INSUFFICIENT_BEATS -> "insufficient beats";
            case BRADYCARDIA -> "bradycardia";
            case TACHYCARDIA -> "tachycardia";
            case IRREGULARLY_IRREGULAR -> "irregularly irregular rhythm suggesting atrial fibrillation";
            case PAUSE -> "pause";
            case PREMATURE_BEAT -> "premature beat";
        };
    }

    /** The rhythm statement that applies, whatever the language it is said in. */
    public enum Rhythm {
        /** Too few beats for a rate or a rhythm. */
        INSUFFICIENT,
        IRREGULAR,
        SINUS_BRADYCARDIA,
        BRADYCARDIA,
        SINUS_TACHYCARDIA,
        TACHYCARDIA,
        SINUS,
        /** A regular rate in range, but the median beat has no P wave, so no sinus origin is claimed. */
        NO_P_WAVE
    }

    /**
     * The one rule both the report's English and the screens' bundles word: an irregularly irregular rhythm first
     * (as a suggestion of atrial fibrillation), then bradycardia, tachycardia or a rate in range, each "sinus" only
     * where the median beat has a P wave.
     */
    public static Rhythm rhythm(EcgAnalysis a) {
        RhythmAnalysis r = a.rhythm();
        if (r.has(Kind.INSUFFICIENT_BEATS) || heartRate(a).isEmpty()) {
            return Rhythm.INSUFFICIENT;
        }
        boolean p = a.intervals().pWavePresent();
        if (r.has(Kind.IRREGULARLY_IRREGULAR)) {
            return Rhythm.IRREGULAR;
        } else if (r.has(Kind.BRADYCARDIA)) {
            return p ? Rhythm.SINUS_BRADYCARDIA : Rhythm.BRADYCARDIA;
        } else if (r.has(Kind.TACHYCARDIA)) {
            return p ? Rhythm.SINUS_TACHYCARDIA : Rhythm.TACHYCARDIA;
        }
        return p ? Rhythm.SINUS : Rhythm.NO_P_WAVE;
    }

    /** Mean rate, /min, rounded; empty when too few beats were found for a rate. */
    public static OptionalInt heartRate(EcgAnalysis a) {
        double rate = a.rhythm().meanHeartRate();
        return Double.isFinite(rate) ? OptionalInt.of((int) Math.round(rate)) : OptionalInt.empty();
    }

    /**
     * Short sentences: a ventricular flutter/fibrillation pattern first, as the emergency it is; then rhythm and rate
     * ("Sinus rhythm 72/min", over the beats outside any such pattern), then pauses and premature beats with their
     * counts.
     */
    public static List<String> summary(EcgAnalysis a) {
        RhythmAnalysis r = a.rhythm();
        OptionalInt rate = heartRate(a);
        List<String> out = new ArrayList<>();
        List<RhythmAnalysis.Flag> vf = r.flags(Kind.VENTRICULAR_FIBRILLATION_OR_FLUTTER);
        if (!vf.isEmpty()) {
            double seconds = vf.stream().mapToDouble(f -> f.endS() - f.startS()).sum();
            out.add(String.format(Locale.ROOT, "Ventricular flutter/fibrillation pattern, %.0f s%s \u2014 check the patient "
                    + "at once", seconds, vf.size() == 1 ? "" : " in " + vf.size() + " episodes"));
        }
        Rhythm rhythm = rhythm(a);
        if (rhythm == Rhythm.INSUFFICIENT) {
            out.add(String.format(Locale.ROOT, "Too few beats for a rate or rhythm statement (%d in %.0f s)",
                    r.beats(), a.durationS()));
            return out;
        }
        int bpm = rate.getAsInt();
        out.add(switch (rhythm) {
            case IRREGULAR -> "Irregularly irregular rhythm suggesting atrial fibrillation, " + bpm + "/min";
            case SINUS_BRADYCARDIA -> "Sinus bradycardia " + bpm + "/min";
            case BRADYCARDIA -> "Bradycardia " + bpm + "/min, no P wave found";
            case SINUS_TACHYCARDIA -> "Sinus tachycardia " + bpm + "/min";
            case TACHYCARDIA -> "Tachycardia " + bpm + "/min, no P wave found";
            case SINUS -> "Sinus rhythm " + bpm + "/min";
            case NO_P_WAVE -> "Rhythm " + bpm + "/min, no P wave found";
            case INSUFFICIENT -> throw new IllegalStateException("handled above");
        });
        int pauses = r.flags(Kind.PAUSE).size();
        if (pauses > 0) {
            out.add(pauses + (pauses == 1 ? " pause" : " pauses") + String.format(Locale.ROOT, " longer than %.0f s",
                    RhythmAnalyzer.PAUSE_S));
        }
        int premature = r.flags(Kind.PREMATURE_BEAT).size();
        if (premature > 0) {
            out.add(premature + (premature == 1 ? " premature beat" : " premature beats"));
        }
        return out;
    }
}
