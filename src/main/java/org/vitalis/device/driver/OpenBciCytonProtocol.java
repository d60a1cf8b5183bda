package org.vitalis.device.driver;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitalis.device.codec.OpenBciCytonDecoder;
import org.vitalis.device.codec.StreamDecoder;
import org.vitalis.device.transport.SerialSettings;

/**
 * An OpenBCI Cyton board wired as an electrocardiograph: its eight channels carry leads I, II and V1-V6, the eight
 * independent leads of a 12-lead ECG from which a cart derives III, aVR, aVL and aVF. The board idles after power-up
 * and streams 250 packets a second only after the host sends {@code b} (OpenBCI "Cyton SDK", "Stream Data
 * Commands"), so the session sends it each time the port opens. Each lead is a waveform in mV that keeps the
 * ADS1299 counts, so a recording stores exactly what the board measured.
 */
public final class OpenBciCytonProtocol implements DeviceProtocol {
    public static final String NAME = "openbci-cyton";
    /** The Cyton's default output rate (Cyton SDK, "Sample Rate"). */
    public static final double RATE_HZ = 250;
    /** Channel N+1 of the board carries lead N of this list. */
    public static final List<String> ECG_LEADS = List.of("I", "II", "V1", "V2", "V3", "V4", "V5", "V6");
    private static final byte[] START_STREAMING = "b".getBytes(StandardCharsets.US_ASCII);
    private static final Logger LOG = LoggerFactory.getLogger(OpenBciCytonProtocol.class);

    @Override
    public String name() {
        return NAME;
    }

    /** The Cyton's USB dongle runs at 115200 baud, 8N1 (Cyton SDK, "Serial Port"). */
    @Override
    public SerialSettings serialSettings() {
        return SerialSettings.of8N1(115200);
    }

    @Override
    public ProtocolSession newSession(String deviceId, Duration readingInterval) {
        return new Session(deviceId);
    }

    private static final class Session implements ProtocolSession {
        private final OpenBciCytonDecoder decoder = new OpenBciCytonDecoder();
        private final WaveformBuffer[] leads = new WaveformBuffer[ECG_LEADS.size()];
        private final String deviceId;
        private int expectedSampleNumber = -1;
        private long lostPackets;

        Session(String deviceId) {
            this.deviceId = deviceId;
            double countsPerMillivolt = 1000 / OpenBciCytonDecoder.microvoltsPerCount(OpenBciCytonDecoder.DEFAULT_GAIN);
            for (int i = 0; i < leads.length; i++) {
                leads[i] = WaveformBuffer.withCounts(deviceId, ECG_LEADS.get(i), RATE_HZ, "mV", countsPerMillivolt, 0);
            }
        }

        @Override
        public void start(Output out, Instant now) {
            expectedSampleNumber = -1;
            out.write(START_STREAMING);
        }

        @Override
        public void accept(byte[] chunk, int offset, int length, Instant receivedAt, Sink sink) {
            for (OpenBciCytonDecoder.Frame f : decoder.feed(chunk, offset, length)) {
                if (lostBefore(f.sampleNumber())) {
                    for (WaveformBuffer lead : leads) {
                        lead.flush(sink);
                    }
                    sink.gap(new DeviceGap(deviceId, receivedAt, receivedAt));
                }
                for (int i = 0; i < leads.length; i++) {
                    leads[i].addCount(f.counts()[i], receivedAt, sink);
                }
            }
        }

        /** The packet counter runs 0-255; a jump means packets the radio link lost. */
        private boolean lostBefore(int sampleNumber) {
            boolean lost = expectedSampleNumber >= 0 && sampleNumber != expectedSampleNumber;
            if (lost) {
                int n = (sampleNumber - expectedSampleNumber + 256) % 256;
                lostPackets += n;
                LOG.debug("Device {}: {} Cyton packets lost ({} in all)", deviceId, n, lostPackets);
            }
            expectedSampleNumber = (sampleNumber + 1) % 256;
            return lost;
        }

        @Override
        public void endOfStream(Sink sink) {
            decoder.finish();
            for (WaveformBuffer lead : leads) {
                lead.flush(sink);
            }
        }

        @Override
        public StreamDecoder<?> decoder() {
            return decoder;
        }
    }
}
