package org.vitalis.device.driver;

import java.io.IOException;
import org.vitalis.device.transport.ByteTransport;

/** Opens the device's byte stream afresh; the driver calls it for every (re)connection. */
@FunctionalInterface
public interface TransportFactory {
    ByteTransport open() throws IOException;
}
