package org.vitalis.device.codec;

/**
 * Little-endian cursor over a characteristic value; GATT values are little-endian (Core Specification v5.4, Vol 3,
 * Part G, 3.3.3 and GATT Specification Supplement 2.2). Every read names the field it wanted, so a short value
 * says which field is missing and where.
 */
final class ByteReader {
    private final byte[] data;
    private int pos;

    ByteReader(byte[] data) {
        if (data == null) {
            throw new CodecException("no value given", 0);
        }
        this.data = data;
    }

    int position() {
        return pos;
    }

    int remaining() {
        return data.length - pos;
    }

    private void need(int n, String field) {
        if (data.length - pos < n) {
            throw new CodecException(field + " needs " + n + " byte" + (n == 1 ? "" : "s") + " but only "
                    + (data.length - pos) + " remain in a " + data.length + "-byte value", pos);
        }
    }

    int u8(String field) {
        need(1, field);
        return data[pos++] & 0xFF;
    }

    int u16(String field) {
        need(2, field);
        int v = (data[pos] & 0xFF) | (data[pos + 1] & 0xFF) << 8;
        pos += 2;
        return v;
    }

    int u24(String field) {
        need(3, field);
        int v = (data[pos] & 0xFF) | (data[pos + 1] & 0xFF) << 8 | (data[pos + 2] & 0xFF) << 16;
        pos += 3;
        return v;
    }

    long u32(String field) {
        need(4, field);
        long v = (data[pos] & 0xFFL) | (data[pos + 1] & 0xFFL) << 8 | (data[pos + 2] & 0xFFL) << 16
                | (data[pos + 3] & 0xFFL) << 24;
        pos += 4;
        return v;
    }

    MderFloat sfloat(String field) {
        need(2, field);
        return MderFloat.sfloat(u16(field));
    }

    MderFloat float32(String field) {
        need(4, field);
        return MderFloat.float32((int) u32(field));
    }

    GattDateTime dateTime(String field) {
        need(7, field);
        int at = pos;
        return GattDateTime.read(this, at);
    }

    /** Trailing bytes mean the flags and the value disagree: the sender and we read different layouts. */
    void end(String characteristic) {
        if (pos != data.length) {
            throw new CodecException(characteristic + " has " + (data.length - pos)
                    + " unexpected trailing byte(s) after the fields its flags announce", pos);
        }
    }
}
