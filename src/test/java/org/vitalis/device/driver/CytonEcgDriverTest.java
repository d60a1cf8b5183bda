package org.vitalis.device.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vitalis.device.driver.Recorder.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.vitalis.device.codec.OpenBciCytonDecoder;
import org.vitalis.device.sim.CytonEcgSimulator;
import org.vitalis.device.transport.SerialPortTransport;
import org.vitalis.device.transport.VirtualSerialPair;

/** An 8-lead ECG from a simulated OpenBCI Cyton through a real pseudo-terminal. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class CytonEcgDriverTest {
    private static final Duration WAIT = Duration.ofSeconds(8);
    private static final DeviceDriver.Options FAST = DeviceDriver.Options.defaults()
            .withBackoff(Duration.ofMillis(50), Duration.ofMillis(200), 3);

    @Test
    void theDriverStartsTheIdleBoardAndReceivesEightLeadsWithTheirCounts() throws Exception {
        Recorder rec = new Recorder();
        OpenBciCytonProtocol p = new OpenBciCytonProtocol();
        try (VirtualSerialPair pair = VirtualSerialPair.open();
                CytonEcgSimulator sim = new CytonEcgSimulator(pair.deviceEnd(), 72, 3).listenForCommands();
                DeviceDriver d = new DeviceDriver("cyton", p,
                        () -> SerialPortTransport.open(pair.portPath(), p.serialSettings()), rec, FAST)) {
            sim.start();
            Thread.sleep(300);
            assertThat(sim.isStreaming()).as("a Cyton idles until told to stream").isFalse();
            d.start();
            await("3 s of all eight leads", WAIT, () -> samples(rec, "V6") >= 750);

            Map<String, List<WaveformChunk>> byLead = rec.waveforms.stream()
                    .collect(Collectors.groupingBy(WaveformChunk::channel));
            assertThat(byLead.keySet()).containsExactlyInAnyOrderElementsOf(OpenBciCytonProtocol.ECG_LEADS);
            double uvPerCount = OpenBciCytonDecoder.microvoltsPerCount(OpenBciCytonDecoder.DEFAULT_GAIN);
            for (WaveformChunk c : rec.waveforms) {
                assertThat(c.sampleRateHz()).isEqualTo(250);
                assertThat(c.unit()).isEqualTo("mV");
                assertThat(c.hasCounts()).isTrue();
                for (int i = 0; i < c.values().length; i++) {
                    assertThat(c.values()[i]).isCloseTo(c.counts()[i] * uvPerCount / 1000, org.assertj.core.data.Offset.offset(1e-9));
                }
            }
            // R waves: about 1.2 mV in II, deep S in V1 (rS), as the simulator's normal 12-lead morphology has.
            assertThat(range(byLead.get("II"))).isBetween(1.2, 2.0);
            assertThat(min(byLead.get("V1"))).isLessThan(-0.7);
            assertThat(d.status().bytesSkipped()).isZero();
            assertThat(rec.gaps).isEmpty();
        }
    }

    @Test
    void aPacketCounterJumpIsReportedAsAGapInTheWaveform() {
        OpenBciCytonProtocol p = new OpenBciCytonProtocol();
        ProtocolSession s = p.newSession("cyton", Duration.ofSeconds(1));
        Recorder rec = new Recorder();
        ProtocolSession.Sink sink = rec.sink();
        int[] counts = {1, 2, 3, 4, 5, 6, 7, 8};
        byte[] stream = concat(org.vitalis.device.codec.OpenBciCytonEncoder.encode(10, counts),
                org.vitalis.device.codec.OpenBciCytonEncoder.encode(11, counts),
                org.vitalis.device.codec.OpenBciCytonEncoder.encode(14, counts));
        s.accept(stream, 0, stream.length, java.time.Instant.now(), sink);
        assertThat(rec.gaps).hasSize(1);
        // The two samples before the gap were handed on before it, so no chunk spans the lost packets.
        assertThat(rec.waveforms.stream().filter(c -> c.channel().equals("I")).mapToInt(c -> c.values().length).sum())
                .isEqualTo(2);
    }

    private static byte[] concat(byte[]... parts) {
        byte[] out = new byte[Arrays.stream(parts).mapToInt(b -> b.length).sum()];
        int at = 0;
        for (byte[] b : parts) {
            System.arraycopy(b, 0, out, at, b.length);
            at += b.length;
        }
        return out;
    }

    private static long samples(Recorder rec, String lead) {
        return rec.waveforms.stream().filter(c -> c.channel().equals(lead)).mapToLong(c -> c.values().length).sum();
    }

    private static double range(List<WaveformChunk> chunks) {
        double[] all = chunks.stream().flatMapToDouble(c -> Arrays.stream(c.values())).toArray();
        return Arrays.stream(all).max().orElseThrow() - Arrays.stream(all).min().orElseThrow();
    }

    private static double min(List<WaveformChunk> chunks) {
        return chunks.stream().flatMapToDouble(c -> Arrays.stream(c.values())).min().orElseThrow();
    }
}
