package org.vitalis.device.driver;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import org.vitalis.device.codec.StreamDecoder;

/**
 * Feeds a line decoder one line at a time and keeps the bytes of the line, so a reading can carry the exact bytes
 * that made it. The decoders split on line feed, as this does, so both see the same lines.
 */
final class LineCapture<F> {
    interface LineHandler<F> {
        void line(F frame, String rawHex);
    }

    private final StreamDecoder<F> decoder;
    private final int maxKept;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineCapture(StreamDecoder<F> decoder, int maxKept) {
        this.decoder = decoder;
        this.maxKept = maxKept;
    }

    void feed(byte[] chunk, int offset, int length, LineHandler<F> handler) {
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (chunk[i] == '\n') {
                keep(chunk, start, i + 1 - start);
                String hex = HexFormat.of().withUpperCase().formatHex(line.toByteArray());
                line.reset();
                for (F f : decoder.feed(chunk, start, i + 1 - start)) {
                    handler.line(f, hex);
                }
                start = i + 1;
            }
        }
        if (start < end) {
            keep(chunk, start, end - start);
            decoder.feed(chunk, start, end - start);
        }
    }

    private void keep(byte[] chunk, int offset, int length) {
        // A line longer than any valid record is rejected by the decoder anyway; keeping its head bounds memory.
        int room = maxKept - line.size();
        if (room > 0) {
            line.write(chunk, offset, Math.min(room, length));
        }
    }

    void finish() {
        line.reset();
        decoder.finish();
    }

    StreamDecoder<F> decoder() {
        return decoder;
    }
}
