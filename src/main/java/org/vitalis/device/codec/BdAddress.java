package org.vitalis.device.codec;

import java.util.Locale;

/**
 * A Bluetooth LE device address: 48 bits plus its type (Core Specification v5.4, Vol 6, Part B, 1.3; HCI
 * Address_Type 0x00 public, 0x01 random, 0x02/0x03 identity addresses resolved by the controller). On air and over
 * HCI the six bytes are little-endian; people write them most significant first, "C0:11:22:33:44:55".
 */
public record BdAddress(int type, long value) {
    public static final int PUBLIC = 0x00;
    public static final int RANDOM = 0x01;
    private static final long MASK = 0xFFFF_FFFF_FFFFL;

    public BdAddress {
        if (type < 0 || type > 0xFF) {
            throw new IllegalArgumentException("address type " + type + " is not one byte");
        }
        if ((value & ~MASK) != 0) {
            throw new IllegalArgumentException("a device address has 48 bits");
        }
    }

    /** "C0:11:22:33:44:55" (most significant byte first) with the given type. */
    public static BdAddress parse(String text, int type) {
        String[] parts = text.strip().split(":");
        if (parts.length != 6) {
            throw new IllegalArgumentException("\"" + text + "\" is not a device address like C0:11:22:33:44:55");
        }
        long v = 0;
        for (String p : parts) {
            if (p.length() != 2) {
                throw new IllegalArgumentException("\"" + text + "\" is not a device address like C0:11:22:33:44:55");
            }
            try {
                v = v << 8 | Integer.parseInt(p, 16);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("\"" + text + "\" is not a device address like C0:11:22:33:44:55");
            }
        }
        return new BdAddress(type, v);
    }

    static BdAddress read(byte[] b, int at, int type) {
        long v = 0;
        for (int i = 5; i >= 0; i--) {
            v = v << 8 | (b[at + i] & 0xFF);
        }
        return new BdAddress(type, v);
    }

    /** The six bytes as HCI carries them, least significant first. */
    public byte[] bytes() {
        byte[] b = new byte[6];
        for (int i = 0; i < 6; i++) {
            b[i] = (byte) (value >> (8 * i));
        }
        return b;
    }

    /**
     * A static random address (Vol 6, Part B, 1.3.2.1): the two most significant bits are 1 and the other 46 bits
     * are neither all 0 nor all 1.
     */
    public boolean isStaticRandom() {
        long rest = value & 0x3FFF_FFFF_FFFFL;
        return type == RANDOM && (value >>> 46) == 0b11 && rest != 0 && rest != 0x3FFF_FFFF_FFFFL;
    }

    /** A static random address from 46 random bits (fixes the two top bits; avoids the forbidden patterns). */
    public static BdAddress staticRandom(long randomBits) {
        long rest = randomBits & 0x3FFF_FFFF_FFFFL;
        if (rest == 0 || rest == 0x3FFF_FFFF_FFFFL) {
            rest = 0x1234_5678_9ABCL;
        }
        return new BdAddress(RANDOM, 0xC000_0000_0000L | rest);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(17);
        for (int i = 5; i >= 0; i--) {
            sb.append(String.format(Locale.ROOT, "%02X", (value >> (8 * i)) & 0xFF));
            if (i > 0) {
                sb.append(':');
            }
        }
        return sb.toString();
    }
}
