package org.vitalis.device.driver;

/**
 * Receives a driver's events on the driver's delivery thread, never on its read loop, so a slow listener cannot
 * stall reading; it loses readings and waveform chunks instead, counted in {@link DeviceStatus#dropped()}.
 */
public interface DeviceListener {
    default void status(DeviceStatus status) {
    }

    default void reading(DeviceReading reading) {
    }

    default void waveform(WaveformChunk chunk) {
    }

    default void gap(DeviceGap gap) {
    }
}
