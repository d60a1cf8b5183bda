package org.vitalis.device.driver;

import java.time.Instant;
import java.util.List;

/**
 * Numeric values a device sent, with the time the bytes arrived and the bytes themselves as hex (the raw payload an
 * observation keeps as its source).
 */
public record DeviceReading(String deviceId, Instant time, List<Measurement> values, String rawHex) {
    public DeviceReading {
        values = List.copyOf(values);
    }
}
