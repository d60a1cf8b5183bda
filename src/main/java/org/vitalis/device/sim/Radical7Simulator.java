package org.vitalis.device.sim;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import org.vitalis.device.transport.ByteTransport;

/**
 * A Masimo Radical-7 in "ASCII 1" serial mode: one line a second (format: see
 * {@link org.vitalis.device.codec.MasimoRadical7Decoder}), with SpCO and SpMet unlicensed (dashes) as on most units.
 */
public final class Radical7Simulator extends Simulator {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("MM/dd/yy HH:mm:ss", Locale.ROOT);
    private final LocalDateTime startClock = LocalDateTime.now(ZoneId.systemDefault());
    private final BeatClock beats;
    private final double meanSpo2;

    public Radical7Simulator(ByteTransport out) {
        this(out, 72, 97, 1);
    }

    public Radical7Simulator(ByteTransport out, double pulseBpm, double spo2, long seed) {
        super(out, seed);
        this.beats = new BeatClock(pulseBpm, random());
        this.meanSpo2 = spo2;
    }

    @Override
    public double unitRateHz() {
        return 1;
    }

    @Override
    public String deviceName() {
        return "Masimo Radical-7 pulse CO-oximeter";
    }

    @Override
    protected byte[] unit(long index, double t) {
        beats.advance(t);
        int spo2 = (int) Math.round(Math.min(100, meanSpo2 + 0.8 * Math.sin(2 * Math.PI * t / 60.0)));
        int bpm = (int) Math.round(beats.currentBpm());
        double pi = 1.5 + 0.3 * Math.sin(2 * Math.PI * t / 20.0);
        String line = String.format(Locale.ROOT,
                "%s SN=0000105738 SPO2=%03d%% BPM=%03d PI=%05.2f%% SPCO=--.-%% SPMET=--.-%% DESAT=-- PIDELTA=+-- "
                        + "PVI=--- ALARM=0000 EXC=000000\r\n",
                DATE_TIME.format(startClock.plusNanos((long) (t * 1e9))), spo2, bpm, pi);
        return line.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    protected byte[] garbage(int length, Random random) {
        return highBytes(length, random);
    }

    /** Non-ASCII bytes: the line they fall into is rejected whole, and they hold no line feed to split on. */
    static byte[] highBytes(int length, Random random) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (0x80 + random.nextInt(0x80));
        }
        return b;
    }
}
