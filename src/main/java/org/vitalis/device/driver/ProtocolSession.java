package org.vitalis.device.driver;

import org.vitalis.device.codec.StreamDecoder;

import java.io.IOException;
import java.time.Instant;

/**
 * The decoding state of one device stream: turns chunks of bytes into readings and waveform chunks. Used by one
 * thread only. It keeps its decoder across reconnections, so counters cover the device's whole run.
 */
public interface ProtocolSession {
    /** Where a session puts what it decoded. */
    interface Sink {
        void reading(DeviceReading reading);

        void waveform(WaveformChunk chunk);

        /** Samples the device sent were lost on the way (its frame counter jumped): waveforms are not continuous. */
        default void gap(DeviceGap gap) {
        }
    }

    /** Bytes a session sends to its device (a start command, a request). */
    interface Output {
        void write(byte[] bytes) throws IOException;
    }

    /**
     * Called each time the transport opens, before any bytes are read: a device that waits for a command before it
     * streams gets it here. A failed write ends the connection, as a pulled cable does.
     */
    default void start(Output out) throws IOException {
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
