package org.vitalis.device.driver;

import org.vitalis.device.transport.SerialSettings;

/**
 * A configured device. {@code port} is a serial port path ("/dev/ttyUSB0", "/dev/pts/7", "COM3") or
 * "tcp://host:port" for a serial-to-LAN adapter; {@code settings} null means the protocol's own.
 */
public record DeviceConfig(String id, String name, DeviceProtocol protocol, String port, SerialSettings settings) {
    public DeviceConfig {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a device needs an id");
        }
        if (protocol == null) {
            throw new IllegalArgumentException("device " + id + " needs a protocol");
        }
        if (port == null || port.isBlank()) {
            throw new IllegalArgumentException("device " + id + " needs a port path or tcp://host:port");
        }
    }

    public SerialSettings effectiveSettings() {
        return settings != null ? settings : protocol.serialSettings();
    }
}
