package org.vitalis.device.driver;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.vitalis.device.codec.Att;
import org.vitalis.device.codec.AttPdu;
import org.vitalis.device.codec.BleUuids;
import org.vitalis.device.codec.Characteristics;
import org.vitalis.device.codec.CodecException;
import org.vitalis.device.codec.GattNames;

/**
 * The GATT client side of one LE connection (Core Specification v5.4, Vol 3, Part G, 4), as far as a health device
 * needs: exchange MTU, discover the primary services, the characteristics of the health, battery and (when the name
 * is still unknown) Generic Access services and their Client Characteristic Configuration descriptors, read Battery
 * Level, Blood Pressure Feature and Device Name, then enable indications or notifications of the measurements.
 * ATT allows one outstanding request per bearer (Vol 3, Part F, 3.3.2), so requests wait in a queue; a request not
 * answered within 30 s ends the bearer (Part F, 3.3.3), reported through {@link Listener#failed}.
 */
final class GattClient {
    /** The ATT transaction timeout (Vol 3, Part F, 3.3.3). */
    static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(30);
    /** Our receive MTU: 247 fills one 251-byte LE data PDU with the 4-byte L2CAP header (Vol 6, Part B, 2.4). */
    static final int CLIENT_MTU = 247;

    private static final Set<Integer> HEALTH_SERVICES = Set.of(GattNames.BLOOD_PRESSURE,
            GattNames.HEALTH_THERMOMETER, GattNames.WEIGHT_SCALE);
    /** Measurements (and battery changes) this client subscribes to. */
    private static final List<Integer> SUBSCRIBED = List.of(Characteristics.BLOOD_PRESSURE_MEASUREMENT,
            Characteristics.INTERMEDIATE_CUFF_PRESSURE, Characteristics.TEMPERATURE_MEASUREMENT,
            Characteristics.WEIGHT_MEASUREMENT, Characteristics.BATTERY_LEVEL);
    private static final List<Integer> READ_ONCE = List.of(Characteristics.BATTERY_LEVEL,
            Characteristics.BLOOD_PRESSURE_FEATURE);

    /** What the client found and received. Called on the session's thread. */
    interface Listener {
        /** A value of a known characteristic, read or notified; the client confirms indications itself. */
        void value(int uuid16, byte[] value, Instant at);

        void deviceName(String name);

        /** Discovery and subscriptions are done; {@code subscribed} lists the characteristics now reporting. */
        void ready(List<Integer> subscribed);

        /** The server refused something the client needs (e.g. pairing is required); the link stays up. */
        void refused(String why);

        /** No answer in time or no health service: the link is useless and should be dropped. */
        void failed(String why);
    }

    private record Service(int start, int end, UUID uuid) {
    }

    /** A discovered characteristic; {@code end} is the last handle of its descriptors, {@code cccd} 0 if none. */
    private static final class Characteristic {
        final Att.CharacteristicDeclaration declaration;
        final int uuid16;
        int end;
        int cccd;

        Characteristic(Att.CharacteristicDeclaration declaration) {
            this.declaration = declaration;
            this.uuid16 = BleUuids.short16(declaration.uuid());
        }
    }

    private interface Handler {
        void response(AttPdu response);
    }

    private record Request(AttPdu pdu, Handler handler) {
    }

    private final Consumer<byte[]> send;
    private final Listener listener;
    private final boolean wantName;
    private final ArrayDeque<Request> queue = new ArrayDeque<>();
    private final List<Service> services = new ArrayList<>();
    private final List<Characteristic> characteristics = new ArrayList<>();
    private Request outstanding;
    private Instant sentAt;
    private Instant answeredAt;
    private boolean dead;
    private int mtu = Att.DEFAULT_MTU;

    /**
     * @param send     puts one ATT PDU on the link
     * @param wantName read the Device Name characteristic (the advertisement had no name)
     */
    GattClient(Consumer<byte[]> send, Listener listener, boolean wantName) {
        this.send = send;
        this.listener = listener;
        this.wantName = wantName;
    }

    int mtu() {
        return mtu;
    }

    void begin(Instant now) {
        request(new AttPdu.ExchangeMtuRequest(CLIENT_MTU), r -> {
            // A server that does not support the exchange answers Request Not Supported: 23 stays.
            if (r instanceof AttPdu.ExchangeMtuResponse m) {
                mtu = Math.max(Att.DEFAULT_MTU, Math.min(CLIENT_MTU, m.serverRxMtu()));
            }
            discoverServices(0x0001);
        }, now);
    }

    /** One ATT PDU from the server; throws {@link CodecException} for one that does not parse or fit. */
    void accept(byte[] bytes, Instant now) {
        if (dead) {
            return;
        }
        AttPdu pdu = Att.parse(bytes);
        switch (pdu) {
            case AttPdu.Notification n -> received(n.handle(), n.value(), now);
            case AttPdu.Indication n -> {
                received(n.handle(), n.value(), now);
                // Every indication is confirmed, known handle or not (Vol 3, Part F, 3.4.7.2).
                send.accept(Att.encode(new AttPdu.Confirmation()));
            }
            case AttPdu.ExchangeMtuRequest m -> {
                // The server may also ask; the smaller of the two MTUs applies both ways (Part F, 3.4.2.2).
                mtu = Math.max(Att.DEFAULT_MTU, Math.min(CLIENT_MTU, m.clientRxMtu()));
                send.accept(Att.encode(new AttPdu.ExchangeMtuResponse(CLIENT_MTU)));
            }
            case AttPdu.Other o when isRequest(o.opcode()) -> send.accept(Att.encode(
                    new AttPdu.ErrorResponse(o.opcode(), 0x0000, AttPdu.REQUEST_NOT_SUPPORTED)));
            case AttPdu.ReadRequest r -> notAServer(pdu);
            case AttPdu.WriteRequest r -> notAServer(pdu);
            case AttPdu.FindInformationRequest r -> notAServer(pdu);
            case AttPdu.ReadByTypeRequest r -> notAServer(pdu);
            case AttPdu.ReadByGroupTypeRequest r -> notAServer(pdu);
            default -> response(pdu, now);
        }
    }

    /** Requests have even opcodes below 0x40 without the command flag (Part F, 3.3.1), e.g. 0x06, 0x0C, 0x20. */
    private static boolean isRequest(int opcode) {
        return opcode < 0x40 && opcode % 2 == 0 && opcode != AttPdu.HANDLE_VALUE_CFM;
    }

    private void notAServer(AttPdu request) {
        // This host has no GATT database of its own to offer.
        send.accept(Att.encode(new AttPdu.ErrorResponse(request.opcode(), 0x0000, AttPdu.REQUEST_NOT_SUPPORTED)));
    }

    private void response(AttPdu pdu, Instant now) {
        Request r = outstanding;
        boolean matches = r != null && (pdu instanceof AttPdu.ErrorResponse e
                ? e.requestOpcode() == r.pdu().opcode() : pdu.opcode() == r.pdu().opcode() + 1);
        if (!matches) {
            throw new CodecException(String.format(Locale.ROOT, "ATT opcode 0x%02X is not the response awaited",
                    pdu.opcode()), 0);
        }
        outstanding = null;
        answeredAt = now;
        r.handler().response(pdu);
        pump(now);
    }

    void tick(Instant now) {
        if (!dead && outstanding != null && !now.isBefore(sentAt.plus(TRANSACTION_TIMEOUT))) {
            dead = true;
            // No further PDU may be sent on this bearer (Part F, 3.3.3); the session drops the link.
            listener.failed("no answer to an attribute request within " + TRANSACTION_TIMEOUT.toSeconds() + " s");
        }
    }

    private void request(AttPdu pdu, Handler handler, Instant now) {
        queue.addLast(new Request(pdu, handler));
        pump(now);
    }

    /** Queues a request to go before those already waiting: the next step of the procedure under way. */
    private void next(AttPdu pdu, Handler handler) {
        queue.addFirst(new Request(pdu, handler));
    }

    private void pump(Instant now) {
        if (dead || outstanding != null || queue.isEmpty()) {
            return;
        }
        outstanding = queue.pollFirst();
        sentAt = now;
        send.accept(Att.encode(outstanding.pdu()));
    }

    private void received(int handle, byte[] value, Instant now) {
        for (Characteristic c : characteristics) {
            if (c.declaration.valueHandle() == handle && c.uuid16 >= 0) {
                listener.value(c.uuid16, value, now);
                return;
            }
        }
    }

    // ----- discovery (Part G, 4.4.1, 4.6.1, 4.7.1) -----

    private void discoverServices(int start) {
        next(new AttPdu.ReadByGroupTypeRequest(start, 0xFFFF, Att.PRIMARY_SERVICE), r -> {
            if (!(r instanceof AttPdu.ReadByGroupTypeResponse g)) {
                servicesDone();
                return;
            }
            int last = start - 1;
            for (AttPdu.GroupValue e : g.entries()) {
                if (e.value().length == 2 || e.value().length == 16) {
                    services.add(new Service(e.handle(), e.endGroupHandle(), BleUuids.fromBytes(e.value())));
                }
                last = Math.max(last, e.endGroupHandle());
            }
            // A server whose answer does not move forward would keep us asking forever.
            if (last >= 0xFFFF || last < start) {
                servicesDone();
            } else {
                discoverServices(last + 1);
            }
        });
    }


    private void servicesDone() {
        List<Service> wanted = services.stream().filter(s -> {
            int u = BleUuids.short16(s.uuid());
            return HEALTH_SERVICES.contains(u) || u == GattNames.BATTERY || (wantName && u == GattNames.GENERIC_ACCESS);
        }).toList();
        if (wanted.stream().noneMatch(s -> HEALTH_SERVICES.contains(BleUuids.short16(s.uuid())))) {
            dead = true;
            listener.failed("it has no blood pressure, health thermometer or weight scale service");
            return;
        }
        discoverCharacteristics(wanted, 0, wanted.getFirst().start());
    }

    private void discoverCharacteristics(List<Service> wanted, int index, int start) {
        if (index >= wanted.size()) {
            characteristicsDone();
            return;
        }
        Service s = wanted.get(index);
        if (start > s.end()) {
            discoverCharacteristics(wanted, index + 1, index + 1 < wanted.size() ? wanted.get(index + 1).start() : 0);
            return;
        }
        next(new AttPdu.ReadByTypeRequest(start, s.end(), Att.CHARACTERISTIC), r -> {
            int last = start - 1;
            if (r instanceof AttPdu.ReadByTypeResponse t) {
                for (AttPdu.HandleValue e : t.entries()) {
                    try {
                        Characteristic c = new Characteristic(Att.CharacteristicDeclaration.parse(e.handle(), e.value()));
                        c.end = s.end();
                        characteristics.add(c);
                    } catch (CodecException ex) {
                        // One unreadable declaration does not hide the others.
                    }
                    last = Math.max(last, e.handle());
                }
            }
            if (r instanceof AttPdu.ReadByTypeResponse && last >= start && last < s.end()) {
                discoverCharacteristics(wanted, index, last + 1);
            } else {
                discoverCharacteristics(wanted, index + 1, index + 1 < wanted.size() ? wanted.get(index + 1).start()
                        : 0);
            }
        });
    }

    private void characteristicsDone() {
        characteristics.sort(Comparator.comparingInt(c -> c.declaration.handle()));
        for (int i = 0; i + 1 < characteristics.size(); i++) {
            Characteristic c = characteristics.get(i);
            c.end = Math.min(c.end, characteristics.get(i + 1).declaration.handle() - 1);
        }
        List<Characteristic> needDescriptor = characteristics.stream().filter(c -> SUBSCRIBED.contains(c.uuid16)
                && (c.declaration.has(Att.CharacteristicDeclaration.NOTIFY)
                        || c.declaration.has(Att.CharacteristicDeclaration.INDICATE))
                && c.declaration.valueHandle() < c.end).toList();
        discoverDescriptors(needDescriptor, 0, -1);
    }

    private void discoverDescriptors(List<Characteristic> list, int index, int from) {
        if (index >= list.size()) {
            reads();
            return;
        }
        Characteristic c = list.get(index);
        int start = from < 0 ? c.declaration.valueHandle() + 1 : from;
        next(new AttPdu.FindInformationRequest(start, c.end), r -> {
            int last = start - 1;
            if (r instanceof AttPdu.FindInformationResponse f) {
                for (AttPdu.HandleUuid e : f.entries()) {
                    if (e.type().equals(Att.CLIENT_CHARACTERISTIC_CONFIGURATION) && e.handle() <= c.end) {
                        c.cccd = e.handle();
                    }
                    last = Math.max(last, e.handle());
                }
            }
            if (c.cccd == 0 && r instanceof AttPdu.FindInformationResponse && last >= start && last < c.end) {
                discoverDescriptors(list, index, last + 1);
            } else {
                discoverDescriptors(list, index + 1, -1);
            }
        });
    }

    private void reads() {
        List<Characteristic> toRead = new ArrayList<>();
        for (Characteristic c : characteristics) {
            boolean wanted = READ_ONCE.contains(c.uuid16) || (wantName && c.uuid16 == GattNames.DEVICE_NAME);
            if (wanted && c.declaration.has(Att.CharacteristicDeclaration.READ)) {
                toRead.add(c);
            }
        }
        read(toRead, 0);
    }

    private void read(List<Characteristic> list, int index) {
        if (index >= list.size()) {
            subscribe();
            return;
        }
        Characteristic c = list.get(index);
        next(new AttPdu.ReadRequest(c.declaration.valueHandle()), r -> {
            if (r instanceof AttPdu.ReadResponse v) {
                if (c.uuid16 == GattNames.DEVICE_NAME) {
                    // UTF-8 (GATT Specification Supplement, Device Name); read at most MTU - 1 bytes, enough to show.
                    listener.deviceName(new String(v.value(), StandardCharsets.UTF_8));
                } else {
                    listener.value(c.uuid16, v.value(), answeredAt);
                }
            }
            read(list, index + 1);
        });
    }

    private void subscribe() {
        List<Characteristic> list = new ArrayList<>();
        for (int uuid : SUBSCRIBED) {
            characteristics.stream().filter(c -> c.uuid16 == uuid && c.cccd != 0).forEach(list::add);
        }
        write(list, 0, new ArrayList<>());
    }

    private void write(List<Characteristic> list, int index, List<Integer> done) {
        if (index >= list.size()) {
            listener.ready(List.copyOf(done));
            return;
        }
        Characteristic c = list.get(index);
        // CCCD bit 1 enables indications, bit 0 notifications (Part G, 3.3.3.3); indications are acknowledged.
        int bits = c.declaration.has(Att.CharacteristicDeclaration.INDICATE) ? 0x0002 : 0x0001;
        next(new AttPdu.WriteRequest(c.cccd, new byte[] {(byte) bits, 0}), r -> {
            if (r instanceof AttPdu.WriteResponse) {
                done.add(c.uuid16);
            } else if (r instanceof AttPdu.ErrorResponse e) {
                String name = GattNames.characteristic(c.uuid16);
                listener.refused(e.errorCode() == AttPdu.INSUFFICIENT_AUTHENTICATION
                        || e.errorCode() == AttPdu.INSUFFICIENT_ENCRYPTION
                        ? "it requires pairing before it sends " + name + ", and Vitalis does not pair yet"
                        : String.format(Locale.ROOT, "it refused to send %s (ATT error 0x%02X)", name, e.errorCode()));
            }
            write(list, index + 1, done);
        });
    }
}
