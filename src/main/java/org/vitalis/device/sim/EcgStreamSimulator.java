package org.vitalis.device.sim;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.vitalis.device.transport.ByteTransport;

/**
 * An AD8232 board on an Arduino printing one ADC count per line (CR LF, as {@code Serial.println} ends lines) at
 * 250 Hz. The ECG is a sum of Gaussian P, Q, R, S and T waves per beat, the approach of McSharry et al., "A dynamical
 * model for generating synthetic electrocardiogram signals", IEEE TBME 50(3), 2003, with lead II amplitudes.
 */
public final class EcgStreamSimulator extends Simulator {
    /** Wave centre (s from the R peak), amplitude (mV) and width (s): P, Q, R, S, T. */
    private static final double[][] WAVES = {
        {-0.17, 0.15, 0.025}, {-0.03, -0.12, 0.01}, {0, 1.2, 0.012}, {0.03, -0.25, 0.012}, {0.28, 0.3, 0.05}};

    private final BeatClock beats;
    private final double rateHz;
    private final double countsPerMillivolt;
    private final int baseline;

    public EcgStreamSimulator(ByteTransport out, double heartRateBpm) {
        this(out, heartRateBpm, 250, new BigDecimal("341"), 512, 1);
    }

    public EcgStreamSimulator(ByteTransport out, double heartRateBpm, double rateHz, BigDecimal countsPerMillivolt,
            int baseline, long seed) {
        super(out, seed);
        this.beats = new BeatClock(heartRateBpm, random());
        this.rateHz = rateHz;
        this.countsPerMillivolt = countsPerMillivolt.doubleValue();
        this.baseline = baseline;
    }

    @Override
    public double unitRateHz() {
        return rateHz;
    }

    @Override
    public String deviceName() {
        return "AD8232 ECG board";
    }

    /** The noise-free ECG in mV at {@code t}, given the R peaks around it. */
    double millivolts(double t) {
        double mv = 0;
        for (double r : new double[] {beats.previousBeat(), beats.lastBeat(), beats.nextBeat()}) {
            if (Double.isInfinite(r)) {
                continue;
            }
            for (double[] w : WAVES) {
                mv += w[1] * BeatClock.gauss(t - r, w[0], w[2]);
            }
        }
        return mv;
    }

    @Override
    protected byte[] unit(long index, double t) {
        // R peaks are placed a beat ahead, so the P wave before the next R is drawn in time.
        beats.advance(t + 0.5);
        double mv = millivolts(t) + 0.01 * random().nextGaussian();
        long count = Math.round(baseline + mv * countsPerMillivolt);
        return (count + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    protected byte[] garbage(int length, Random random) {
        return Radical7Simulator.highBytes(length, random);
    }
}
