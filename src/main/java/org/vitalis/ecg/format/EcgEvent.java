package org.vitalis.ecg.format;

import java.util.Objects;

/** A time-stamped text annotation: onset and duration in seconds from the start of the recording. */
public record EcgEvent(double onsetSeconds, double durationSeconds, String text) {
    public EcgEvent {
        Objects.requireNonNull(text);
        if (!Double.isFinite(onsetSeconds) || !(durationSeconds >= 0) || Double.isInfinite(durationSeconds)) {
            throw new IllegalArgumentException("Event \"" + text + "\" has onset " + onsetSeconds + " s and duration "
                    + durationSeconds + " s");
        }
    }
}
