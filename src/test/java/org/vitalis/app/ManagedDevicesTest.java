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
}
