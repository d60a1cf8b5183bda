package org.vitalis.device.driver;

import org.vitalis.device.codec.StreamDecoder;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.vitalis.device.codec.ContecCms50Decoder;
import org.vitalis.device.codec.ContecCms50Encoder;
import org.vitalis.device.transport.SerialSettings;
import org.vitalis.domain.VitalSign;

/**
 * Contec CMS50D+/CMS50E live data (see {@link ContecCms50Decoder} for the protocol source): SpO2 and pulse rate as
 * readings, the pleth as a 60 Hz waveform, the signal strength (0-15) in the status.
 */
public final class ContecCms50Protocol implements DeviceProtocol {
    public static final String NAME = "contec-cms50";
    /** Frames per second the oximeter sends, per the protocol document. */
    public static final double FRAME_RATE_HZ = 60;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SerialSettings serialSettings() {
        return new SerialSettings(19200, 8, SerialSettings.Parity.ODD, SerialSettings.StopBits.ONE,
                SerialSettings.FlowControl.NONE);
    }

    @Override
    public ProtocolSession newSession(String deviceId, Duration readingInterval) {
        return new Session(deviceId, readingInterval);
    }

    private static final class Session implements ProtocolSession {
        private final ContecCms50Decoder decoder = new ContecCms50Decoder();
        private final String deviceId;
        private final ReadingLimiter limiter;
        private final WaveformBuffer pleth;
        private Integer signal;

        Session(String deviceId, Duration readingInterval) {
            this.deviceId = deviceId;
            this.limiter = new ReadingLimiter(readingInterval);
            this.pleth = new WaveformBuffer(deviceId, "pleth", FRAME_RATE_HZ, "1");
        }

        @Override
        public void accept(byte[] chunk, int offset, int length, Instant receivedAt, Sink sink) {
            for (ContecCms50Decoder.Frame f : decoder.feed(chunk, offset, length)) {
                signal = f.signalStrength();
                pleth.add(f.pleth(), receivedAt, sink);
                // While the probe is off or still searching, the numbers in the frame are not a measurement.
                if (f.probeError() || f.searching()) {
                    continue;
                }
                List<Measurement> values = new ArrayList<>(2);
                if (f.spo2() != null) {
                    values.add(new Measurement(VitalSign.SPO2, BigDecimal.valueOf(f.spo2()), VitalSign.SPO2.ucum()));
                }
                if (f.pulseRate() != null) {
                    values.add(new Measurement(VitalSign.HEART_RATE, BigDecimal.valueOf(f.pulseRate()),
                            VitalSign.HEART_RATE.ucum()));
                }
                if (!values.isEmpty() && limiter.admit(values, receivedAt)) {
                    // Every bit of the frame is in the decoded record, so re-encoding gives back the bytes received.
                    sink.reading(new DeviceReading(deviceId, receivedAt, values,
                            HexFormat.of().withUpperCase().formatHex(ContecCms50Encoder.encode(f))));
                }
            }
        }

        @Override
        public void endOfStream(Sink sink) {
            decoder.finish();
            pleth.flush(sink);
        }

        @Override

        public StreamDecoder<?> decoder() {

            return decoder;

        }

        @Override
        public Integer signal() {
            return signal;
        }
    }
}
