package org.vitalis.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.vitalis.device.driver.DeviceListener;
import org.vitalis.device.driver.DeviceReading;
import org.vitalis.device.driver.DeviceState;
import org.vitalis.device.driver.DeviceStatus;
import org.vitalis.domain.VitalSign;
import org.vitalis.ui.StationDevices;

class DemoDevicesTest {
    @Test
    void theDemoStartsAnOximeterAnEcgBoardAndBluetoothDevicesThatStream() throws Exception {
        try (DemoDevices demo = DemoDevices.start()) {
            StationDevices d = demo.devices().orElseThrow();
            List<DeviceReading> readings = new CopyOnWriteArrayList<>();
            AutoCloseable listening = d.listen(new DeviceListener() {
                @Override
                public void reading(DeviceReading r) {
                    readings.add(r);
                }
            });
            assertThat(d.devices()).extracting(StationDevices.Device::protocol)
                    .containsExactly("contec-cms50", "openbci-cyton", "ble-health", "ble-health", "ble-health");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            List<DeviceState> states;
            do {
                Thread.sleep(100);
                states = d.devices().stream().map(dev -> d.status(dev.id()).map(DeviceStatus::state).orElseThrow())
                        .toList();
            } while (!states.stream().allMatch(s -> s == DeviceState.STREAMING) && System.nanoTime() < deadline);
            assertThat(states).containsOnly(DeviceState.STREAMING);
            // The cuff and the thermometer measure within seconds of connecting, so intake shows BP and temperature.
            do {
                Thread.sleep(100);
            } while (!(hasSign(readings, VitalSign.SYSTOLIC_BP) && hasSign(readings, VitalSign.BODY_TEMPERATURE)
                    && hasSign(readings, VitalSign.BODY_WEIGHT)) && System.nanoTime() < deadline + 10_000_000_000L);
            assertThat(hasSign(readings, VitalSign.SYSTOLIC_BP)).isTrue();
            assertThat(hasSign(readings, VitalSign.BODY_TEMPERATURE)).isTrue();
            assertThat(hasSign(readings, VitalSign.BODY_WEIGHT)).isTrue();
            listening.close();
        }
    }

    private static boolean hasSign(List<DeviceReading> readings, VitalSign sign) {
        return readings.stream().anyMatch(r -> r.values().stream().anyMatch(m -> m.sign() == sign));
    }

    @Test
    void noDevicesOutsideTheDemo() {
        assertThat(DemoDevices.none().devices()).isEmpty();
    }
}
