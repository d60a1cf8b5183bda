package org.vitalis.vision.inference.training;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A protocol-buffers message being encoded: varint and length-delimited fields, the only two wire types ONNX's
 * messages need here (https://protobuf.dev/programming-guides/encoding/). Written out rather than taken from
 * protobuf-java, whose encoder calls sun.misc.Unsafe and makes Java 25 print deprecation warnings on every run.
 */
final class ProtoMessage {
    private static final int VARINT = 0;
    private static final int LENGTH_DELIMITED = 2;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    ProtoMessage int64(int field, long value) {
        tag(field, VARINT);
        varint(value);
        return this;
    }

    ProtoMessage string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    ProtoMessage message(int field, ProtoMessage value) {
        return bytes(field, value.toByteArray());
    }

    ProtoMessage bytes(int field, byte[] value) {
        tag(field, LENGTH_DELIMITED);
        varint(value.length);
        bytes.writeBytes(value);
        return this;
    }

    /** Appends the fields already encoded in {@code other}. */
    ProtoMessage append(ProtoMessage other) {
        bytes.writeBytes(other.toByteArray());
        return this;
    }

    byte[] toByteArray() {
        return bytes.toByteArray();
    }

    private void tag(int field, int wireType) {
        varint(((long) field << 3) | wireType);
    }

    /** Base-128 varint, least significant group first; negative int64 values take ten bytes, as protobuf encodes them. */
    private void varint(long v) {
        while ((v & ~0x7FL) != 0) {
            bytes.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        bytes.write((int) v);
    }
}
