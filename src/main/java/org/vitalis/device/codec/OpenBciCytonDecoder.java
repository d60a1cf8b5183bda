package org.vitalis.device.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * OpenBCI Cyton binary packets (OpenBCI documentation, "Cyton Data Format", section "Binary Format"): 33 bytes =
 * header 0xA0, sample number, 8 channels of 24-bit big-endian two's complement ADS1299 counts, 6 auxiliary bytes,
 * footer 0xC0..0xC6 saying what the auxiliary bytes hold. A header byte can also occur inside channel data, so
 * a candidate frame counts only when its footer is valid; otherwise one byte is skipped and the search goes on.
 */
public final class OpenBciCytonDecoder extends AbstractStreamDecoder<OpenBciCytonDecoder.Frame> {
    public static final int FRAME = 33;
    private static final int HEADER = 0xA0;
    private static final int FOOTER_MIN = 0xC0;
    private static final int FOOTER_MAX = 0xC6;
    private static final int CHANNELS = 8;
    /** ADS1299 datasheet 9.4.4.3 / OpenBCI "Interpreting the EEG Data": full scale is +-4.5 V over 2^23 - 1. */
    private static final double VREF_VOLTS = 4.5;
    private static final double FULL_SCALE = 8_388_607.0;
    /** Cyton Data Format, "16-Bit Signed Data Values": the LIS3DH is set to +-4 g, 0.002 g per count / 2^4. */
    private static final double ACCEL_G_PER_COUNT = 0.002 / 16;
    /** The Cyton firmware's default ADS1299 PGA gain. */
    public static final int DEFAULT_GAIN = 24;

    /** What the footer says the aux bytes carry (Cyton Data Format, "Stop Byte" table). */
    public enum AuxKind {
        ACCELEROMETER, RAW_AUX, USER_DEFINED, TIME_STAMP_SET_ACCEL, TIME_STAMPED_ACCEL, TIME_STAMP_SET_RAW_AUX,
        TIME_STAMPED_RAW_AUX
    }

    /**
     * One packet. {@code accelerometerG} is set for footer 0xC0 (X, Y, Z); {@code timeStamp} (board milliseconds,
     * bytes 28-31) for 0xC3..0xC6.
     */
    public record Frame(int sampleNumber, int[] counts, double[] microvolts, String unit, int footer, AuxKind auxKind,
            int[] auxBytes, double[] accelerometerG, Long timeStamp) {
    }

    private final double[] scale = new double[CHANNELS];
    private final byte[] buf = new byte[FRAME];
    private int len;

    public OpenBciCytonDecoder() {
        this(DEFAULT_GAIN);
    }

    /** @param gain ADS1299 PGA gain of all channels: 1, 2, 4, 6, 8, 12 or 24 (ADS1299 datasheet, CHnSET GAIN). */
    public OpenBciCytonDecoder(int gain) {
        if (gain != 1 && gain != 2 && gain != 4 && gain != 6 && gain != 8 && gain != 12 && gain != 24) {
            throw new IllegalArgumentException("ADS1299 gain must be 1, 2, 4, 6, 8, 12 or 24, not " + gain);
        }
        for (int i = 0; i < CHANNELS; i++) {
            scale[i] = microvoltsPerCount(gain);
        }
    }

    /** Microvolts one ADS1299 count stands for at this PGA gain. */
    public static double microvoltsPerCount(int gain) {
        return VREF_VOLTS / gain / FULL_SCALE * 1e6;
    }

    @Override
    public List<Frame> feed(byte[] chunk, int offset, int length) {
        checkRange(chunk, offset, length);
        List<Frame> out = new ArrayList<>();
        for (int i = offset; i < offset + length; i++) {
            int b = chunk[i] & 0xFF;
            if (len == 0 && b != HEADER) {
                skipped(1);
                continue;
            }
            buf[len++] = (byte) b;
            if (len == FRAME) {
                int footer = buf[FRAME - 1] & 0xFF;
                if (footer >= FOOTER_MIN && footer <= FOOTER_MAX) {
                    emit(out, decode(buf, scale));
                    len = 0;
                } else {
                    rescanAfterFalseHeader();
                }
            }
        }
        return out;
    }

    /** Drops the false header and restarts the search from the next 0xA0 inside the bytes already buffered. */
    private void rescanAfterFalseHeader() {
        int next = 1;
        while (next < len && (buf[next] & 0xFF) != HEADER) {
            next++;
        }
        skipped(next);
        System.arraycopy(buf, next, buf, 0, len - next);
        len -= next;
    }

    @Override
    public List<Frame> finish() {
        skipped(len);
        len = 0;
        return List.of();
    }

    /** Decodes one complete 33-byte packet at the default gain. */
    public static Frame decodeFrame(byte[] f) {
        if (f == null || f.length != FRAME) {
            throw new CodecException("a Cyton packet has 33 bytes", f == null ? 0 : Math.min(f.length, FRAME));
        }
        if ((f[0] & 0xFF) != HEADER) {
            throw new CodecException("a Cyton packet starts with 0xA0", 0);
        }
        int footer = f[FRAME - 1] & 0xFF;
        if (footer < FOOTER_MIN || footer > FOOTER_MAX) {
            throw new CodecException(String.format("Cyton footer 0x%02X is not 0xC0..0xC6", footer), FRAME - 1);
        }
        return decode(f, new OpenBciCytonDecoder().scale);
    }

    private static Frame decode(byte[] f, double[] scale) {
        int[] counts = new int[CHANNELS];
        double[] uv = new double[CHANNELS];
        for (int c = 0; c < CHANNELS; c++) {
            int p = 2 + 3 * c;
            int v = (f[p] & 0xFF) << 16 | (f[p + 1] & 0xFF) << 8 | (f[p + 2] & 0xFF);
            counts[c] = (v << 8) >> 8;
            uv[c] = counts[c] * scale[c];
        }
        int[] aux = new int[6];
        for (int i = 0; i < 6; i++) {
            aux[i] = f[26 + i] & 0xFF;
        }
        int footer = f[FRAME - 1] & 0xFF;
        AuxKind kind = AuxKind.values()[footer - FOOTER_MIN];
        double[] accel = null;
        Long ts = null;
        if (kind == AuxKind.ACCELEROMETER) {
            accel = new double[3];
            for (int a = 0; a < 3; a++) {
                accel[a] = (short) (aux[2 * a] << 8 | aux[2 * a + 1]) * ACCEL_G_PER_COUNT;
            }
        } else if (footer >= 0xC3) {
            ts = ((long) aux[2] << 24) | (aux[3] << 16) | (aux[4] << 8) | aux[5];
        }
        return new Frame(f[1] & 0xFF, counts, uv, "uV", footer, kind, aux, accel, ts);
    }
}
