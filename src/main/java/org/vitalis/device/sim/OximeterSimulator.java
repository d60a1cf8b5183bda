package org.vitalis.device.sim;

import java.util.Random;
import org.vitalis.device.codec.ContecCms50Encoder;
import org.vitalis.device.transport.ByteTransport;

/**
 * A Contec CMS50D+ sending live data: 5-byte frames at 60 Hz (protocol: see
 * {@link org.vitalis.device.codec.ContecCms50Decoder}). The pleth has a systolic peak and a dicrotic notch per beat,
 * the pulse rate follows a breathing-modulated heart, SpO2 drifts slowly around 97 %.
 */
public final class OximeterSimulator extends Simulator {
    private final BeatClock beats;
    private final double meanSpo2;
    private int shownPulse;
    private int signalStrength = 6;

    public OximeterSimulator(ByteTransport out) {
        this(out, 72, 97, 1);
    }

    public OximeterSimulator(ByteTransport out, double pulseBpm, double spo2, long seed) {
        super(out, seed);
        this.beats = new BeatClock(pulseBpm, random());
        this.meanSpo2 = spo2;
        this.shownPulse = (int) Math.round(pulseBpm);
    }

    @Override
    public double unitRateHz() {
        return 60;
    }

    @Override
    public String deviceName() {
        return "Contec CMS50D+ pulse oximeter";
    }

    /** Signal strength 0-15 the frames report (the oximeter's perfusion bar). */
    public OximeterSimulator signalStrength(int s) {
        signalStrength = s;
        return this;
    }

    @Override
    protected byte[] unit(long index, double t) {
        boolean beat = beats.advance(t);
        if (beat) {
            // The oximeter updates its displayed rate once per beat.
            shownPulse = (int) Math.round(beats.currentBpm());
        }
        double phase = (t - beats.lastBeat()) / (beats.nextBeat() - beats.lastBeat());
        double shape = BeatClock.gauss(phase, 0.22, 0.08) + 0.35 * BeatClock.gauss(phase, 0.52, 0.09);
        int pleth = clamp((int) Math.round(15 + 95 * shape), 0, 127);
        // Slow drift over a minute plus a rare one-point flicker, as a real reading wanders.
        int spo2 = clamp((int) Math.round(meanSpo2 + 0.8 * Math.sin(2 * Math.PI * t / 60.0)
                + (random().nextInt(600) == 0 ? 1 : 0)), 0, 100);
        return ContecCms50Encoder.encode(signalStrength, beat, false, false, pleth, pleth * 15 / 127, false, false,
                clamp(shownPulse, 0, 254), spo2);
    }

    @Override
    protected byte[] garbage(int length, Random random) {
        // Bytes without the sync bit: a receiver out of step sees exactly these, and no frame can start in them.
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) random.nextInt(0x80);
        }
        return b;
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
