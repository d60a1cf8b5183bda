package org.vitalis.device.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vitalis.device.driver.Recorder.await;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.vitalis.device.sim.EcgStreamSimulator;
import org.vitalis.device.sim.OximeterSimulator;
import org.vitalis.device.sim.Radical7Simulator;
import org.vitalis.device.sim.Simulator;
import org.vitalis.device.transport.TransportException;
import org.vitalis.device.transport.VirtualSerialPair;

@EnabledOnOs({OS.LINUX, OS.MAC})
class DeviceManagerTest {
    private static String detected(VirtualSerialPair pair, Simulator sim) throws Exception {
        try (sim) {
            sim.start();
            Thread.sleep(150);
            Optional<DeviceManager.Detection> d = DeviceManager.detect(pair.portPath(), Duration.ofSeconds(3));
            assertThat(d).isPresent();
            assertThat(d.get().framesDecoded()).isGreaterThanOrEqualTo(2);
            return d.get().protocol().name();
        }
    }

    @Test
    void detectRecognisesEachProtocol() throws Exception {
        try (VirtualSerialPair pair = VirtualSerialPair.open()) {
            assertThat(detected(pair, new OximeterSimulator(pair.deviceEnd()))).isEqualTo("contec-cms50");
        }
        try (VirtualSerialPair pair = VirtualSerialPair.open()) {
            assertThat(detected(pair, new EcgStreamSimulator(pair.deviceEnd(), 72))).isEqualTo("ascii-ecg");
        }
        try (VirtualSerialPair pair = VirtualSerialPair.open()) {
            assertThat(detected(pair, new Radical7Simulator(pair.deviceEnd()).rateMultiplier(3)))
                    .isEqualTo("masimo-radical7");
        }
    }

    @Test
    void detectFindsNothingOnASilentPortAndReportsAMissingOne() throws Exception {
        try (VirtualSerialPair pair = VirtualSerialPair.open()) {
            assertThat(DeviceManager.detect(pair.portPath(), Duration.ofMillis(200))).isEmpty();
        }
        assertThatThrownBy(() -> DeviceManager.detect("/dev/ttyVITALIS-NOPE", Duration.ofMillis(200)))
                .isInstanceOf(TransportException.class).hasMessageContaining("/dev/ttyVITALIS-NOPE");
    }

    @Test
    void managerStartsAndStopsConfiguredDevicesAndListsTheirStatuses() throws Exception {
        Recorder rec = new Recorder();
        try (VirtualSerialPair ox = VirtualSerialPair.open(); VirtualSerialPair ecg = VirtualSerialPair.open();
                Simulator oxSim = new OximeterSimulator(ox.deviceEnd()).start();
                Simulator ecgSim = new EcgStreamSimulator(ecg.deviceEnd(), 72).start();
                DeviceManager m = new DeviceManager(rec, DeviceDriver.Options.defaults())) {
            m.put(new DeviceConfig("ox-1", "Finger oximeter", Protocols.byName("contec-cms50"), ox.portPath(), null));
            m.put(new DeviceConfig("ecg-1", "ECG board", AsciiEcgProtocol.ad8232(), ecg.portPath(), null));
            assertThat(m.statuses()).extracting(DeviceStatus::state).containsOnly(DeviceState.STOPPED);
            m.start("ox-1");
            m.start("ecg-1");
            await("both streaming with data", Duration.ofSeconds(8), () -> m.statuses().stream()
                    .allMatch(s -> s.state() == DeviceState.STREAMING && s.framesDecoded() > 0)
                    && rec.waveforms.stream().anyMatch(w -> w.deviceId().equals("ecg-1")));
            assertThat(rec.readings).allMatch(r -> r.deviceId().equals("ox-1"));
            assertThat(rec.waveforms).extracting(WaveformChunk::deviceId).contains("ox-1", "ecg-1");
            m.stop("ox-1");
            assertThat(m.status("ox-1").orElseThrow().state()).isEqualTo(DeviceState.STOPPED);
            assertThat(m.status("ox-1").orElseThrow().framesDecoded()).isPositive();
            assertThat(m.status("ecg-1").orElseThrow().state()).isEqualTo(DeviceState.STREAMING);
            assertThat(m.status("nope")).isEmpty();
        }
        assertThatThrownBy(() -> Protocols.byName("toaster")).hasMessageContaining("contec-cms50");
    }
}
