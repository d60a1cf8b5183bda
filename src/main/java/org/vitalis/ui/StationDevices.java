package org.vitalis.ui;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.vitalis.device.driver.DeviceListener;
import org.vitalis.device.driver.DeviceStatus;

/**
 * The devices of this station as the screens see them. Line settings travel as their short text ("115200 8N1")
 * so that the screens need no transport types; the app implements this over the device manager.
 */
public interface StationDevices {
    /** A configured device; {@code settings} is the short form of the line settings in effect. */
    record Device(String id, String name, String protocol, String port, String settings) {
    }

    /** What detection found on a port, with its evidence. */
    record Detected(String protocol, long bytesRead, long framesDecoded, long bytesSkipped) {
    }

    List<Device> devices();

    Optional<DeviceStatus> status(String id);

    /** Protocol names, in the order detection probes them. */
    List<String> protocols();

    /** The line settings a protocol's manual gives, in short form. */
    String defaultSettings(String protocol);

    /** Serial ports the system lists; virtual ports are not among them, so users may also type a path. */
    List<String> ports();

    /**
     * Adds a device ({@code id} null) or changes one; blank settings mean the protocol's own. A running device is
     * restarted with its new configuration.
     *
     * @throws IllegalArgumentException with a sentence for the user when a field is wrong
     */
    Device save(String id, String name, String protocol, String port, String settings);

    void remove(String id);

    void connect(String id);

    void disconnect(String id);

    Optional<Detected> detect(String path) throws IOException;

    /** Events arrive on driver threads; closing the subscription stops them. */
    AutoCloseable listen(DeviceListener listener);
}
