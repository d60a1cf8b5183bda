package org.vitalis.device.driver;

import org.vitalis.device.codec.StreamDecoder;

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
