package org.vitalis.device.driver;

/** Where a driver is in its life: CONNECTING → STREAMING → (RECONNECTING ↔ STREAMING) → STOPPED, or ERROR. */
public enum DeviceState {
    CONNECTING,
    STREAMING,
    /** The stream ended or failed; the driver is opening the port again with backoff. */
    RECONNECTING,
    /** Opening kept failing; the driver still retries at the longest backoff, so a replugged device comes back. */
    ERROR,
    STOPPED
}
