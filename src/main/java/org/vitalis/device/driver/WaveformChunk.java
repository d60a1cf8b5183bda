package org.vitalis.device.driver;

import java.time.Instant;

/**
 * Consecutive samples of one channel (pleth, ECG lead) for live display. {@code firstSample} is the arrival time
 * of the first sample; the others follow at {@code sampleRateHz}. {@code unit} is UCUM ("mV"; "1" for pleth, whose
 * scale is the device's own).
 */
public record WaveformChunk(String deviceId, String channel, double sampleRateHz, Instant firstSample,
        double[] values, String unit) {
}
