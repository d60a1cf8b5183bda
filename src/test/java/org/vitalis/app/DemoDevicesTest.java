package org.vitalis.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vitalis.device.driver.DeviceState;
import org.vitalis.device.driver.DeviceStatus;
import org.vitalis.ui.StationDevices;

class DemoDevicesTest {
    @Test
    void theDemoStartsAnOximeterAndAnEcgBoardThatStream() throws Exception {
        try (DemoDevices demo = DemoDevices.start()) {
            StationDevices d = demo.devices().orElseThrow();
            assertThat(d.devices()).extracting(StationDevices.Device::protocol)
                    .containsExactly("contec-cms50", "openbci-cyton");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            List<DeviceState> states;
            do {
                Thread.sleep(100);
                states = d.devices().stream().map(dev -> d.status(dev.id()).map(DeviceStatus::state).orElseThrow())
                        .toList();
            } while (!states.stream().allMatch(s -> s == DeviceState.STREAMING) && System.nanoTime() < deadline);
            assertThat(states).containsOnly(DeviceState.STREAMING);
        }
    }

    @Test
    void noDevicesOutsideTheDemo() {
        assertThat(DemoDevices.none().devices()).isEmpty();
    }
}
