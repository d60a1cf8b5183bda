package org.vitalis.device.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vitalis.device.driver.Recorder.await;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.vitalis.device.codec.ContecCms50Decoder;
import org.vitalis.device.codec.MasimoRadical7Decoder;
import org.vitalis.device.sim.EcgStreamSimulator;
import org.vitalis.device.sim.OximeterSimulator;
import org.vitalis.device.sim.Radical7Simulator;
import org.vitalis.device.transport.ByteTransport;
import org.vitalis.device.transport.SerialPortTransport;
import org.vitalis.device.transport.TcpTransport;
import org.vitalis.device.transport.VirtualSerialPair;
import org.vitalis.domain.VitalSign;

/** Drivers reading simulators through real pseudo-terminals opened by jSerialComm, and a loopback TCP adapter. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class DeviceDriverTest {
    private static final Duration WAIT = Duration.ofSeconds(8);
    private static final DeviceDriver.Options FAST = DeviceDriver.Options.defaults()
            .withBackoff(Duration.ofMillis(50), Duration.ofMillis(200), 3);

    private static DeviceDriver driver(String id, DeviceProtocol p, VirtualSerialPair pair, Recorder rec,
            DeviceDriver.Options o) {
        return new DeviceDriver(id, p, () -> SerialPortTransport.open(pair.portPath(), p.serialSettings()), rec, o);
    }

    private static BigDecimal value(DeviceReading r, VitalSign sign) {
        return r.values().stream().filter(m -> m.sign() == sign).findFirst().orElseThrow().value();
    }

    @Test
    void oximeterReadingsCarryPlausibleValuesAndTheFrameBytes() throws Exception {
        Recorder rec = new Recorder();
        try (VirtualSerialPair pair = VirtualSerialPair.open();
                OximeterSimulator sim = new OximeterSimulator(pair.deviceEnd());
                DeviceDriver d = driver("ox", new ContecCms50Protocol(), pair, rec, FAST)) {
            sim.start();
            d.start();
            await("3 readings and 10 pleth chunks", WAIT, () -> rec.readings.size() >= 3 && rec.waveforms.size() >= 10);
            for (DeviceReading r : rec.readings) {
                assertThat(r.deviceId()).isEqualTo("ox");
                assertThat(value(r, VitalSign.SPO2).intValue()).isBetween(94, 100);
                assertThat(value(r, VitalSign.HEART_RATE).intValue()).isBetween(55, 90);
                assertThat(r.values()).extracting(Measurement::unit).containsExactly("%", "/min");
                ContecCms50Decoder.Frame f = ContecCms50Decoder.decodeFrame(HexFormat.of().parseHex(r.rawHex()));
                assertThat(f.spo2()).isEqualTo(value(r, VitalSign.SPO2).intValue());
                assertThat(f.pulseRate()).isEqualTo(value(r, VitalSign.HEART_RATE).intValue());
            }
            WaveformChunk w = rec.waveforms.get(2);
            assertThat(w.channel()).isEqualTo("pleth");
            assertThat(w.sampleRateHz()).isEqualTo(60);
            assertThat(w.values()).hasSize(6);
            assertThat(java.util.Arrays.stream(w.values()).boxed().toList()).allSatisfy(v -> assertThat(v).isBetween(0.0, 127.0));
            double max = rec.waveforms.stream().flatMapToDouble(c -> java.util.Arrays.stream(c.values())).max().orElse(0);
            double min = rec.waveforms.stream().flatMapToDouble(c -> java.util.Arrays.stream(c.values())).min().orElse(0);
            assertThat(max - min).as("pulsatile pleth").isGreaterThan(50);
            await("a streaming status with signal strength", WAIT, () -> d.status().signal() != null);
            assertThat(d.status().state()).isEqualTo(DeviceState.STREAMING);
            assertThat(d.status().signal()).isEqualTo(6);
            assertThat(rec.statuses.getFirst().state()).isEqualTo(DeviceState.CONNECTING);
        }
        assertThat(rec.statuses.getLast().state()).isEqualTo(DeviceState.STOPPED);
        assertThat(rec.statuses.getLast().framesDecoded()).isPositive();
    }

    @Test
    void radical7LinesBecomeReadingsWithTheLineAsRawFrame() throws Exception {
        Recorder rec = new Recorder();
        try (VirtualSerialPair pair = VirtualSerialPair.open();
                Radical7Simulator sim = new Radical7Simulator(pair.deviceEnd());
                DeviceDriver d = driver("rad", new MasimoRadical7Protocol(), pair, rec, FAST)) {
            sim.rateMultiplier(5).start();
            d.start();
            await("2 readings", WAIT, () -> rec.readings.size() >= 2);
            DeviceReading r = rec.readings.getLast();
            assertThat(value(r, VitalSign.SPO2).intValue()).isBetween(94, 100);
            assertThat(value(r, VitalSign.HEART_RATE).intValue()).isBetween(55, 90);
            String line = new String(HexFormat.of().parseHex(r.rawHex()), StandardCharsets.US_ASCII);
            assertThat(line).endsWith("\r\n").contains("SPO2=0").contains(" BPM=0");
            assertThat(MasimoRadical7Decoder.decodeLine(line.strip()).values().get("SPO2").value())
                    .isEqualByComparingTo(value(r, VitalSign.SPO2));
        }
    }

    @Test
    void ecgStreamArrivesAsMillivoltChunksWithBeats() throws Exception {
        Recorder rec = new Recorder();
        try (VirtualSerialPair pair = VirtualSerialPair.open();
                EcgStreamSimulator sim = new EcgStreamSimulator(pair.deviceEnd(), 60);
                DeviceDriver d = driver("ecg", AsciiEcgProtocol.ad8232(), pair, rec, FAST)) {
            sim.start();
            d.start();
            await("1.5 s of ECG", WAIT, () -> rec.waveforms.size() >= 15);
            WaveformChunk w = rec.waveforms.get(1);
            assertThat(w.channel()).isEqualTo("ECG");
            assertThat(w.unit()).isEqualTo("mV");
            assertThat(w.sampleRateHz()).isEqualTo(250);
            assertThat(w.values()).hasSize(25);
            double[] all = rec.waveforms.stream().flatMapToDouble(c -> java.util.Arrays.stream(c.values())).toArray();
            assertThat(java.util.Arrays.stream(all).max().orElseThrow()).as("R peak").isBetween(0.8, 1.6);
            assertThat(java.util.Arrays.stream(all).min().orElseThrow()).as("S wave").isBetween(-0.6, 0.0);
            assertThat(rec.readings).isEmpty();
        }
    }

    @Test
    void garbageBurstsAreCountedAndSkippedAndReadingsContinue() throws Exception {
        Recorder rec = new Recorder();
        try (VirtualSerialPair pair = VirtualSerialPair.open();
                OximeterSimulator sim = new OximeterSimulator(pair.deviceEnd());
                DeviceDriver d = driver("ox", new ContecCms50Protocol(), pair, rec, FAST)) {
            sim.start();
            d.start();
            await("first reading", WAIT, () -> !rec.readings.isEmpty());
            long framesBefore = d.status().framesDecoded();
            sim.sendGarbage(300);
            Thread.sleep(100);
            sim.sendGarbage(300);
            await("600 bytes skipped", WAIT, () -> d.status().bytesSkipped() >= 600);
            int readingsAfterGarbage = rec.readings.size();
            await("readings after the garbage", WAIT, () -> rec.readings.size() >= readingsAfterGarbage + 2);
            DeviceStatus s = d.status();
            assertThat(s.state()).isEqualTo(DeviceState.STREAMING);
            assertThat(s.resynchronisations()).isGreaterThanOrEqualTo(2);
            assertThat(s.framesDecoded()).isGreaterThan(framesBefore);
        }
    }

    @Test
    void pullingThePortMidFrameReconnectsWithAGapThenSaysWhyItGaveUp() throws Exception {
        Recorder rec = new Recorder();
        VirtualSerialPair pair = VirtualSerialPair.open();
        String path = pair.portPath();
        try (DeviceDriver d = driver("ox", new ContecCms50Protocol(), pair, rec, FAST)) {
            OximeterSimulator sim = new OximeterSimulator(pair.deviceEnd());
            sim.start();
            d.start();
            await("a reading", WAIT, () -> !rec.readings.isEmpty());
            sim.close();
            // Three bytes of a five-byte frame, then the cable goes.
            pair.deviceEnd().write(new byte[] {(byte) 0x86, 0x40, 0x02});
            Thread.sleep(150);
            pair.close();
            await("RECONNECTING", WAIT, () -> rec.sawState(DeviceState.RECONNECTING));
            DeviceStatus reconnecting = rec.statuses.stream().filter(s -> s.state() == DeviceState.RECONNECTING)
                    .findFirst().orElseThrow();
            assertThat(reconnecting.gapSince()).isNotNull().isBeforeOrEqualTo(reconnecting.at());
            assertThat(reconnecting.gapSince()).isAfterOrEqualTo(rec.readings.getLast().time());
            assertThat(reconnecting.message()).containsAnyOf("closed", "connection");
            assertThat(reconnecting.bytesSkipped()).as("the cut frame").isGreaterThanOrEqualTo(3);
            await("ERROR", WAIT, () -> d.status().state() == DeviceState.ERROR);
            assertThat(d.status().message()).contains(path).contains("keeps trying");
            assertThat(d.status().gapSince()).isEqualTo(reconnecting.gapSince());
        }
        assertThat(rec.statuses.getLast().state()).isEqualTo(DeviceState.STOPPED);
        assertThat(rec.gaps).as("no reconnection, so the gap is still open").isEmpty();
    }

    @Test
    void aPortThatNeverOpensEndsInErrorWithThePlainWordsReason() throws Exception {
        Recorder rec = new Recorder();
        DeviceProtocol p = new ContecCms50Protocol();
        try (DeviceDriver d = new DeviceDriver("ox", p, DeviceManager.transportFor("/dev/ttyVITALIS-NOPE",
                p.serialSettings()), rec, FAST)) {
            d.start();
            await("ERROR", WAIT, () -> d.status().state() == DeviceState.ERROR);
            assertThat(d.status().message()).contains("There is no serial port /dev/ttyVITALIS-NOPE");
            assertThat(rec.statuses).extracting(DeviceStatus::state).startsWith(DeviceState.CONNECTING)
                    .doesNotContain(DeviceState.STREAMING);
        }
    }

    @Test
    void aSilentDeviceIsReportedWhileConnected() throws Exception {
        Recorder rec = new Recorder();
        try (VirtualSerialPair pair = VirtualSerialPair.open();
                DeviceDriver d = driver("ox", new ContecCms50Protocol(), pair, rec,
                        FAST.withSilenceLimit(Duration.ofMillis(300)))) {
            d.start();
            await("silence reported", WAIT, () -> d.status().message() != null
                    && d.status().message().startsWith("No data from the device for 0.3 s"));
            assertThat(d.status().state()).isEqualTo(DeviceState.STREAMING);
        }
    }

    @Test
    void aReplacedTcpAdapterIsReconnectedAndTheGapMarked() throws Exception {
        Recorder rec = new Recorder();
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        int port = server.getLocalPort();
        DeviceProtocol p = new ContecCms50Protocol();
        try (DeviceDriver d = new DeviceDriver("ox", p, DeviceManager.transportFor("tcp://127.0.0.1:" + port, null),
                rec, FAST)) {
            d.start();
            try (Socket s = server.accept(); OximeterSimulator sim = new OximeterSimulator(socketEnd(s))) {
                sim.start();
                await("readings before", WAIT, () -> !rec.readings.isEmpty());
                sim.close();
                s.getOutputStream().write(new byte[] {(byte) 0x86, 0x40});
            }
            server.close();
            await("RECONNECTING", WAIT, () -> d.status().state() == DeviceState.RECONNECTING);
            Thread.sleep(400);
            int before = rec.readings.size();
            try (ServerSocket again = new ServerSocket()) {
                again.setReuseAddress(true);
                again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                try (Socket s = again.accept(); OximeterSimulator sim = new OximeterSimulator(socketEnd(s))) {
                    sim.start();
                    await("a gap and readings after", WAIT, () -> !rec.gaps.isEmpty() && rec.readings.size() > before);
                }
            }
            DeviceGap g = rec.gaps.getFirst();
            assertThat(Duration.between(g.from(), g.to())).isGreaterThanOrEqualTo(Duration.ofMillis(350));
            assertThat(rec.readings.get(before).time()).isAfterOrEqualTo(g.to());
            List<DeviceState> states = rec.statuses.stream().map(DeviceStatus::state).distinct().toList();
            assertThat(states).containsSubsequence(DeviceState.CONNECTING, DeviceState.STREAMING,
                    DeviceState.RECONNECTING);
        }
    }

    @Test
    void aDeviceAtTenTimesItsRateCannotFloodASlowListener() throws Exception {
        int capacity = 16;
        Recorder slow = new Recorder() {
            @Override
            public void waveform(WaveformChunk chunk) {
                super.waveform(chunk);
                try {
                    Thread.sleep(40);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        try (VirtualSerialPair pair = VirtualSerialPair.open();
                OximeterSimulator sim = new OximeterSimulator(pair.deviceEnd());
                DeviceDriver d = driver("ox", new ContecCms50Protocol(), pair, slow, FAST.withQueueCapacity(capacity))) {
            sim.rateMultiplier(10).start();
            d.start();
            Thread.sleep(2000);
            long frames = d.status().framesDecoded();
            assertThat(frames).as("far above the 120 frames of normal pace").isGreaterThan(400);
            assertThat(d.dropped()).isPositive();
            assertThat(d.queueHighWater()).isLessThanOrEqualTo(capacity);
            // Numbers are limited at the source: changes at most 5 a second, not 600.
            assertThat(slow.readings.size()).isLessThanOrEqualTo(14);
            assertThat(slow.readings).isNotEmpty();
        }
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheDevice() throws Exception {
        Recorder rec = new Recorder() {
            @Override
            public void reading(DeviceReading reading) {
                super.reading(reading);
                throw new IllegalStateException("screen bug");
            }
        };
        try (VirtualSerialPair pair = VirtualSerialPair.open();
                OximeterSimulator sim = new OximeterSimulator(pair.deviceEnd());
                DeviceDriver d = driver("ox", new ContecCms50Protocol(), pair, rec, FAST)) {
            sim.start();
            d.start();
            await("readings despite the failing listener", WAIT, () -> rec.readings.size() >= 3);
            assertThat(d.status().state()).isEqualTo(DeviceState.STREAMING);
        }
    }

    @Test
    void aSessionThatMustSpeakFirstWritesAndAFailedWriteEndsTheStreamLikeAFailedRead() throws Exception {
        Recorder rec = new Recorder();
        java.util.List<byte[]> written = new java.util.concurrent.CopyOnWriteArrayList<>();
        DeviceProtocol talker = new DeviceProtocol() {
            @Override
            public String name() {
                return "talker";
            }

            @Override
            public org.vitalis.device.transport.SerialSettings serialSettings() {
                return org.vitalis.device.transport.SerialSettings.of8N1(9600);
            }

            @Override
            public ProtocolSession newSession(String deviceId, Duration readingInterval) {
                return new ProtocolSession() {
                    private final ContecCms50Decoder decoder = new ContecCms50Decoder();
                    private int ticks;

                    @Override
                    public void start(Output out, java.time.Instant now) {
                        out.write(new byte[] {0x01, 0x03, 0x0C, 0x00});
                    }

                    @Override
                    public void tick(java.time.Instant now, Sink sink) {
                        ticks++;
                    }

                    @Override
                    public String statusMessage() {
                        return ticks > 0 ? "ticking" : null;
                    }

                    @Override
                    public void accept(byte[] chunk, int offset, int length, java.time.Instant at, Sink sink) {
                    }

                    @Override
                    public void endOfStream(Sink sink) {
                    }

                    @Override
                    public org.vitalis.device.codec.StreamDecoder<?> decoder() {
                        return decoder;
                    }
                };
            }
        };
        try (DeviceDriver d = new DeviceDriver("talker", talker, () -> testPort(false, written), rec, FAST)) {
            d.start();
            await("the session's own words", WAIT, () -> "ticking".equals(d.status().message()));
            assertThat(written).singleElement().satisfies(b -> assertThat(b).containsExactly(1, 3, 0x0C, 0));
            assertThat(rec.statuses).extracting(DeviceStatus::state).doesNotContain(DeviceState.RECONNECTING);
        }
        try (DeviceDriver d = new DeviceDriver("talker", talker, () -> testPort(true, written), rec, FAST)) {
            rec.statuses.clear();
            d.start();
            await("RECONNECTING", WAIT, () -> rec.sawState(DeviceState.RECONNECTING));
            DeviceStatus s = rec.statuses.stream().filter(x -> x.state() == DeviceState.RECONNECTING).findFirst()
                    .orElseThrow();
            assertThat(s.message()).isEqualTo("Lost the connection to the device: the adapter refused the write");
        }
    }

    @Test
    void optionsRejectNonsense() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DeviceDriver.Options.defaults().withQueueCapacity(0))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DeviceDriver.Options.defaults()
                .withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 3)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A port that is always silent and keeps what is written, or refuses every write. */
    private static ByteTransport testPort(boolean refuseWrites, java.util.List<byte[]> written) {
        return new ByteTransport() {
            @Override
            public String describe() {
                return "test port";
            }

            @Override
            public int read(byte[] b, int off, int len, Duration t) throws IOException {
                try {
                    Thread.sleep(t.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return 0;
            }

            @Override
            public void write(byte[] data) throws IOException {
                if (refuseWrites) {
                    throw new IOException("the adapter refused the write");
                }
                written.add(data);
            }

            @Override
            public void close() {
            }
        };
    }

    /** The device side of a TCP serial adapter, for the simulator to write to. */
    private static ByteTransport socketEnd(Socket s) throws IOException {
        OutputStream out = s.getOutputStream();
        return new ByteTransport() {
            @Override
            public String describe() {
                return "test adapter";
            }

            @Override
            public int read(byte[] b, int off, int len, Duration t) {
                return 0;
            }

            @Override
            public void write(byte[] data) throws IOException {
                out.write(data);
                out.flush();
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void tcpTransportTypeIsUsedForTcpUrls() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            try (ByteTransport t = DeviceManager.transportFor("tcp://127.0.0.1:" + server.getLocalPort(), null).open()) {
                assertThat(t).isInstanceOf(TcpTransport.class);
            }
        }
    }
}
