package org.vitalis.device.driver;

import java.time.Duration;
import org.vitalis.device.transport.SerialSettings;

/** A serial protocol the driver can read: its line settings and how its frames become readings. */
public interface DeviceProtocol {
    /** Stable name, as {@code device decode --protocol} takes it, e.g. "contec-cms50". */
    String name();

    /** The line settings the device's manual gives. */
    SerialSettings serialSettings();

    /**
     * @param readingInterval numeric readings are emitted when they change, but not more often than this, and at
     *                        least once a second while frames keep coming
     */
    ProtocolSession newSession(String deviceId, Duration readingInterval);

    /**
     * Whether {@link DeviceManager#detect} may recognise this protocol by listening. Detection never writes to a
     * port it does not know, so a protocol whose device only answers when spoken to is left out of it.
     */
    default boolean passivelyDetectable() {
        return true;
    }
}
