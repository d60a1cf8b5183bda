package org.vitalis.vision.camera;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock a test moves by hand. */
final class TestClock implements InstantSource {
    private Instant now = Instant.parse("2026-03-01T09:00:00Z");

    @Override
    public Instant instant() {
        return now;
    }

    TestClock advance(long millis) {
        now = now.plus(Duration.ofMillis(millis));
        return this;
    }
}
