package org.vitalis.device.driver;

import java.time.Instant;

/**
 * Consecutive samples of one channel (pleth, ECG lead) for live display. {@code firstSample} is the arrival time
 * of the first sample; the others follow at {@code sampleRateHz}. {@code unit} is UCUM ("mV"; "1" for pleth, whose
 * scale is the device's own).
 *
 * <p>{@code counts} are the device's own integers behind {@code values} ({@code values[i] = (counts[i] - baseline) /
 * countsPerUnit}), or null when the device sends no integers. A recording keeps the counts, not the doubles, so that
 * it stores exactly what the device measured.
 */
public record WaveformChunk(String deviceId, String channel, double sampleRateHz, Instant firstSample,
        double[] values, String unit, int[] counts, double countsPerUnit, int baseline) {

    public WaveformChunk {
        if (counts != null && counts.length != values.length) {
            throw new IllegalArgumentException("a chunk has " + values.length + " values but " + counts.length
                    + " counts");
        }
    }

    /** A chunk of values with no device integers behind them. */
    public WaveformChunk(String deviceId, String channel, double sampleRateHz, Instant firstSample, double[] values,
            String unit) {
        this(deviceId, channel, sampleRateHz, firstSample, values, unit, null, 0, 0);
    }

    public boolean hasCounts() {
        return counts != null;
    }
}
