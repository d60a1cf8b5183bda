package org.vitalis.ui.intake;

/**
 * The last few seconds of one device's waveform. Driver threads append, the screen's animation reads a copy; a
 * ring buffer keeps memory fixed however long the device streams.
 */
public final class Waveform {
    private final double[] ring;
    private int next;
    private int filled;
    private String channel = "";
    private double sampleRateHz;

    public Waveform(int capacity) {
        ring = new double[capacity];
    }

    public synchronized void append(String channel, double sampleRateHz, double[] values) {
        this.channel = channel;
        this.sampleRateHz = sampleRateHz;
        for (double v : values) {
            ring[next] = v;
            next = (next + 1) % ring.length;
            filled = Math.min(ring.length, filled + 1);
        }
    }

    /** The samples in arrival order, oldest first. */
    public synchronized double[] samples() {
        double[] out = new double[filled];
        int start = (next - filled + ring.length) % ring.length;
        for (int i = 0; i < filled; i++) {
            out[i] = ring[(start + i) % ring.length];
        }
        return out;
    }

    public synchronized String channel() {
        return channel;
    }

    public synchronized double sampleRateHz() {
        return sampleRateHz;
    }
}
