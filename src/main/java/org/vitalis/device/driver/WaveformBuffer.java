package org.vitalis.device.driver;

import java.time.Instant;
import java.util.Arrays;

/** Gathers samples of one channel into chunks of about a tenth of a second, so listeners get ~10 calls a second. */
final class WaveformBuffer {
    private final String deviceId;
    private final String channel;
    private final double rateHz;
    private final String unit;
    private final double[] samples;
    private int n;
    private Instant first;

    WaveformBuffer(String deviceId, String channel, double rateHz, String unit) {
        this.deviceId = deviceId;
        this.channel = channel;
        this.rateHz = rateHz;
        this.unit = unit;
        this.samples = new double[Math.max(1, (int) Math.round(rateHz / 10))];
    }

    void add(double value, Instant at, ProtocolSession.Sink sink) {
        if (n == 0) {
            first = at;
        }
        samples[n++] = value;
        if (n == samples.length) {
            flush(sink);
        }
    }

    void flush(ProtocolSession.Sink sink) {
        if (n > 0) {
            sink.waveform(new WaveformChunk(deviceId, channel, rateHz, first, Arrays.copyOf(samples, n), unit));
            n = 0;
        }
    }
}
