package org.vitalis.device.sim;

import java.io.IOException;

/** A simulated device running on its own thread until closed, as {@code vitalis simulate} and the demo run one. */
public interface SimulatedDevice extends AutoCloseable {
    /** Short name, e.g. "Contec CMS50D+ pulse oximeter". */
    String deviceName();

    boolean running();

    /** Why the device stopped by itself (its port failed), or null. */
    IOException failure();

    @Override
    void close();
}
