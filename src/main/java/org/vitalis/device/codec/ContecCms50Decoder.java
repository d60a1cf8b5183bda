package org.vitalis.device.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * Live data of the Contec CMS50D+ / CMS50E finger pulse oximeters (19200 baud, 8 data bits, odd parity, 1 stop
 * bit; about 60 frames a second). Source: Contec's "Communication protocol" for the CMS50 series, as published by
 * A. Tranzoa (www.tranzoa.net/~alex/blog/?p=371, linking the vendor PDF) and summarised on the Apnea Board wiki
 * "Contec CMS50X Data Format". Each frame is 5 bytes; bit 7 is set on the first byte only, which is how the decoder
 * finds frame boundaries:
 * <pre>
 * byte 1: bit 7 sync (1), bit 6 pulse beep, bit 5 SpO2 dropping, bit 4 searching too long, bits 0-3 signal strength
 * byte 2: bits 0-6 pleth (plethysmogram) value
 * byte 3: bit 6 pulse rate bit 7, bit 5 searching for pulse, bit 4 probe (sensor) error, bits 0-3 bar graph
 * byte 4: bits 0-6 pulse rate bits 0-6
 * byte 5: bits 0-6 SpO2 %
 * </pre>
 * The protocol marks "no value" with pulse rate 255 and SpO2 127; those become null.
 */
public final class ContecCms50Decoder extends AbstractStreamDecoder<ContecCms50Decoder.Frame> {
    private static final int FRAME = 5;
    private static final int SYNC = 0x80;
    private static final int PULSE_RATE_INVALID = 255;
    private static final int SPO2_INVALID = 127;

    /** One live-data frame; {@code pulseRate}/{@code spo2} are null when the device reports no value. */
    public record Frame(int signalStrength, boolean pulseBeep, boolean spo2Dropping, boolean searchingTooLong,
            int pleth, int barGraph, boolean probeError, boolean searching, Integer pulseRate, Integer spo2,
            int rawPulseRate, int rawSpo2, String pulseRateUnit, String spo2Unit) {
    }

    private final byte[] buf = new byte[FRAME];
    private int len;

    @Override
    public List<Frame> feed(byte[] chunk, int offset, int length) {
        checkRange(chunk, offset, length);
        List<Frame> out = new ArrayList<>();
        for (int i = offset; i < offset + length; i++) {
            int b = chunk[i] & 0xFF;
            if ((b & SYNC) != 0) {
                // A sync byte inside a frame means the previous frame lost bytes: drop it and start over here.
                skipped(len);
                buf[0] = (byte) b;
                len = 1;
            } else if (len == 0) {
                skipped(1);
            } else {
                buf[len++] = (byte) b;
                if (len == FRAME) {
                    emit(out, decodeFrame(buf));
                    len = 0;
                }
            }
        }
        return out;
    }

    @Override
    public List<Frame> finish() {
        skipped(len);
        len = 0;
        return List.of();
    }

    /** Decodes one complete 5-byte frame. */
    public static Frame decodeFrame(byte[] f) {
        if (f == null || f.length < FRAME) {
            throw new CodecException("a CMS50 frame has 5 bytes", f == null ? 0 : f.length);
        }
        if ((f[0] & SYNC) == 0) {
            throw new CodecException("first byte of a CMS50 frame must have bit 7 set", 0);
        }
        for (int i = 1; i < FRAME; i++) {
            if ((f[i] & SYNC) != 0) {
                throw new CodecException("only the first byte of a CMS50 frame may have bit 7 set", i);
            }
        }
        int b1 = f[0] & 0xFF;
        int b3 = f[2] & 0xFF;
        int pr = (b3 & 0x40) << 1 | (f[3] & 0x7F);
        int spo2 = f[4] & 0x7F;
        return new Frame(b1 & 0x0F, (b1 & 0x40) != 0, (b1 & 0x20) != 0, (b1 & 0x10) != 0, f[1] & 0x7F, b3 & 0x0F,
                (b3 & 0x10) != 0, (b3 & 0x20) != 0, pr == PULSE_RATE_INVALID ? null : pr,
                spo2 == SPO2_INVALID ? null : spo2, pr, spo2, "/min", "%");
    }
}
