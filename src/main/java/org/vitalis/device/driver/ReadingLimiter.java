package org.vitalis.device.driver;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Lets a numeric reading through when its values changed (at most once per {@code minInterval}) or a second has
 * passed: an oximeter repeats SpO2 and pulse rate in each of its 60 frames a second, and a screen or chart needs
 * only the changes, while a steady value still shows the device is alive.
 */
final class ReadingLimiter {
    private static final Duration HEARTBEAT = Duration.ofSeconds(1);
    private final Duration minInterval;
    private List<Measurement> last;
    private Instant lastAt;

    ReadingLimiter(Duration minInterval) {
        this.minInterval = minInterval;
    }

    boolean admit(List<Measurement> values, Instant now) {
        boolean due = lastAt == null || !now.isBefore(lastAt.plus(HEARTBEAT))
                || (!values.equals(last) && !now.isBefore(lastAt.plus(minInterval)));
        if (due) {
            last = values;
            lastAt = now;
        }
        return due;
    }
}
