package org.vitalis.device.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitalis.device.codec.OpenBciCytonDecoder;
import org.vitalis.device.codec.OpenBciCytonEncoder;
import org.vitalis.device.transport.ByteTransport;

/**
 * An OpenBCI Cyton wired as an 8-channel electrocardiograph (leads I, II, V1-V6), as the board behaves: it idles
 * until the host sends {@code b}, then sends 250 packets a second; {@code s} stops it and {@code v} resets it, which
 * prints the firmware's banner ending in {@code $$$} (OpenBCI "Cyton SDK"). Each lead is a sum of Gaussian P, Q, R, S
 * and T waves per beat (McSharry et al., IEEE TBME 50(3), 2003) with amplitudes of a normal adult 12-lead ECG.
 */
public final class CytonEcgSimulator extends Simulator {
    private static final Logger LOG = LoggerFactory.getLogger(CytonEcgSimulator.class);
    /** Wave centre and width (s from the R peak) of P, Q, R, S and T, as in {@link EcgStreamSimulator}. */
    private static final double[][] TIMING = {{-0.17, 0.025}, {-0.03, 0.01}, {0, 0.012}, {0.03, 0.012}, {0.28, 0.05}};
    /**
     * P, Q, R, S, T amplitudes in mV for I, II, V1-V6: R growing across the precordium from an rS complex in V1 to
     * a qR in V5-V6 (normal R-wave progression), upright T waves except a small one in V1.
     */
    private static final double[][] AMPLITUDES = {
        {0.08, -0.05, 0.70, -0.10, 0.20},
        {0.15, -0.10, 1.20, -0.25, 0.30},
        {0.06, 0.00, 0.25, -0.90, 0.05},
        {0.08, 0.00, 0.50, -1.30, 0.35},
        {0.08, -0.02, 0.90, -0.80, 0.40},
        {0.08, -0.05, 1.40, -0.40, 0.40},
        {0.08, -0.08, 1.30, -0.20, 0.30},
        {0.08, -0.08, 1.00, -0.10, 0.25}};
    private static final String BANNER = "OpenBCI V3 8-16 channel\nOn Board ADS1299 Device ID: 0x3E\n"
            + "LIS3DH Device ID: 0x33\nFirmware: v3.1.2\n$$$";

    private final ByteTransport port;
    private final BeatClock beats;
    private final double countsPerMillivolt = 1000 / OpenBciCytonDecoder.microvoltsPerCount(OpenBciCytonDecoder.DEFAULT_GAIN);
    private volatile boolean streaming;
    private volatile boolean bannerDue;
    private volatile boolean closed;
    private Thread commands;

    public CytonEcgSimulator(ByteTransport port, double heartRateBpm, long seed) {
        super(port, seed);
        this.port = port;
        this.beats = new BeatClock(heartRateBpm, random());
    }

    /** Streams from the start, as a board another program already started does. */
    public CytonEcgSimulator streaming() {
        streaming = true;
        return this;
    }

    /** Starts listening for the host's commands; call before {@link #start()}. */
    public CytonEcgSimulator listenForCommands() {
        commands = Thread.ofPlatform().daemon().name("sim-cyton-commands").start(this::readCommands);
        return this;
    }

    public boolean isStreaming() {
        return streaming;
    }

    @Override
    public double unitRateHz() {
        return 250;
    }

    @Override
    public String deviceName() {
        return "OpenBCI Cyton ECG (I, II, V1-V6)";
    }

    /** Lead {@code lead} (0 = I ... 7 = V6) in mV at {@code t}, noise-free. */
    double millivolts(int lead, double t) {
        double mv = 0;
        for (double r : new double[] {beats.previousBeat(), beats.lastBeat(), beats.nextBeat()}) {
            if (Double.isInfinite(r)) {
                continue;
            }
            for (int w = 0; w < TIMING.length; w++) {
                mv += AMPLITUDES[lead][w] * BeatClock.gauss(t - r, TIMING[w][0], TIMING[w][1]);
            }
        }
        return mv;
    }

    @Override
    protected byte[] unit(long index, double t) {
        if (bannerDue) {
            bannerDue = false;
            return BANNER.getBytes(StandardCharsets.US_ASCII);
        }
        if (!streaming) {
            return new byte[0];
        }
        beats.advance(t + 0.5);
        // Breathing moves the baseline of every lead a little, as on a real patient.
        double wander = 0.04 * Math.sin(2 * Math.PI * t / 4.0);
        int[] counts = new int[AMPLITUDES.length];
        for (int lead = 0; lead < counts.length; lead++) {
            double mv = millivolts(lead, t) + wander + 0.01 * random().nextGaussian();
            counts[lead] = (int) Math.round(mv * countsPerMillivolt);
        }
        return OpenBciCytonEncoder.encode((int) (index % 256), counts);
    }

    private void readCommands() {
        byte[] buf = new byte[64];
        while (!closed) {
            try {
                int n = port.read(buf, 0, buf.length, Duration.ofMillis(200));
                if (n < 0) {
                    return;
                }
                for (int i = 0; i < n; i++) {
                    switch (buf[i]) {
                        case 'b' -> streaming = true;
                        case 's' -> streaming = false;
                        case 'v' -> {
                            streaming = false;
                            bannerDue = true;
                        }
                        default -> { }
                    }
                }
            } catch (IOException e) {
                LOG.debug("Cyton simulator stopped reading commands: {}", e.getMessage());
                return;
            }
        }
    }

    @Override
    protected byte[] garbage(int length, Random random) {
        // Bytes that are never a packet header.
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) random.nextInt(0xA0);
        }
        return b;
    }

    @Override
    protected void closed() {
        closed = true;
        Thread t = commands;
        if (t != null) {
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
