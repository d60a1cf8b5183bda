package org.vitalis.ecg.format;

/**
 * Decodes the interleaved sample stream of one WFDB signal file (see WFDB signal(5)).
 * Frames hold one sample of each signal in turn; the result is indexed {@code [signal][sample]}.
 */
public final class WfdbSampleDecoder {
    private WfdbSampleDecoder() {
    }

    /**
     * Decodes up to {@code maxFrames} frames of {@code signals} interleaved signals.
     *
     * @param maxFrames frames wanted, or a negative number for "all complete frames in the data"
     * @param source    names the file in error messages
     * @throws WfdbFormatException for an unsupported format, a non-positive signal count, or data shorter than asked
     */
    public static int[][] decode(byte[] data, int offset, int format, int signals, long maxFrames, String source) {
        if (signals <= 0) {
            throw new WfdbFormatException(source, "a signal file needs at least one signal, got " + signals);
        }
        if (offset < 0 || offset > data.length) {
            throw new WfdbFormatException(source, "byte offset " + offset + " is beyond the end of the file (" + data.length + " bytes)");
        }
        long available = data.length - (long) offset;
        long values = switch (format) {
            // two 12-bit samples in three bytes; a trailing pair of bytes still holds one sample
            case 212 -> available / 3 * 2 + (available % 3 == 2 ? 1 : 0);
            case 16 -> available / 2;
            default -> throw new WfdbFormatException(source, "signal format " + format + " is not supported (16 and 212 are)");
        };
        long frames = values / signals;
        if (maxFrames >= 0) {
            if (maxFrames > frames) {
                throw new WfdbFormatException(source, "holds " + frames + " complete frames of " + signals
                        + " signals in format " + format + ", but " + maxFrames + " were expected");
            }
            frames = maxFrames;
        }
        if (frames * signals > Integer.MAX_VALUE - 8) {
            throw new WfdbFormatException(source, "too many samples to hold in memory: " + frames * signals);
        }
        int n = (int) frames;
        int[][] out = new int[signals][n];
        if (format == 16) {
            int p = offset;
            for (int i = 0; i < n; i++) {
                for (int s = 0; s < signals; s++) {
                    out[s][i] = (short) ((data[p] & 0xFF) | (data[p + 1] << 8));
                    p += 2;
                }
            }
        } else {
            int total = n * signals;
            int p = offset;
            for (int k = 0; k < total; k += 2) {
                int b0 = data[p] & 0xFF;
                int b1 = data[p + 1] & 0xFF;
                int first = ((b1 & 0x0F) << 8 | b0) << 20 >> 20;
                out[k % signals][k / signals] = first;
                if (k + 1 < total) {
                    int b2 = data[p + 2] & 0xFF;
                    int second = ((b1 & 0xF0) << 4 | b2) << 20 >> 20;
                    out[(k + 1) % signals][(k + 1) / signals] = second;
                }
                p += 3;
            }
        }
        return out;
    }

    /** WFDB's checksum: the sum of all samples, kept to 16 bits and read as a signed short. */
    public static int checksum(int[] samples) {
        int sum = 0;
        for (int v : samples) {
            sum += v;
        }
        return (short) sum;
    }
}
