package org.vitalis.device.driver;

import java.time.Instant;
import java.util.Arrays;

/**
 * Gathers samples of one channel into chunks of about a tenth of a second, so listeners get ~10 calls a second. A
 * buffer made with a scale also keeps each sample's device count (see {@link WaveformChunk#counts()}).
 */
final class WaveformBuffer {
    private final String deviceId;
    private final String channel;
    private final double rateHz;
    private final String unit;
    private final double[] samples;
    private final int[] counts;
    private final double countsPerUnit;
    private final int baseline;
    private int n;
    private Instant first;

    WaveformBuffer(String deviceId, String channel, double rateHz, String unit) {
        this(deviceId, channel, rateHz, unit, false, 0, 0);
    }

    /** A buffer of samples whose device counts are kept: value = (count - baseline) / countsPerUnit. */
    static WaveformBuffer withCounts(String deviceId, String channel, double rateHz, String unit, double countsPerUnit,
            int baseline) {
        return new WaveformBuffer(deviceId, channel, rateHz, unit, true, countsPerUnit, baseline);
    }

    private WaveformBuffer(String deviceId, String channel, double rateHz, String unit, boolean keepCounts,
            double countsPerUnit, int baseline) {
        this.deviceId = deviceId;
        this.channel = channel;
        this.rateHz = rateHz;
        this.unit = unit;
        this.samples = new double[Math.max(1, (int) Math.round(rateHz / 10))];
        this.counts = keepCounts ? new int[samples.length] : null;
        this.countsPerUnit = countsPerUnit;
        this.baseline = baseline;
    }

    void add(double value, Instant at, ProtocolSession.Sink sink) {
        if (counts != null) {
            throw new IllegalStateException("channel " + channel + " keeps device counts; add them with the value");
        }
        append(value, 0, at, sink);
    }

    void addCount(int count, Instant at, ProtocolSession.Sink sink) {
        if (counts == null) {
            throw new IllegalStateException("channel " + channel + " has no scale for device counts");
        }
        append((count - baseline) / countsPerUnit, count, at, sink);
    }

    private void append(double value, int count, Instant at, ProtocolSession.Sink sink) {
        if (n == 0) {
            first = at;
        }
        if (counts != null) {
            counts[n] = count;
        }
        samples[n++] = value;
        if (n == samples.length) {
            flush(sink);
        }
    }

    void flush(ProtocolSession.Sink sink) {
        if (n > 0) {
            sink.waveform(new WaveformChunk(deviceId, channel, rateHz, first, Arrays.copyOf(samples, n), unit,
                    counts == null ? null : Arrays.copyOf(counts, n), countsPerUnit, baseline));
            n = 0;
        }
    }
}
