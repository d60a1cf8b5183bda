package org.vitalis.device.driver;

import java.security.SecureRandom;
import java.time.Duration;
import org.vitalis.device.codec.BdAddress;
import org.vitalis.device.transport.SerialSettings;

/**
 * Bluetooth LE blood-pressure cuffs, thermometers and scales through a USB dongle that runs the standard HCI over
 * UART transport (Core Specification v5.4, Vol 4, Part A), e.g. a Nordic nRF52840 dongle with Zephyr's
 * {@code hci_uart} sample: 1000000 baud, 8N1, RTS/CTS flow control (the sample's default; Part A, 1 requires flow
 * control). Vitalis acts as the BLE host, see {@link BleHealthSession}. The dongle only speaks when spoken to, so
 * this protocol is configured by hand and never probed by {@link DeviceManager#detect}.
 */
public final class BleHealthProtocol implements DeviceProtocol {
    public static final String NAME = "ble-health";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SerialSettings serialSettings() {
        return new SerialSettings(1_000_000, 8, SerialSettings.Parity.NONE, SerialSettings.StopBits.ONE,
                SerialSettings.FlowControl.RTS_CTS);
    }

    @Override
    public ProtocolSession newSession(String deviceId, Duration readingInterval) {
        // Each measurement is a reading of its own, so readingInterval (for streaming monitors) does not apply.
        return new BleHealthSession(deviceId, BdAddress.staticRandom(new SecureRandom().nextLong()));
    }

    @Override
    public boolean passivelyDetectable() {
        return false;
    }
}
