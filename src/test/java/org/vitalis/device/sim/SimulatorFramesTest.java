package org.vitalis.device.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vitalis.device.codec.AsciiEcgDecoder;
import org.vitalis.device.codec.ContecCms50Decoder;
import org.vitalis.device.codec.ContecCms50Encoder;
import org.vitalis.device.codec.MasimoRadical7Decoder;
import org.vitalis.device.transport.ByteTransport;

/** What the simulators write is valid for the decoders, at the pace the devices send it. */
class SimulatorFramesTest {
    /** Collects what a simulator writes. */
    static final class Capture implements ByteTransport {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public String describe() {
            return "capture";
        }

        @Override
        public int read(byte[] b, int off, int len, Duration t) {
            return 0;
        }

        @Override
        public synchronized void write(byte[] data) {
            bytes.writeBytes(data);
        }

        synchronized byte[] taken() {
            return bytes.toByteArray();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void encoderIsTheExactInverseOfTheDecoder() {
        byte[] f = ContecCms50Encoder.encode(9, true, true, false, 100, 12, true, false, 200, 98);
        ContecCms50Decoder.Frame d = ContecCms50Decoder.decodeFrame(f);
        assertThat(d.signalStrength()).isEqualTo(9);
        assertThat(d.pulseBeep()).isTrue();
        assertThat(d.spo2Dropping()).isTrue();
        assertThat(d.pleth()).isEqualTo(100);
        assertThat(d.probeError()).isTrue();
        assertThat(d.pulseRate()).isEqualTo(200);
        assertThat(d.spo2()).isEqualTo(98);
        assertThat(ContecCms50Encoder.encode(d)).isEqualTo(f);
        assertThat(ContecCms50Decoder.decodeFrame(ContecCms50Encoder.encode(0, false, false, false, 0, 0, false,
                true, 255, 127)).spo2()).isNull();
    }

    @Test
    void oximeterSendsSixtyValidFramesASecondWithAPulsatilePleth() throws Exception {
        Capture c = new Capture();
        try (OximeterSimulator sim = new OximeterSimulator(c)) {
            sim.start();
            Thread.sleep(1000);
        }
        ContecCms50Decoder dec = new ContecCms50Decoder();
        List<ContecCms50Decoder.Frame> frames = dec.feed(c.taken());
        assertThat(dec.bytesSkipped()).isZero();
        assertThat(frames.size()).isBetween(50, 70);
        assertThat(frames).allSatisfy(f -> {
            assertThat(f.spo2()).isBetween(95, 99);
            assertThat(f.pulseRate()).isBetween(60, 85);
        });
        assertThat(frames.stream().filter(ContecCms50Decoder.Frame::pulseBeep).count()).isBetween(0L, 3L);
        int max = frames.stream().mapToInt(ContecCms50Decoder.Frame::pleth).max().orElseThrow();
        int min = frames.stream().mapToInt(ContecCms50Decoder.Frame::pleth).min().orElseThrow();
        assertThat(max - min).isGreaterThan(50);
    }

    @Test
    void radical7AndEcgLinesDecodeAndGarbageIsSkipped() throws Exception {
        Capture rad = new Capture();
        Capture ecg = new Capture();
        try (Radical7Simulator r = new Radical7Simulator(rad); EcgStreamSimulator e = new EcgStreamSimulator(ecg, 72)) {
            r.rateMultiplier(20).start();
            e.start();
            Thread.sleep(400);
            e.sendGarbage(40);
            Thread.sleep(400);
        }
        MasimoRadical7Decoder md = new MasimoRadical7Decoder();
        List<MasimoRadical7Decoder.Frame> lines = md.feed(rad.taken());
        assertThat(lines.size()).isGreaterThanOrEqualTo(5);
        assertThat(md.bytesSkipped()).isZero();
        assertThat(lines.getFirst().values().get("SPO2").value().intValue()).isBetween(95, 99);
        assertThat(lines.getFirst().fields()).containsEntry("SPCO", "--.-%");
        AsciiEcgDecoder ed = new AsciiEcgDecoder(250, new BigDecimal("341"), 512);
        List<AsciiEcgDecoder.Sample> samples = ed.feed(ecg.taken());
        assertThat(samples.size()).isBetween(150, 230);
        assertThat(ed.bytesSkipped()).isGreaterThanOrEqualTo(40);
        assertThat(ed.resynchronisations()).isEqualTo(1);
    }
}
