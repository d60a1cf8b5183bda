package org.vitalis.device.codec;

/**
 * Builds Contec CMS50D+/CMS50E live-data frames, the inverse of {@link ContecCms50Decoder#decodeFrame} (same source
 * and bit layout). Simulators use it to speak the real protocol; the driver uses it to show the exact bytes that
 * carried a reading, since every bit of a frame is kept in {@link ContecCms50Decoder.Frame}.
 */
public final class ContecCms50Encoder {
    private ContecCms50Encoder() {
    }

    /** The 5 bytes of {@code f}, taking its raw pulse rate and SpO2 (255 and 127 mean "no value"). */
    public static byte[] encode(ContecCms50Decoder.Frame f) {
        return encode(f.signalStrength(), f.pulseBeep(), f.spo2Dropping(), f.searchingTooLong(), f.pleth(),
                f.barGraph(), f.probeError(), f.searching(), f.rawPulseRate(), f.rawSpo2());
    }

    /**
     * @param pulseRate beats per minute 0-254, or 255 for "no value"
     * @param spo2      percent 0-126, or 127 for "no value"
     */
    public static byte[] encode(int signalStrength, boolean pulseBeep, boolean spo2Dropping, boolean searchingTooLong,
            int pleth, int barGraph, boolean probeError, boolean searching, int pulseRate, int spo2) {
        check("signal strength", signalStrength, 15);
        check("pleth", pleth, 127);
        check("bar graph", barGraph, 15);
        check("pulse rate", pulseRate, 255);
        check("SpO2", spo2, 127);
        byte[] f = new byte[5];
        f[0] = (byte) (0x80 | (pulseBeep ? 0x40 : 0) | (spo2Dropping ? 0x20 : 0) | (searchingTooLong ? 0x10 : 0)
                | signalStrength);
        f[1] = (byte) pleth;
        f[2] = (byte) ((pulseRate & 0x80) >> 1 | (searching ? 0x20 : 0) | (probeError ? 0x10 : 0) | barGraph);
        f[3] = (byte) (pulseRate & 0x7F);
        f[4] = (byte) spo2;
        return f;
    }

    private static void check(String what, int v, int max) {
        if (v < 0 || v > max) {
            throw new IllegalArgumentException(what + " " + v + " does not fit a CMS50 frame (0-" + max + ")");
        }
    }
}
