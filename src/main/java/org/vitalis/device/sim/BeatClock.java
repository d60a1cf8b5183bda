package org.vitalis.device.sim;

import java.util.Random;

/**
 * Beat times of a resting heart: the rate swings a few beats per minute with breathing (respiratory sinus
 * arrhythmia, ~15 breaths a minute) plus a little noise, so simulated pulse and ECG do not look machine-made.
 */
final class BeatClock {
    private final double meanBpm;
    private final Random random;
    private double previousBeat = Double.NEGATIVE_INFINITY;
    private double lastBeat;
    private double nextBeat;
    private long beats;

    BeatClock(double meanBpm, Random random) {
        this.meanBpm = meanBpm;
        this.random = random;
        this.lastBeat = 0;
        this.nextBeat = 60.0 / meanBpm;
    }

    /** Advances to {@code t}; returns true if a beat started since the previous call. */
    boolean advance(double t) {
        boolean beat = false;
        while (t >= nextBeat) {
            previousBeat = lastBeat;
            lastBeat = nextBeat;
            nextBeat = lastBeat + 60.0 / instantBpm(lastBeat);
            beats++;
            beat = true;
        }
        return beat;
    }

    double instantBpm(double t) {
        double bpm = meanBpm + 3 * Math.sin(2 * Math.PI * t / 4.0) + random.nextGaussian();
        return Math.max(30, Math.min(220, bpm));
    }

    double lastBeat() {
        return lastBeat;
    }

    double nextBeat() {
        return nextBeat;
    }

    double previousBeat() {
        return previousBeat;
    }

    /** The rate of the beat now under way, as a monitor would display it. */
    double currentBpm() {
        return 60.0 / (nextBeat - lastBeat);
    }

    long beats() {
        return beats;
    }

    static double gauss(double x, double centre, double width) {
        double z = (x - centre) / width;
        return Math.exp(-0.5 * z * z);
    }
}
