package org.vitalis.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vitalis.device.driver.DeviceDriver;
import org.vitalis.device.transport.SerialSettings;

class ManagedDevicesTest {
    @Test
    void lineSettingsReadAsManualsWriteThem() {
        assertThat(ManagedDevices.parseSettings("115200 8N1")).isEqualTo(SerialSettings.of8N1(115200));
        assertThat(ManagedDevices.parseSettings("9600 7e2 rts_cts").shortForm()).isEqualTo("9600 7E2 RTS_CTS");
        assertThatThrownBy(() -> ManagedDevices.parseSettings("fast")).hasMessageContaining("115200 8N1");
    }

    @Test
    void savesKeepTheProtocolsOwnSettingsUnlessOthersAreGiven() {
        try (ManagedDevices d = new ManagedDevices(DeviceDriver.Options.defaults())) {
            var ox = d.save(null, "", "contec-cms50", "/dev/ttyUSB0", "");
            assertThat(ox.name()).isEqualTo("contec-cms50");
            assertThat(ox.settings()).isEqualTo(d.defaultSettings("contec-cms50"));
            var changed = d.save(ox.id(), "Bed 3", "contec-cms50", "/dev/ttyUSB1", "9600 8N1");
            assertThat(d.devices()).containsExactly(changed);
            assertThat(changed.settings()).isEqualTo("9600 8N1");
            assertThatThrownBy(() -> d.save(null, "x", "contec-cms50", " ", "")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aStationKeepsItsDevicesBetweenStartsAndSetsAsideAnUnreadableList(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("devices.json");
        String id;
        try (ManagedDevices d = ManagedDevices.station(file, DeviceDriver.Options.defaults())) {
            assertThat(d.devices()).isEmpty();
            id = d.save(null, "Cuff bed 2", "contec-cms50", "/dev/ttyVITALIS-TEST", "9600 8N1").id();
            d.save(null, "ECG", "ascii-ecg", "tcp://127.0.0.1:1", "").id();
            d.remove(d.devices().get(1).id());
        }
        try (ManagedDevices again = ManagedDevices.station(file, DeviceDriver.Options.defaults())) {
            assertThat(again.devices()).singleElement().satisfies(dev -> {
                assertThat(dev.id()).isEqualTo(id);
                assertThat(dev.name()).isEqualTo("Cuff bed 2");
                assertThat(dev.port()).isEqualTo("/dev/ttyVITALIS-TEST");
                assertThat(dev.settings()).isEqualTo("9600 8N1");
            });
        }
        java.nio.file.Files.writeString(file, "{ not json");
        try (ManagedDevices broken = ManagedDevices.station(file, DeviceDriver.Options.defaults())) {
            assertThat(broken.devices()).isEmpty();
        }
        try (var files = java.nio.file.Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("devices.json.unreadable-"));
        }
    }

    @Test
    void detectionRefusesAPortAConnectedDeviceIsReading() throws Exception {
        try (ManagedDevices d = new ManagedDevices(DeviceDriver.Options.defaults())) {
            String id = d.save(null, "Bed 3 oximeter", "contec-cms50", "/dev/ttyVITALIS-ABSENT", "").id();
            d.connect(id);
            assertThatThrownBy(() -> d.detect(" /dev/ttyVITALIS-ABSENT"))
                    .isInstanceOf(java.io.IOException.class)
                    .hasMessage("\"Bed 3 oximeter\" is connected on /dev/ttyVITALIS-ABSENT. Disconnect it before "
                            + "detecting, so that the probe does not take its data.");
            d.disconnect(id);
            // Once disconnected the port is probed (and here, being absent, reported as such by the transport).
            assertThatThrownBy(() -> d.detect("/dev/ttyVITALIS-ABSENT")).isInstanceOf(java.io.IOException.class)
                    .hasMessageNotContaining("is connected on");
        }
    }
}
