package org.vitalis.device.driver;

import java.time.Instant;

/**
 * A snapshot of one device for the device list. {@code message} is plain words for the user (null when all is
 * well); {@code gapSince} is the time of the last byte received before the stream broke, while it is broken;
 * {@code battery} (%) and {@code signal} (the device's own scale, e.g. CMS50 0-15) are null where the device does not
 * report them; {@code dropped} counts readings and waveform chunks a slow listener did not take in time.
 */
public record DeviceStatus(String deviceId, DeviceState state, String message, Instant at, Instant lastReading,
        Instant gapSince, long framesDecoded, long bytesSkipped, long resynchronisations, long dropped,
        Integer battery, Integer signal) {
}
