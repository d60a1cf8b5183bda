package org.vitalis.device.driver;

import org.vitalis.device.codec.StreamDecoder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.vitalis.device.codec.MasimoRadical7Decoder;
import org.vitalis.device.codec.Quantity;
import org.vitalis.device.transport.SerialSettings;
import org.vitalis.domain.VitalSign;

/**
 * Masimo Radical-7 "ASCII 1" serial output (see {@link MasimoRadical7Decoder} for the manual it follows): SPO2 and
 * BPM become readings. PI, SpCO and the other parameters have no vital-sign code yet and stay in the raw line.
 * Times are those of arrival: the monitor's clock is set by hand and often wrong.
 */
public final class MasimoRadical7Protocol implements DeviceProtocol {
    public static final String NAME = "masimo-radical7";
    private static final int MAX_LINE_BYTES = 1024;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SerialSettings serialSettings() {
        return SerialSettings.of8N1(9600);
    }

    @Override
    public ProtocolSession newSession(String deviceId, Duration readingInterval) {
        return new Session(deviceId, readingInterval);
    }

    private static final class Session implements ProtocolSession {
        private final LineCapture<MasimoRadical7Decoder.Frame> lines =
                new LineCapture<>(new MasimoRadical7Decoder(), MAX_LINE_BYTES);
        private final String deviceId;
        private final ReadingLimiter limiter;

        Session(String deviceId, Duration readingInterval) {
            this.deviceId = deviceId;
            this.limiter = new ReadingLimiter(readingInterval);
        }

        @Override
        public void accept(byte[] chunk, int offset, int length, Instant receivedAt, Sink sink) {
            lines.feed(chunk, offset, length, (f, hex) -> {
                List<Measurement> values = new ArrayList<>(2);
                add(values, f.values().get("SPO2"), VitalSign.SPO2);
                add(values, f.values().get("BPM"), VitalSign.HEART_RATE);
                if (!values.isEmpty() && limiter.admit(values, receivedAt)) {
                    sink.reading(new DeviceReading(deviceId, receivedAt, values, hex));
                }
            });
        }

        private static void add(List<Measurement> values, Quantity q, VitalSign sign) {
            if (q != null && q.value() != null) {
                values.add(new Measurement(sign, q.value(), sign.ucum()));
            }
        }

        @Override
        public void endOfStream(Sink sink) {
            lines.finish();
        }

        @Override

        public StreamDecoder<?> decoder() {

            return lines.decoder();

        }
    }
}
