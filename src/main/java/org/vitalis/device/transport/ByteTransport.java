package org.vitalis.device.transport;

import java.io.IOException;
import java.time.Duration;

/**
 * A byte stream to or from a device: a serial port, a pseudo-terminal, a TCP serial adapter.
 * Reads wait at most the given time, so a driver can notice a silent or unplugged device.
 */
public interface ByteTransport extends AutoCloseable {
    /** What the user sees in the device list, e.g. "/dev/ttyUSB0 (FT232R USB UART)". */
    String describe();

    /**
     * Reads up to {@code len} bytes. Returns the count read (at least 1), 0 when nothing came
     * within {@code timeout}, or -1 when the stream has ended (port closed, cable pulled).
     */
    int read(byte[] buffer, int offset, int len, Duration timeout) throws IOException;

    void write(byte[] data) throws IOException;

    @Override
    void close();
}
