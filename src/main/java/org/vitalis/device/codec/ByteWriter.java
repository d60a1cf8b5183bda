package org.vitalis.device.codec;

import java.util.Arrays;

/** A growing little-endian byte buffer for the encoders (this package may not use java.io). */
final class ByteWriter {
    private byte[] b;
    private int n;

    ByteWriter(int capacity) {
        b = new byte[Math.max(8, capacity)];
    }

    private void room(int more) {
        if (n + more > b.length) {
            b = Arrays.copyOf(b, Math.max(b.length * 2, n + more));
        }
    }

    ByteWriter u8(int v) {
        room(1);
        b[n++] = (byte) v;
        return this;
    }

    ByteWriter u16(int v) {
        room(2);
        b[n++] = (byte) v;
        b[n++] = (byte) (v >> 8);
        return this;
    }

    ByteWriter bytes(byte[] v) {
        return bytes(v, 0, v.length);
    }

    ByteWriter bytes(byte[] v, int offset, int length) {
        room(length);
        System.arraycopy(v, offset, b, n, length);
        n += length;
        return this;
    }

    int size() {
        return n;
    }

    byte[] toArray() {
        return Arrays.copyOf(b, n);
    }
}
