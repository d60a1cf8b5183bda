package org.vitalis.device.codec;

import java.util.Locale;
import java.util.UUID;

/**
 * Bluetooth UUIDs: 16-bit values are shorthand for the Bluetooth Base UUID 0000xxxx-0000-1000-8000-00805F9B34FB
 * (Core Specification v5.4, Vol 3, Part B, 2.5.1). ATT carries them little-endian, in 2 or 16 bytes.
 */
public final class BleUuids {
    private static final long BASE_MSB = 0x0000_0000_0000_1000L;
    private static final long BASE_LSB = 0x8000_0080_5F9B_34FBL;

    private BleUuids() {
    }

    public static UUID of16(int uuid16) {
        if (uuid16 < 0 || uuid16 > 0xFFFF) {
            throw new IllegalArgumentException("a 16-bit UUID is 0x0000-0xFFFF, not " + uuid16);
        }
        return new UUID(BASE_MSB | (long) uuid16 << 32, BASE_LSB);
    }

    /** The 16-bit alias of {@code uuid}, or -1 if it is not based on the Bluetooth Base UUID with 16 bits. */
    public static int short16(UUID uuid) {
        if (uuid.getLeastSignificantBits() != BASE_LSB || (uuid.getMostSignificantBits() & 0xFFFF_FFFFL) != BASE_MSB
                || (uuid.getMostSignificantBits() >>> 48) != 0) {
            return -1;
        }
        return (int) (uuid.getMostSignificantBits() >>> 32) & 0xFFFF;
    }

    /** A UUID as ATT carries it: 2 or 16 bytes, little-endian. */
    public static UUID fromBytes(byte[] value) {
        return read(value, 0, value.length);
    }

    /** Reads a 2- or 16-byte little-endian UUID. */
    static UUID read(byte[] b, int at, int length) {
        if (length == 2) {
            return of16((b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8);
        }
        if (length != 16) {
            throw new CodecException("a UUID has 2 or 16 bytes, not " + length, at);
        }
        long lsb = 0;
        long msb = 0;
        for (int i = 7; i >= 0; i--) {
            lsb = lsb << 8 | (b[at + i] & 0xFF);
            msb = msb << 8 | (b[at + 8 + i] & 0xFF);
        }
        return new UUID(msb, lsb);
    }

    /** The shortest on-air form: 2 bytes for a 16-bit alias, else 16. */
    public static byte[] bytes(UUID uuid) {
        int s = short16(uuid);
        if (s >= 0) {
            return new byte[] {(byte) s, (byte) (s >> 8)};
        }
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (uuid.getLeastSignificantBits() >> (8 * i));
            b[8 + i] = (byte) (uuid.getMostSignificantBits() >> (8 * i));
        }
        return b;
    }

    /** "0x2A35" for a 16-bit alias, the full form otherwise. */
    public static String text(UUID uuid) {
        int s = short16(uuid);
        return s >= 0 ? String.format(Locale.ROOT, "0x%04X", s) : uuid.toString().toUpperCase(Locale.ROOT);
    }
}
