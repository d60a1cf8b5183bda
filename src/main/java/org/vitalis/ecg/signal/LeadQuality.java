package org.vitalis.ecg.signal;

import java.util.List;

/**
 * Signal quality of one lead.
 *
 * @param label            the lead's name
 * @param problems         what was found where, in time order
 * @param usableFraction   fraction (0..1) of the recording free of every problem
 * @param noiseRatio       power above 40 Hz over power in the 5-15 Hz QRS band, whole lead (NaN when not computable)
 * @param algorithmVersion identifies the checks
 */
public record LeadQuality(String label, List<Problem> problems, double usableFraction, double noiseRatio,
        String algorithmVersion) {
    public LeadQuality {
        problems = List.copyOf(problems);
    }

    public enum Kind {
        /** Not-a-number or infinite samples: a gap or a decoding fault upstream. */
        INVALID_SAMPLES,
        /** Pinned at an ADC rail or exactly constant: the electrode is off or the channel is not connected. */
        LEADS_OFF,
        /** Almost no variation: no cardiac signal reaches the lead. */
        FLAT_LINE,
        /** Samples at the ADC extremes: the waveform is clipped. */
        SATURATION,
        /** High-frequency power large against the QRS band: muscle or electrode noise. */
        NOISE,
    }

    /** A problem over a time range, seconds from the start. */
    public record Problem(Kind kind, double startS, double endS, String evidence) {
    }

    public boolean has(Kind kind) {
        return problems.stream().anyMatch(p -> p.kind() == kind);
    }

    /** Whether the lead carries enough clean signal to measure on: at least half of it free of problems. */
    public boolean usable() {
        return usableFraction >= 0.5;
    }
}
