package org.vitalis.ui.ecg;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.vitalis.device.driver.WaveformChunk;

/**
 * Waveform chunks as a driver delivers them: every channel chunked at the same samples, round by round in a fixed
 * channel order, all chunks of a round stamped with the arrival of their first sample. Counts encode the sample
 * number and the channel, so a test can tell exactly which sample ended up where.
 */
final class Chunks {
    final String deviceId;
    final List<String> channels;
    final double rate;
    final int chunk;
    final double countsPerMv;
    long next;
    Instant clock = Instant.parse("2025-03-01T08:00:00Z");

    Chunks(String deviceId, List<String> channels, double rate, int chunk, double countsPerMv) {
        this.deviceId = deviceId;
        this.channels = channels;
        this.rate = rate;
        this.chunk = chunk;
        this.countsPerMv = countsPerMv;
    }

    /** The count channel {@code c} holds at sample {@code i}: unique per sample and channel. */
    static int count(long i, int c) {
        return (int) (i * 16 + c);
    }

    /** The next round: one chunk per channel, the arrival time advanced by the chunk's duration. */
    List<WaveformChunk> round() {
        return round(true);
    }

    /** A round; {@code newRead} false stamps it with the previous round's time, as when one read holds both. */
    List<WaveformChunk> round(boolean newRead) {
        if (newRead) {
            clock = clock.plusNanos(Math.round(chunk / rate * 1e9));
        }
        List<WaveformChunk> out = new ArrayList<>();
        for (int c = 0; c < channels.size(); c++) {
            int[] counts = new int[chunk];
            double[] values = new double[chunk];
            for (int k = 0; k < chunk; k++) {
                counts[k] = count(next + k, c);
                values[k] = counts[k] / countsPerMv;
            }
            out.add(new WaveformChunk(deviceId, channels.get(c), rate, clock, values, "mV", counts, countsPerMv, 0));
        }
        next += chunk;
        return out;
    }

    static long sampleOf(int count) {
        return Math.floorDiv(count, 16);
    }
}
