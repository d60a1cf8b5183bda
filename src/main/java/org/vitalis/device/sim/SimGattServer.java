package org.vitalis.device.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.vitalis.device.codec.Att;
import org.vitalis.device.codec.AttPdu;
import org.vitalis.device.codec.BleUuids;
import org.vitalis.device.codec.Characteristics;
import org.vitalis.device.codec.CodecException;
import org.vitalis.device.codec.GattNames;

/**
 * The attribute database and ATT server of a simulated health device (Core Specification v5.4, Vol 3, Parts F and
 * G): Generic Access (Device Name, Appearance), Battery (Battery Level, read + notify), the device's health service
 * and a vendor service with 128-bit UUIDs, as real devices carry one (for firmware update or settings). Answers
 * follow Part F, 3.4: lists hold entries of one length and fit the ATT_MTU; Attribute Not Found ends discovery.
 */
final class SimGattServer {
    /** The server's receive MTU: smaller than the client's 247, so responses span several 27-byte ACL packets. */
    static final int SERVER_MTU = 65;
    static final UUID VENDOR_SERVICE = UUID.fromString("3E5A0001-6C4B-4D2E-9F1A-7A1C2B3D4E5F");
    static final UUID VENDOR_SETTING = UUID.fromString("3E5A0002-6C4B-4D2E-9F1A-7A1C2B3D4E5F");

    private record Attribute(int handle, UUID type, byte[] value, boolean readable) {
    }

    private record Group(int start, int end, UUID uuid) {
    }

    private final List<Attribute> attributes = new ArrayList<>();
    private final List<Group> services = new ArrayList<>();
    /** Characteristic UUID (16-bit) to its value handle and its CCCD handle. */
    private final Map<Integer, Integer> valueHandles = new HashMap<>();
    private final Map<Integer, Integer> cccdHandles = new HashMap<>();
    private final Map<Integer, Integer> cccdValues = new HashMap<>();
    private int mtu = Att.DEFAULT_MTU;

    SimGattServer(HealthPeripheral.Kind kind, String name, byte[] battery) {
        int gap = service(BleUuids.of16(GattNames.GENERIC_ACCESS));
        characteristic(GattNames.DEVICE_NAME, Att.CharacteristicDeclaration.READ, name.getBytes(
                java.nio.charset.StandardCharsets.UTF_8), true);
        characteristic(0x2A01, Att.CharacteristicDeclaration.READ,
                new byte[] {(byte) kind.appearance, (byte) (kind.appearance >> 8)}, true);
        close(gap);
        int bas = service(BleUuids.of16(GattNames.BATTERY));
        characteristic(Characteristics.BATTERY_LEVEL, Att.CharacteristicDeclaration.READ
                | Att.CharacteristicDeclaration.NOTIFY, battery, true);
        close(bas);
        int health = service(BleUuids.of16(kind.service));
        switch (kind) {
            case CUFF -> {
                characteristic(Characteristics.BLOOD_PRESSURE_MEASUREMENT, Att.CharacteristicDeclaration.INDICATE,
                        new byte[0], false);
                characteristic(Characteristics.INTERMEDIATE_CUFF_PRESSURE, Att.CharacteristicDeclaration.NOTIFY,
                        new byte[0], false);
                characteristic(Characteristics.BLOOD_PRESSURE_FEATURE, Att.CharacteristicDeclaration.READ,
                        HealthPeripheral.bloodPressureFeature(), true);
            }
            case THERMOMETER -> {
                characteristic(Characteristics.TEMPERATURE_MEASUREMENT, Att.CharacteristicDeclaration.INDICATE,
                        new byte[0], false);
                // Temperature Type 0x2A1D: 9 = tympanum (the ear thermometer's fixed site).
                characteristic(0x2A1D, Att.CharacteristicDeclaration.READ, new byte[] {0x09}, true);
            }
            case SCALE -> {
                characteristic(0x2A9E, Att.CharacteristicDeclaration.READ, HealthPeripheral.weightScaleFeature(),
                        true);
                characteristic(Characteristics.WEIGHT_MEASUREMENT, Att.CharacteristicDeclaration.INDICATE,
                        new byte[0], false);
            }
        }
        close(health);
        int vendor = service(VENDOR_SERVICE);
        int decl = next();
        attributes.add(new Attribute(decl, Att.CHARACTERISTIC, new Att.CharacteristicDeclaration(decl,
                Att.CharacteristicDeclaration.READ | Att.CharacteristicDeclaration.WRITE, decl + 1, VENDOR_SETTING)
                .value(), true));
        attributes.add(new Attribute(decl + 1, VENDOR_SETTING, new byte[] {0x01}, true));
        close(vendor);
    }

    private int next() {
        return attributes.size() + 1;
    }

    private int service(UUID uuid) {
        int h = next();
        attributes.add(new Attribute(h, Att.PRIMARY_SERVICE, BleUuids.bytes(uuid), true));
        services.add(new Group(h, 0, uuid));
        return services.size() - 1;
    }

    private void close(int index) {
        Group g = services.get(index);
        services.set(index, new Group(g.start(), attributes.size(), g.uuid()));
    }

    private void characteristic(int uuid16, int properties, byte[] value, boolean readable) {
        int decl = next();
        UUID uuid = BleUuids.of16(uuid16);
        attributes.add(new Attribute(decl, Att.CHARACTERISTIC,
                new Att.CharacteristicDeclaration(decl, properties, decl + 1, uuid).value(), true));
        attributes.add(new Attribute(decl + 1, uuid, value, readable));
        valueHandles.put(uuid16, decl + 1);
        if ((properties & (Att.CharacteristicDeclaration.NOTIFY | Att.CharacteristicDeclaration.INDICATE)) != 0) {
            attributes.add(new Attribute(decl + 2, Att.CLIENT_CHARACTERISTIC_CONFIGURATION, null, true));
            cccdHandles.put(uuid16, decl + 2);
            cccdValues.put(decl + 2, 0);
        }
    }

    int valueHandle(int uuid16) {
        return valueHandles.getOrDefault(uuid16, 0);
    }

    /** The CCCD bits the client wrote for a characteristic: bit 0 notify, bit 1 indicate (Part G, 3.3.3.3). */
    int subscription(int uuid16) {
        Integer h = cccdHandles.get(uuid16);
        return h == null ? 0 : cccdValues.get(h);
    }

    /** Updates a readable value (Battery Level) so a later read sees it. */
    void value(int uuid16, byte[] value) {
        int h = valueHandle(uuid16);
        attributes.set(h - 1, new Attribute(h, attributes.get(h - 1).type(), value, true));
    }

    int mtu() {
        return mtu;
    }

    /** A new connection: the MTU and subscriptions start over (no bonding, so nothing is remembered). */
    void reset() {
        mtu = Att.DEFAULT_MTU;
        cccdValues.replaceAll((h, v) -> 0);
    }

    /** The response to a request from the client, or null for a PDU that takes none (confirmations, commands). */
    byte[] request(byte[] bytes) {
        AttPdu pdu;
        try {
            pdu = Att.parse(bytes);
        } catch (CodecException e) {
            return error(bytes[0] & 0xFF, 0, AttPdu.INVALID_PDU);
        }
        return switch (pdu) {
            case AttPdu.ExchangeMtuRequest m -> {
                mtu = Math.max(Att.DEFAULT_MTU, Math.min(SERVER_MTU, m.clientRxMtu()));
                yield Att.encode(new AttPdu.ExchangeMtuResponse(SERVER_MTU));
            }
            case AttPdu.ReadByGroupTypeRequest r -> readByGroupType(r);
            case AttPdu.ReadByTypeRequest r -> readByType(r);
            case AttPdu.FindInformationRequest r -> findInformation(r);
            case AttPdu.ReadRequest r -> read(r.handle());
            case AttPdu.WriteRequest r -> write(r);
            case AttPdu.Other o when o.opcode() >= 0x40 -> null;
            case AttPdu.Confirmation c -> null;
            default -> error(pdu.opcode(), 0, AttPdu.REQUEST_NOT_SUPPORTED);
        };
    }

    private static byte[] error(int opcode, int handle, int code) {
        return Att.encode(new AttPdu.ErrorResponse(opcode, handle, code));
    }

    private static boolean badRange(int start, int end) {
        return start == 0 || start > end;
    }

    private byte[] readByGroupType(AttPdu.ReadByGroupTypeRequest r) {
        if (badRange(r.startHandle(), r.endHandle())) {
            return error(r.opcode(), r.startHandle(), AttPdu.INVALID_HANDLE);
        }
        if (!r.groupType().equals(Att.PRIMARY_SERVICE)) {
            return error(r.opcode(), r.startHandle(), AttPdu.UNSUPPORTED_GROUP_TYPE);
        }
        List<AttPdu.GroupValue> out = new ArrayList<>();
        int length = -1;
        for (Group g : services) {
            if (g.start() < r.startHandle() || g.start() > r.endHandle()) {
                continue;
            }
            byte[] v = BleUuids.bytes(g.uuid());
            if (length >= 0 && v.length != length || 2 + (out.size() + 1) * (4 + v.length) > mtu) {
                break;
            }
            length = v.length;
            out.add(new AttPdu.GroupValue(g.start(), g.end(), v));
        }
        return out.isEmpty() ? error(r.opcode(), r.startHandle(), AttPdu.ATTRIBUTE_NOT_FOUND)
                : Att.encode(new AttPdu.ReadByGroupTypeResponse(out));
    }

    private byte[] readByType(AttPdu.ReadByTypeRequest r) {
        if (badRange(r.startHandle(), r.endHandle())) {
            return error(r.opcode(), r.startHandle(), AttPdu.INVALID_HANDLE);
        }
        List<AttPdu.HandleValue> out = new ArrayList<>();
        int length = -1;
        for (Attribute a : attributes) {
            if (a.handle() < r.startHandle() || a.handle() > r.endHandle() || !a.type().equals(r.type())) {
                continue;
            }
            if (!a.readable()) {
                return out.isEmpty() ? error(r.opcode(), a.handle(), AttPdu.READ_NOT_PERMITTED)
                        : Att.encode(new AttPdu.ReadByTypeResponse(out));
            }
            byte[] v = valueOf(a);
            // A single long value is cut to fit (Part F, 3.4.4.2); later values must have the first one's length.
            int max = Math.min(mtu - 4, 253);
            if (out.isEmpty() && v.length > max) {
                v = java.util.Arrays.copyOf(v, max);
            }
            if (length >= 0 && v.length != length || 2 + (out.size() + 1) * (2 + v.length) > mtu) {
                break;
            }
            length = v.length;
            out.add(new AttPdu.HandleValue(a.handle(), v));
        }
        return out.isEmpty() ? error(r.opcode(), r.startHandle(), AttPdu.ATTRIBUTE_NOT_FOUND)
                : Att.encode(new AttPdu.ReadByTypeResponse(out));
    }

    private byte[] findInformation(AttPdu.FindInformationRequest r) {
        if (badRange(r.startHandle(), r.endHandle())) {
            return error(r.opcode(), r.startHandle(), AttPdu.INVALID_HANDLE);
        }
        List<AttPdu.HandleUuid> out = new ArrayList<>();
        int size = -1;
        for (Attribute a : attributes) {
            if (a.handle() < r.startHandle() || a.handle() > r.endHandle()) {
                continue;
            }
            int s = BleUuids.bytes(a.type()).length;
            if (size >= 0 && s != size || 2 + (out.size() + 1) * (2 + s) > mtu) {
                break;
            }
            size = s;
            out.add(new AttPdu.HandleUuid(a.handle(), a.type()));
        }
        return out.isEmpty() ? error(r.opcode(), r.startHandle(), AttPdu.ATTRIBUTE_NOT_FOUND)
                : Att.encode(new AttPdu.FindInformationResponse(out));
    }

    private byte[] read(int handle) {
        if (handle == 0 || handle > attributes.size()) {
            return error(AttPdu.READ_REQ, handle, AttPdu.INVALID_HANDLE);
        }
        Attribute a = attributes.get(handle - 1);
        if (!a.readable()) {
            return error(AttPdu.READ_REQ, handle, AttPdu.READ_NOT_PERMITTED);
        }
        byte[] v = valueOf(a);
        return Att.encode(new AttPdu.ReadResponse(v.length > mtu - 1 ? java.util.Arrays.copyOf(v, mtu - 1) : v));
    }

    private byte[] valueOf(Attribute a) {
        if (a.type().equals(Att.CLIENT_CHARACTERISTIC_CONFIGURATION)) {
            int bits = cccdValues.get(a.handle());
            return new byte[] {(byte) bits, (byte) (bits >> 8)};
        }
        return a.value();
    }

    private byte[] write(AttPdu.WriteRequest r) {
        int h = r.handle();
        if (h == 0 || h > attributes.size()) {
            return error(AttPdu.WRITE_REQ, h, AttPdu.INVALID_HANDLE);
        }
        if (!cccdValues.containsKey(h)) {
            return error(AttPdu.WRITE_REQ, h, AttPdu.WRITE_NOT_PERMITTED);
        }
        if (r.value().length != 2) {
            return error(AttPdu.WRITE_REQ, h, AttPdu.INVALID_ATTRIBUTE_VALUE_LENGTH);
        }
        cccdValues.put(h, (r.value()[0] & 0xFF) | (r.value()[1] & 0xFF) << 8);
        return Att.encode(new AttPdu.WriteResponse());
    }
}
