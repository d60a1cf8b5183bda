package org.vitalis.device.codec;

/** Builds Cyton packets as the board sends them (see {@link OpenBciCytonDecoder}): simulators and tests need them. */
public final class OpenBciCytonEncoder {
    private static final int MIN_COUNT = -(1 << 23);
    private static final int MAX_COUNT = (1 << 23) - 1;

    private OpenBciCytonEncoder() {
    }

    /**
     * One packet with the accelerometer footer 0xC0 and a resting accelerometer (0 g on every axis).
     *
     * @param sampleNumber 0-255, the board's packet counter
     * @param counts       eight 24-bit two's complement ADS1299 counts
     */
    public static byte[] encode(int sampleNumber, int[] counts) {
        if (sampleNumber < 0 || sampleNumber > 255) {
            throw new IllegalArgumentException("a Cyton sample number is 0-255, not " + sampleNumber);
        }
        if (counts.length != 8) {
            throw new IllegalArgumentException("a Cyton packet carries 8 channels, not " + counts.length);
        }
        byte[] f = new byte[OpenBciCytonDecoder.FRAME];
        f[0] = (byte) 0xA0;
        f[1] = (byte) sampleNumber;
        for (int c = 0; c < 8; c++) {
            int v = counts[c];
            if (v < MIN_COUNT || v > MAX_COUNT) {
                throw new IllegalArgumentException("channel " + (c + 1) + ": " + v + " does not fit in 24 bits");
            }
            f[2 + 3 * c] = (byte) (v >> 16);
            f[3 + 3 * c] = (byte) (v >> 8);
            f[4 + 3 * c] = (byte) v;
        }
        f[OpenBciCytonDecoder.FRAME - 1] = (byte) 0xC0;
        return f;
    }
}
