package org.vitalis.device.codec;

import java.util.List;

/**
 * A decoder for a serial byte stream that arrives in arbitrary chunks. It keeps the partial frame between calls,
 * skips and counts bytes that cannot belong to a valid frame and resynchronises on the next one; it never throws
 * for bad input, because a live device must not be dropped for one corrupt frame. Not thread-safe: one decoder per
 * stream, fed by one reader.
 *
 * @param <F> the decoded frame type
 */
public interface StreamDecoder<F> {

    /** Decodes what {@code chunk[offset, offset+length)} completes; the rest is kept for the next call. */
    List<F> feed(byte[] chunk, int offset, int length);

    default List<F> feed(byte[] chunk) {
        return feed(chunk, 0, chunk.length);
    }

    /** End of stream: decodes what can still be decoded and counts an unfinished frame as skipped. */
    List<F> finish();

    long framesDecoded();

    /** Bytes discarded as garbage, corrupt or truncated frames. */
    long bytesSkipped();

    /** How many separate runs of bad bytes were skipped, i.e. how often the decoder had to resynchronise. */
    long resynchronisations();
}
