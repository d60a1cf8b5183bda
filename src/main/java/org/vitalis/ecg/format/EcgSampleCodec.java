package org.vitalis.ecg.format;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Lossless, compact storage of one lead's integer samples: the first difference (an ECG changes little from one
 * sample to the next), zigzag (small negative differences become small unsigned numbers), unsigned LEB128 varints
 * (most differences fit one byte), then zlib deflate at best compression (repeating beat shapes). All arithmetic is
 * modulo 2^32, so every {@code int}, 24-bit ADC values and {@link Integer#MIN_VALUE} next to
 * {@link Integer#MAX_VALUE} alike, comes back exactly. The zlib stream's Adler-32 checksum catches damaged bytes.
 *
 * <p>Layout: one format byte ({@value #FORMAT}), then the zlib stream. The sample count is not stored: the caller
 * keeps it beside the bytes and passes it to {@link #decode}, which is what bounds the work a damaged or hostile
 * input can cause.
 */
public final class EcgSampleCodec {
    /** First-difference, zigzag, LEB128, zlib. A different layout gets a new number. */
    public static final int FORMAT = 1;
    /** A 32-bit value needs at most five 7-bit groups. */
    private static final int MAX_VARINT_BYTES = 5;
    private static final int CHUNK = 8192;

    private EcgSampleCodec() {
    }

    /** The samples, compressed; an empty array gives a short valid encoding too. */
    public static byte[] encode(int[] samples) {
        ByteArrayOutputStream varints = new ByteArrayOutputStream(samples.length * 2 + 16);
        int previous = 0;
        for (int s : samples) {
            int d = s - previous;
            previous = s;
            int z = (d << 1) ^ (d >> 31);
            while ((z & ~0x7F) != 0) {
                varints.write((z & 0x7F) | 0x80);
                z >>>= 7;
            }
            varints.write(z);
        }
        byte[] raw = varints.toByteArray();
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 64);
            out.write(FORMAT);
            byte[] buf = new byte[CHUNK];
            while (!deflater.finished()) {
                int n = deflater.deflate(buf);
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /**
     * The samples back.
     *
     * @param expectedCount how many samples were encoded (kept by the caller)
     * @throws CorruptSamplesException when the bytes are not exactly an encoding of {@code expectedCount} samples
     */
    public static int[] decode(byte[] data, int expectedCount) {
        if (expectedCount < 0) {
            throw new IllegalArgumentException("expected sample count must not be negative: " + expectedCount);
        }
        if (data == null || data.length == 0) {
            throw new CorruptSamplesException("empty (no format byte)");
        }
        if (data[0] != FORMAT) {
            throw new CorruptSamplesException("unknown format " + (data[0] & 0xFF) + " (this version reads " + FORMAT + ")");
        }
        int[] out = new int[expectedCount];
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data, 1, data.length - 1);
            byte[] buf = new byte[CHUNK];
            int count = 0;
            int previous = 0;
            int value = 0;
            int groups = 0;
            // Decoded bytes are consumed as they come, so a stream that inflates to far more than
            // expectedCount samples is refused after at most five bytes per sample, whatever it claims.
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && !inflater.finished()) {
                    if (inflater.needsDictionary()) {
                        throw new CorruptSamplesException("the compressed stream asks for a preset dictionary");
                    }
                    if (inflater.needsInput()) {
                        throw new CorruptSamplesException("the compressed stream is cut short");
                    }
                }
                for (int i = 0; i < n; i++) {
                    int b = buf[i] & 0xFF;
                    if (groups == MAX_VARINT_BYTES - 1 && b > 0x0F) {
                        throw new CorruptSamplesException("a difference at sample " + count + " exceeds 32 bits");
                    }
                    value |= (b & 0x7F) << (7 * groups);
                    groups++;
                    if ((b & 0x80) != 0) {
                        continue;
                    }
                    if (count == expectedCount) {
                        throw new CorruptSamplesException("holds more than the expected " + expectedCount + " samples");
                    }
                    int d = (value >>> 1) ^ -(value & 1);
                    previous += d;
                    out[count++] = previous;
                    value = 0;
                    groups = 0;
                }
            }
            if (inflater.getRemaining() > 0) {
                throw new CorruptSamplesException(inflater.getRemaining() + " stray bytes after the compressed stream");
            }
            if (groups != 0) {
                throw new CorruptSamplesException("the last difference is cut short");
            }
            if (count != expectedCount) {
                throw new CorruptSamplesException("holds " + count + " samples, not the expected " + expectedCount);
            }
            return out;
        } catch (DataFormatException e) {
            throw new CorruptSamplesException("the compressed stream is damaged (" + e.getMessage() + ")", e);
        } finally {
            inflater.end();
        }
    }

    /** Stored sample bytes that do not decode; the stored copy is damaged or was not written by this codec. */
    public static final class CorruptSamplesException extends EcgFormatException {
        CorruptSamplesException(String problem) {
            super("Stored ECG samples are damaged: " + problem + ".");
        }

        CorruptSamplesException(String problem, Throwable cause) {
            super("Stored ECG samples are damaged: " + problem + ".", cause);
        }
    }
}
