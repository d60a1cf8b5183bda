package org.vitalis.device.codec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.vitalis.device.codec.AttPdu.GroupValue;
import org.vitalis.device.codec.AttPdu.HandleUuid;
import org.vitalis.device.codec.AttPdu.HandleValue;

/**
 * Parses and builds Attribute Protocol PDUs (Core Specification v5.4, Vol 3, Part F, 3.4; all fields
 * little-endian). Parsing checks the lengths each PDU's format fixes and throws {@link CodecException} otherwise;
 * an opcode outside the ones listed in {@link AttPdu} becomes {@link AttPdu.Other}.
 */
public final class Att {
    /** The ATT_MTU before an exchange, and the least any device supports (Vol 3, Part F, 3.2.8). */
    public static final int DEFAULT_MTU = 23;
    // Find Information Response formats (3.4.3.2).
    private static final int FORMAT_16 = 0x01;
    private static final int FORMAT_128 = 0x02;

    private Att() {
    }

    public static AttPdu parse(byte[] pdu) {
        if (pdu == null || pdu.length == 0) {
            throw new CodecException("an ATT PDU has at least an opcode", 0);
        }
        int op = pdu[0] & 0xFF;
        return switch (op) {
            case AttPdu.ERROR_RSP -> {
                exact(pdu, 5, "Error Response");
                yield new AttPdu.ErrorResponse(pdu[1] & 0xFF, u16(pdu, 2), pdu[4] & 0xFF);
            }
            case AttPdu.EXCHANGE_MTU_REQ -> {
                exact(pdu, 3, "Exchange MTU Request");
                yield new AttPdu.ExchangeMtuRequest(u16(pdu, 1));
            }
            case AttPdu.EXCHANGE_MTU_RSP -> {
                exact(pdu, 3, "Exchange MTU Response");
                yield new AttPdu.ExchangeMtuResponse(u16(pdu, 1));
            }
            case AttPdu.FIND_INFORMATION_REQ -> {
                exact(pdu, 5, "Find Information Request");
                yield new AttPdu.FindInformationRequest(u16(pdu, 1), u16(pdu, 3));
            }
            case AttPdu.FIND_INFORMATION_RSP -> findInformation(pdu);
            case AttPdu.READ_BY_TYPE_REQ -> {
                uuidSized(pdu, 5, "Read By Type Request");
                yield new AttPdu.ReadByTypeRequest(u16(pdu, 1), u16(pdu, 3), BleUuids.read(pdu, 5, pdu.length - 5));
            }
            case AttPdu.READ_BY_TYPE_RSP -> new AttPdu.ReadByTypeResponse(list(pdu, 2, "Read By Type Response")
                    .stream().map(e -> new HandleValue(u16(e, 0), Arrays.copyOfRange(e, 2, e.length))).toList());
            case AttPdu.READ_REQ -> {
                exact(pdu, 3, "Read Request");
                yield new AttPdu.ReadRequest(u16(pdu, 1));
            }
            case AttPdu.READ_RSP -> new AttPdu.ReadResponse(Arrays.copyOfRange(pdu, 1, pdu.length));
            case AttPdu.READ_BY_GROUP_TYPE_REQ -> {
                uuidSized(pdu, 5, "Read By Group Type Request");
                yield new AttPdu.ReadByGroupTypeRequest(u16(pdu, 1), u16(pdu, 3),
                        BleUuids.read(pdu, 5, pdu.length - 5));
            }
            case AttPdu.READ_BY_GROUP_TYPE_RSP -> new AttPdu.ReadByGroupTypeResponse(
                    list(pdu, 4, "Read By Group Type Response").stream().map(e -> new GroupValue(u16(e, 0),
                            u16(e, 2), Arrays.copyOfRange(e, 4, e.length))).toList());
            case AttPdu.WRITE_REQ -> {
                atLeast(pdu, 3, "Write Request");
                yield new AttPdu.WriteRequest(u16(pdu, 1), Arrays.copyOfRange(pdu, 3, pdu.length));
            }
            case AttPdu.WRITE_RSP -> {
                exact(pdu, 1, "Write Response");
                yield new AttPdu.WriteResponse();
            }
            case AttPdu.HANDLE_VALUE_NTF -> {
                atLeast(pdu, 3, "Handle Value Notification");
                yield new AttPdu.Notification(u16(pdu, 1), Arrays.copyOfRange(pdu, 3, pdu.length));
            }
            case AttPdu.HANDLE_VALUE_IND -> {
                atLeast(pdu, 3, "Handle Value Indication");
                yield new AttPdu.Indication(u16(pdu, 1), Arrays.copyOfRange(pdu, 3, pdu.length));
            }
            case AttPdu.HANDLE_VALUE_CFM -> {
                exact(pdu, 1, "Handle Value Confirmation");
                yield new AttPdu.Confirmation();
            }
            default -> new AttPdu.Other(op, Arrays.copyOfRange(pdu, 1, pdu.length));
        };
    }

    private static AttPdu findInformation(byte[] pdu) {
        atLeast(pdu, 2, "Find Information Response");
        int format = pdu[1] & 0xFF;
        if (format != FORMAT_16 && format != FORMAT_128) {
            throw new CodecException("Find Information Response format " + format + " is not 1 or 2", 1);
        }
        int entry = format == FORMAT_16 ? 4 : 18;
        int data = pdu.length - 2;
        if (data == 0 || data % entry != 0) {
            throw new CodecException("Find Information Response has " + data + " bytes of data, not a positive"
                    + " multiple of " + entry, 2);
        }
        List<HandleUuid> out = new ArrayList<>(data / entry);
        for (int at = 2; at < pdu.length; at += entry) {
            out.add(new HandleUuid(u16(pdu, at), BleUuids.read(pdu, at + 2, entry - 2)));
        }
        return new AttPdu.FindInformationResponse(out);
    }

    /** The entries of a response with a length byte at offset 1, each at least {@code min} bytes. */
    private static List<byte[]> list(byte[] pdu, int min, String name) {
        atLeast(pdu, 2, name);
        int length = pdu[1] & 0xFF;
        int data = pdu.length - 2;
        if (length < min || data == 0 || data % length != 0) {
            throw new CodecException(String.format(Locale.ROOT, "%s entries of %d bytes cannot fill %d bytes"
                    + " (each entry has at least %d)", name, length, data, min), 1);
        }
        List<byte[]> out = new ArrayList<>(data / length);
        for (int at = 2; at < pdu.length; at += length) {
            out.add(Arrays.copyOfRange(pdu, at, at + length));
        }
        return out;
    }

    private static void exact(byte[] pdu, int n, String name) {
        if (pdu.length != n) {
            throw new CodecException(name + " is " + n + " bytes, got " + pdu.length, 0);
        }
    }

    private static void atLeast(byte[] pdu, int n, String name) {
        if (pdu.length < n) {
            throw new CodecException(name + " is at least " + n + " bytes, got " + pdu.length, 0);
        }
    }

    private static void uuidSized(byte[] pdu, int header, String name) {
        if (pdu.length != header + 2 && pdu.length != header + 16) {
            throw new CodecException(name + " ends in a 2- or 16-byte UUID; it has " + (pdu.length - header)
                    + " bytes there", Math.min(header, pdu.length));
        }
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    // ----- building PDUs -----

    public static byte[] encode(AttPdu pdu) {
        ByteWriter w = new ByteWriter(32).u8(pdu.opcode());
        switch (pdu) {
            case AttPdu.ErrorResponse e -> w.u8(e.requestOpcode()).u16(e.handle()).u8(e.errorCode());
            case AttPdu.ExchangeMtuRequest m -> w.u16(m.clientRxMtu());
            case AttPdu.ExchangeMtuResponse m -> w.u16(m.serverRxMtu());
            case AttPdu.FindInformationRequest f -> w.u16(f.startHandle()).u16(f.endHandle());
            case AttPdu.FindInformationResponse f -> {
                boolean all16 = f.entries().stream().allMatch(e -> BleUuids.short16(e.type()) >= 0);
                boolean none16 = f.entries().stream().noneMatch(e -> BleUuids.short16(e.type()) >= 0);
                if (f.entries().isEmpty() || (!all16 && !none16)) {
                    throw new IllegalArgumentException("a Find Information Response holds one or more UUIDs of one size");
                }
                w.u8(all16 ? FORMAT_16 : FORMAT_128);
                f.entries().forEach(e -> w.u16(e.handle()).bytes(BleUuids.bytes(e.type())));
            }
            case AttPdu.ReadByTypeRequest r -> w.u16(r.startHandle()).u16(r.endHandle()).bytes(BleUuids.bytes(r.type()));
            case AttPdu.ReadByTypeResponse r -> {
                int length = sameLength(r.entries().stream().map(e -> e.value().length).toList()) + 2;
                w.u8(length);
                r.entries().forEach(e -> w.u16(e.handle()).bytes(e.value()));
            }
            case AttPdu.ReadRequest r -> w.u16(r.handle());
            case AttPdu.ReadResponse r -> w.bytes(r.value());
            case AttPdu.ReadByGroupTypeRequest r -> w.u16(r.startHandle()).u16(r.endHandle())
                    .bytes(BleUuids.bytes(r.groupType()));
            case AttPdu.ReadByGroupTypeResponse r -> {
                int length = sameLength(r.entries().stream().map(e -> e.value().length).toList()) + 4;
                w.u8(length);
                r.entries().forEach(e -> w.u16(e.handle()).u16(e.endGroupHandle()).bytes(e.value()));
            }
            case AttPdu.WriteRequest r -> w.u16(r.handle()).bytes(r.value());
            case AttPdu.WriteResponse r -> {
            }
            case AttPdu.Notification n -> w.u16(n.handle()).bytes(n.value());
            case AttPdu.Indication n -> w.u16(n.handle()).bytes(n.value());
            case AttPdu.Confirmation c -> {
            }
            case AttPdu.Other o -> w.bytes(o.parameters());
        }
        return w.toArray();
    }

    private static int sameLength(List<Integer> lengths) {
        if (lengths.isEmpty() || lengths.stream().distinct().count() != 1 || lengths.getFirst() > 251) {
            throw new IllegalArgumentException("a response list holds one or more entries of one length");
        }
        return lengths.getFirst();
    }

    /** The value of a characteristic declaration (Vol 3, Part G, 3.3.1): properties, value handle, UUID. */
    public record CharacteristicDeclaration(int handle, int properties, int valueHandle, UUID uuid) {
        public static final int READ = 0x02;
        public static final int WRITE = 0x08;
        public static final int NOTIFY = 0x10;
        public static final int INDICATE = 0x20;

        public static CharacteristicDeclaration parse(int handle, byte[] value) {
            if (value.length != 5 && value.length != 19) {
                throw new CodecException("a characteristic declaration is 5 or 19 bytes, got " + value.length, 0);
            }
            int valueHandle = u16(value, 1);
            if (valueHandle <= handle) {
                throw new CodecException(String.format(Locale.ROOT, "characteristic value handle 0x%04X is not"
                        + " after its declaration 0x%04X", valueHandle, handle), 1);
            }
            return new CharacteristicDeclaration(handle, value[0] & 0xFF, valueHandle,
                    BleUuids.read(value, 3, value.length - 3));
        }

        public byte[] value() {
            return new ByteWriter(19).u8(properties).u16(valueHandle).bytes(BleUuids.bytes(uuid)).toArray();
        }

        public boolean has(int property) {
            return (properties & property) != 0;
        }
    }

    /** GATT declaration and descriptor types (Vol 3, Part G, 3.1-3.3). */
    public static final UUID PRIMARY_SERVICE = BleUuids.of16(0x2800);
    public static final UUID CHARACTERISTIC = BleUuids.of16(0x2803);
    public static final UUID CLIENT_CHARACTERISTIC_CONFIGURATION = BleUuids.of16(0x2902);
}
