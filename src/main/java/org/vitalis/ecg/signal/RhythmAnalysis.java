package org.vitalis.ecg.signal;

import java.util.List;

/**
 * Rhythm statements derived from the beat times: decision support for a clinician, never a diagnosis.
 *
 * @param beats            number of beats analysed
 * @param meanHeartRate    beats per minute from the mean RR interval, NaN with fewer than two beats
 * @param flags            what was found, in order of kind then time
 * @param algorithmVersion identifies the rules, stored with the result
 */
public record RhythmAnalysis(int beats, double meanHeartRate, List<Flag> flags, String algorithmVersion) {
    public RhythmAnalysis {
        flags = List.copyOf(flags);
    }

    /** The kinds of statement. */
    public enum Kind {
        /**
         * Ventricular flutter or fibrillation: a fast sine-like oscillation with no QRS complexes, an emergency. Listed
         * first, as the statement that matters most; its stretch has no beats, and no interval across it is an RR
         * interval.
         */
        VENTRICULAR_FIBRILLATION_OR_FLUTTER,
        /** Fewer beats than any rate or rhythm statement needs; the other flags are then absent, not negative. */
        INSUFFICIENT_BEATS,
        /** Mean rate below 60 /min: the rate criterion of sinus bradycardia (sinus origin needs P waves, see intervals). */
        BRADYCARDIA,
        /** Mean rate above 100 /min: the rate criterion of sinus tachycardia. */
        TACHYCARDIA,
        /** Irregularly irregular RR intervals suggesting atrial fibrillation. */
        IRREGULARLY_IRREGULAR,
        /** An RR interval longer than 2 s. */
        PAUSE,
        /** A beat earlier than the local rhythm predicts, followed by a longer interval. */
        PREMATURE_BEAT,
    }

    /**
     * One statement.
     *
     * @param kind     what
     * @param startS   where it starts, seconds from the start of the recording
     * @param endS     where it ends (equal to start for a single beat)
     * @param evidence the numbers behind it, in words a clinician can check
     */
    public record Flag(Kind kind, double startS, double endS, String evidence) {
    }

    public boolean has(Kind kind) {
        return flags.stream().anyMatch(f -> f.kind() == kind);
    }

    public List<Flag> flags(Kind kind) {
        return flags.stream().filter(f -> f.kind() == kind).toList();
    }
}
