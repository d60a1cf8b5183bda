package org.vitalis.device.driver;

import org.vitalis.device.codec.StreamDecoder;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.vitalis.device.codec.AsciiEcgDecoder;
import org.vitalis.device.transport.SerialSettings;

/**
 * A one-sample-per-line ASCII ECG stream (see {@link AsciiEcgDecoder}): a single lead in mV as a waveform. The
 * stream carries no rate or gain, so they are part of the device's configuration.
 */
public final class AsciiEcgProtocol implements DeviceProtocol {
    public static final String NAME = "ascii-ecg";
    /** An AD8232 board on an Arduino's 10-bit ADC at 3.3 V: gain 1100 gives 1.1 V per mV, i.e. 341 counts. */
    public static final BigDecimal AD8232_COUNTS_PER_MV = new BigDecimal("341");
    public static final int AD8232_BASELINE = 512;

    private final double rateHz;
    private final BigDecimal countsPerMillivolt;
    private final int baseline;

    public AsciiEcgProtocol(double rateHz, BigDecimal countsPerMillivolt, int baseline) {
        // Validates the parameters the same way the decoder will.
        new AsciiEcgDecoder(rateHz, countsPerMillivolt, baseline);
        this.rateHz = rateHz;
        this.countsPerMillivolt = countsPerMillivolt;
        this.baseline = baseline;
    }

    /** 250 Hz, 341 counts per mV, baseline 512: the usual AD8232 + Arduino sketch. */
    public static AsciiEcgProtocol ad8232() {
        return new AsciiEcgProtocol(250, AD8232_COUNTS_PER_MV, AD8232_BASELINE);
    }

    public double rateHz() {
        return rateHz;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SerialSettings serialSettings() {
        return SerialSettings.of8N1(115200);
    }

    @Override
    public ProtocolSession newSession(String deviceId, Duration readingInterval) {
        AsciiEcgDecoder decoder = new AsciiEcgDecoder(rateHz, countsPerMillivolt, baseline);
        WaveformBuffer wave = WaveformBuffer.withCounts(deviceId, "ECG", rateHz, "mV",
                countsPerMillivolt.doubleValue(), baseline);
        return new ProtocolSession() {
            @Override
            public void accept(byte[] chunk, int offset, int length, Instant receivedAt, Sink sink) {
                for (AsciiEcgDecoder.Sample s : decoder.feed(chunk, offset, length)) {
                    wave.addCount(s.count(), receivedAt, sink);
                }
            }

            @Override
            public void endOfStream(Sink sink) {
                decoder.finish();
                wave.flush(sink);
            }

            @Override
            public StreamDecoder<?> decoder() {
                return decoder;
            }
        };
    }
}
