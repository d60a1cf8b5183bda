package org.vitalis.device.driver;

import org.vitalis.device.codec.StreamDecoder;

import java.io.IOException;
import java.time.Instant;

/**
 * The decoding state of one device stream: turns chunks of bytes into readings and waveform chunks. Used by one
 * thread only (the driver's read loop, which also makes every call below). It keeps its decoder across
 * reconnections, so counters cover the device's whole run. Most devices only talk; a session whose device must be
 * spoken to (a Bluetooth dongle) writes through the {@link Output} it is given in {@link #start}.
 */
public interface ProtocolSession {
    /** Where a session puts what it decoded. */
    interface Sink {
        void reading(DeviceReading reading);

        void waveform(WaveformChunk chunk);

        /**
         * Data could not arrive for a while although the port stayed open: a Bluetooth peripheral's link dropped, or
         * a device's frame counter jumped over lost frames. Waveforms are not continuous across a gap.
         */
        default void gap(DeviceGap gap) {
        }
    }

    /** Bytes to the device. A failed write is not thrown back: it ends the stream as a failed read does. */
    @FunctionalInterface
    interface Output {
        void write(byte[] bytes);
    }

    /** The port has just been opened (again); a device that must be spoken to first is addressed here. */
    default void start(Output out, Instant now) {
    }

    /** Called after every read, with or without data, so at least once per read timeout: the session's timers. */
    default void tick(Instant now, Sink sink) {
    }

    /** Plain words about the session for the device list (e.g. which Bluetooth device is connected), or null. */
    default String statusMessage() {
        return null;
    }

    /**
     * False for devices that are silent between measurements (a cuff, a scale): the driver then does not report a
     * silent port as a fault.
     */
    default boolean streamsContinuously() {
        return true;
    }

    void accept(byte[] chunk, int offset, int length, Instant receivedAt, Sink sink);

    /** The stream ended: an unfinished frame is counted as skipped and buffered samples are flushed. */
    void endOfStream(Sink sink);

    /** The stream decoder this session feeds; its counters are the session's. */
    StreamDecoder<?> decoder();

    default long framesDecoded() {
        return decoder().framesDecoded();
    }

    default long bytesSkipped() {
        return decoder().bytesSkipped();
    }

    default long resynchronisations() {
        return decoder().resynchronisations();
    }

    /** Signal strength on the device's own scale, or null if the device does not send it. */
    default Integer signal() {
        return null;
    }

    /** Battery percent, or null if the device does not send it. */
    default Integer battery() {
        return null;
    }
}
