package org.vitalis.device.codec;

import java.util.List;

/** Bookkeeping shared by the stream decoders: frame and skip counters. */
abstract class AbstractStreamDecoder<F> implements StreamDecoder<F> {
    private long frames;
    private long skipped;
    private long resyncs;
    private boolean inBadRun;

    final void skipped(int n) {
        if (n <= 0) {
            return;
        }
        skipped += n;
        if (!inBadRun) {
            resyncs++;
            inBadRun = true;
        }
    }

    final void emit(List<F> out, F frame) {
        out.add(frame);
        frames++;
        inBadRun = false;
    }

    @Override
    public final long framesDecoded() {
        return frames;
    }

    @Override
    public final long bytesSkipped() {
        return skipped;
    }

    @Override
    public final long resynchronisations() {
        return resyncs;
    }

    static void checkRange(byte[] chunk, int offset, int length) {
        if (chunk == null || offset < 0 || length < 0 || offset > chunk.length - length) {
            throw new IllegalArgumentException("chunk range " + offset + "+" + length + " is outside the array");
        }
    }
}
