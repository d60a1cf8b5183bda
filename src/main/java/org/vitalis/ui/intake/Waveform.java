package org.vitalis.ui.intake;

/**
 * The last few seconds of one device's waveform. Driver threads append, the screen's animation reads a copy; a
 * ring buffer keeps memory fixed however long the device streams.
 */
public final class Waveform {
    /** The lead a rhythm strip shows by convention. */
    private static final String PREFERRED = "II";
    private final double[] ring;
    private int next;
    private int filled;
    private String channel = "";
    private double sampleRateHz;

    public Waveform(int capacity) {
        ring = new double[capacity];
    }

    /**
     * Adds a chunk of one channel. A device with several channels (a 12-lead board) shows one of them, lead II when
     * it sends it, so that leads are never spliced into one trace.
     */
    public synchronized void append(String channel, double sampleRateHz, double[] values) {
        if (!channel.equals(this.channel)) {
            if (!this.channel.isEmpty() && (this.channel.equals(PREFERRED) || !channel.equals(PREFERRED))) {
                return;
            }
            next = 0;
            filled = 0;
        }
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
