package org.vitalis.device.codec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Reads what a Bluetooth dongle sent its host (the controller-to-host direction of an HCI UART capture): HCI events,
 * and ATT PDUs in L2CAP frames on ACL data. Notified and indicated values are named and decoded when the same
 * capture holds the discovery that maps their handles: a Read By Type Response listing characteristic declarations
 * (entries of 5 or 19 bytes whose value handle is the next handle, as GATT requires, Core Specification v5.4, Vol 3,
 * Part G, 3.3). A Read Response carries no handle, and the request naming it went the other way, so it is shown
 * as bytes only. Counters: H4 packets decoded; bytes skipped by the H4 framing, in L2CAP frames that could not be
 * reassembled and in ATT PDUs that do not parse.
 */
public final class BleCaptureDecoder implements StreamDecoder<BleCaptureDecoder.Frame> {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    /** One decoded item of the capture, in stream order. */
    public sealed interface Frame {
    }

    /** An HCI event, named, with its fields in words. */
    public record EventFrame(String type, String event, String detail) implements Frame {
        EventFrame(String event, String detail) {
            this("event", event, detail);
        }
    }

    /** An ATT PDU that is not a value of a known characteristic. */
    public record AttFrame(String type, String connection, String pdu) implements Frame {
        AttFrame(int handle, String pdu) {
            this("att", String.format(Locale.ROOT, "0x%03X", handle), pdu);
        }
    }

    /**
     * A notified or indicated characteristic value; {@code characteristic} null when discovery was not in the
     * capture; {@code value} null with {@code error} set when it could not be decoded.
     */
    public record ValueFrame(String type, String connection, String kind, String handle, String characteristic,
            String name, String hex, GattValue value, String error) implements Frame {
    }

    private final H4Decoder h4 = H4Decoder.fromController();
    private final L2cap.Reassembler l2cap = new L2cap.Reassembler(0xFFFF);
    private final Map<Integer, UUID> characteristics = new HashMap<>();
    private long attRejected;
    private long attBytesRejected;

    @Override
    public List<Frame> feed(byte[] chunk, int offset, int length) {
        return frames(h4.feed(chunk, offset, length));
    }

    @Override
    public List<Frame> finish() {
        List<Frame> out = frames(h4.finish());
        l2cap.clear();
        return out;
    }

    private List<Frame> frames(List<HciPacket> packets) {
        List<Frame> out = new ArrayList<>();
        for (HciPacket p : packets) {
            switch (p) {
                case HciEvent e -> event(e, out);
                case HciPacket.Acl acl -> {
                    L2cap.Frame f = l2cap.accept(acl);
                    if (f != null && f.cid() == L2cap.ATT_CID) {
                        att(f, out);
                    }
                }
                case HciPacket.Command c -> {
                    // The controller-to-host decoder never yields commands.
                }
            }
        }
        return out;
    }

    private void event(HciEvent e, List<Frame> out) {
        switch (e) {
            case HciEvent.CommandComplete c -> out.add(new EventFrame("Command Complete", String.format(Locale.ROOT,
                    "%s, status 0x%02X, return %s", HciCommands.name(c.opcode()), c.status(),
                    HEX.formatHex(c.returnParameters()))));
            case HciEvent.CommandStatus c -> out.add(new EventFrame("Command Status", String.format(Locale.ROOT,
                    "%s, status 0x%02X", HciCommands.name(c.opcode()), c.status())));
            case HciEvent.DisconnectionComplete d -> {
                l2cap.disconnected(d.handle());
                out.add(new EventFrame("Disconnection Complete", String.format(Locale.ROOT,
                        "status 0x%02X, connection 0x%03X, reason 0x%02X", d.status(), d.handle(), d.reason())));
            }
            case HciEvent.NumberOfCompletedPackets n -> out.add(new EventFrame("Number Of Completed Packets",
                    n.completed().stream().map(c -> String.format(Locale.ROOT, "connection 0x%03X: %d", c.handle(),
                            c.count())).toList().toString()));
            case HciEvent.LeConnectionComplete c -> {
                characteristics.clear();
                out.add(new EventFrame(c.enhanced() ? "LE Enhanced Connection Complete" : "LE Connection Complete",
                        String.format(Locale.ROOT, "status 0x%02X, connection 0x%03X, role %d, peer %s (type %d),"
                                + " interval %.2f ms", c.status(), c.handle(), c.role(), c.peer(), c.peer().type(),
                                c.interval() * 1.25)));
            }
            case HciEvent.LeAdvertisingReport r -> {
                for (HciEvent.AdvertisingReport a : r.reports()) {
                    out.add(new EventFrame("LE Advertising Report", advertisement(a)));
                }
            }
            case HciEvent.LeOther o -> out.add(new EventFrame(String.format(Locale.ROOT, "LE Meta 0x%02X",
                    o.subevent()), HEX.formatHex(o.parameters())));
            case HciEvent.Other o -> out.add(new EventFrame(String.format(Locale.ROOT, "Event 0x%02X", o.code()),
                    HEX.formatHex(o.parameters())));
        }
    }

    private static String advertisement(HciEvent.AdvertisingReport a) {
        String data;
        try {
            AdvertisingData ad = AdvertisingData.parse(a.data());
            data = "name " + (ad.name() == null ? "-" : "\"" + ad.name() + "\"") + ", services "
                    + ad.serviceUuids16().stream().map(u -> String.format(Locale.ROOT, "0x%04X", u)).toList();
        } catch (CodecException e) {
            data = "advertising data not readable: " + e.getMessage();
        }
        return String.format(Locale.ROOT, "type %d, %s (type %d), rssi %d dBm, %s", a.eventType(), a.address(),
                a.address().type(), a.rssi(), data);
    }

    private void att(L2cap.Frame f, List<Frame> out) {
        AttPdu pdu;
        try {
            pdu = Att.parse(f.payload());
        } catch (CodecException e) {
            attRejected++;
            attBytesRejected += f.payload().length;
            out.add(new AttFrame(f.handle(), "not a valid ATT PDU (" + e.getMessage() + "): "
                    + HEX.formatHex(f.payload())));
            return;
        }
        switch (pdu) {
            case AttPdu.ReadByTypeResponse r -> {
                learnDeclarations(r);
                out.add(new AttFrame(f.handle(), pdu.toString()));
            }
            case AttPdu.Notification n -> out.add(value(f.handle(), "notification", n.handle(), n.value()));
            case AttPdu.Indication n -> out.add(value(f.handle(), "indication", n.handle(), n.value()));
            default -> out.add(new AttFrame(f.handle(), pdu.toString()));
        }
    }

    private void learnDeclarations(AttPdu.ReadByTypeResponse r) {
        List<Att.CharacteristicDeclaration> found = new ArrayList<>();
        for (AttPdu.HandleValue e : r.entries()) {
            if (e.value().length != 5 && e.value().length != 19) {
                return;
            }
            try {
                Att.CharacteristicDeclaration d = Att.CharacteristicDeclaration.parse(e.handle(), e.value());
                if (d.valueHandle() != d.handle() + 1) {
                    return;
                }
                found.add(d);
            } catch (CodecException ex) {
                return;
            }
        }
        found.forEach(d -> characteristics.put(d.valueHandle(), d.uuid()));
    }

    private ValueFrame value(int connection, String kind, int handle, byte[] value) {
        String conn = String.format(Locale.ROOT, "0x%03X", connection);
        String h = String.format(Locale.ROOT, "0x%04X", handle);
        UUID uuid = characteristics.get(handle);
        if (uuid == null) {
            return new ValueFrame("value", conn, kind, h, null, null, HEX.formatHex(value), null,
                    "no characteristic declaration for this handle in the capture");
        }
        int u16 = BleUuids.short16(uuid);
        String name = GattNames.characteristic(u16);
        if (u16 < 0 || !Characteristics.SUPPORTED.contains(u16)) {
            return new ValueFrame("value", conn, kind, h, BleUuids.text(uuid), name, HEX.formatHex(value), null,
                    "not a characteristic Vitalis decodes");
        }
        try {
            return new ValueFrame("value", conn, kind, h, BleUuids.text(uuid), name, HEX.formatHex(value),
                    Characteristics.decode(u16, value), null);
        } catch (CodecException e) {
            return new ValueFrame("value", conn, kind, h, BleUuids.text(uuid), name, HEX.formatHex(value), null,
                    e.getMessage());
        }
    }

    @Override
    public long framesDecoded() {
        return h4.framesDecoded();
    }

    @Override
    public long bytesSkipped() {
        return h4.bytesSkipped() + l2cap.bytesDropped() + attBytesRejected;
    }

    @Override
    public long resynchronisations() {
        return h4.resynchronisations() + l2cap.framesDropped() + attRejected;
    }
}
