package org.vitalis.device.driver;

import java.time.Instant;

/** No data came from {@code from} (the last byte before the stream broke) to {@code to} (the reconnection). */
public record DeviceGap(String deviceId, Instant from, Instant to) {
}
