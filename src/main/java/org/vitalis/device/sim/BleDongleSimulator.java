package org.vitalis.device.sim;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitalis.device.codec.Att;
import org.vitalis.device.codec.AttPdu;
import org.vitalis.device.codec.AdvertisingData;
import org.vitalis.device.codec.BdAddress;
import org.vitalis.device.codec.Characteristics;
import org.vitalis.device.codec.H4Decoder;
import org.vitalis.device.codec.HciCommands;
import org.vitalis.device.codec.HciEvent;
import org.vitalis.device.codec.HciEvents;
import org.vitalis.device.codec.HciPacket;
import org.vitalis.device.codec.L2cap;
import org.vitalis.device.transport.ByteTransport;

/**
 * A USB Bluetooth dongle running HCI over UART (H4), with one health device in range: it answers the host's HCI
 * commands as a controller does (Core Specification v5.4, Vol 4, Part E), reports the device's advertisements
 * while the host scans (and a heart-rate strap's, which a health host must ignore), accepts the connection, serves
 * the device's GATT database and then takes a measurement every so often: a cuff inflates (Intermediate Cuff
 * Pressure notifications) and indicates a Blood Pressure Measurement; a thermometer or a scale indicates its
 * measurement. As the ATT server must, it sends no new indication before the last one was confirmed (Vol 3,
 * Part F, 3.4.7.2). Like a real controller it sends LE events only when the host unmasked them, and drops its
 * link silently on Reset. Runs on its own thread; tests can make the device walk away and come back, or put noise
 * on the line.
 */
public final class BleDongleSimulator implements SimulatedDevice {
    private static final Logger LOG = LoggerFactory.getLogger(BleDongleSimulator.class);

    /** The device simulated behind the dongle. */
    public enum Device {
        CUFF(HealthPeripheral.Kind.CUFF), THERMOMETER(HealthPeripheral.Kind.THERMOMETER),
        SCALE(HealthPeripheral.Kind.SCALE);

        final HealthPeripheral.Kind kind;

        Device(HealthPeripheral.Kind kind) {
            this.kind = kind;
        }

        /** The device's own name, as it advertises it or serves it as Device Name. */
        public String deviceName() {
            return kind.name;
        }
    }

    // Controller facts it reports: LE ACL buffers of 27 bytes (no data length extension), 4 of them.
    private static final int ACL_LENGTH = 27;
    private static final int ACL_BUFFERS = 4;
    private static final int HANDLE = 0x0040;
    // Error codes of Vol 1, Part F, 1.3.
    private static final int UNKNOWN_COMMAND = 0x01;
    private static final int UNKNOWN_CONNECTION = 0x02;
    private static final int COMMAND_DISALLOWED = 0x0C;
    private static final int INVALID_PARAMETERS = 0x12;
    private static final int REMOTE_USER_TERMINATED = 0x13;
    private static final int LOCAL_HOST_TERMINATED = 0x16;
    private static final long DEFAULT_EVENT_MASK = 0x0000_1FFF_FFFF_FFFFL;
    private static final long DEFAULT_LE_EVENT_MASK = 0x1F;
    private static final Duration ADVERTISING_INTERVAL = Duration.ofMillis(100);
    private static final Duration CONNECTION_DELAY = Duration.ofMillis(30);
    private static final Duration CUFF_STEP = Duration.ofMillis(150);
    private static final int MAX_WAITING_INDICATIONS = 8;

    private final ByteTransport wire;
    private final HealthPeripheral peripheral;
    private final BdAddress address;
    private final BdAddress strap = BdAddress.parse("D4:22:33:44:55:66", BdAddress.RANDOM);
    private final SimGattServer gatt;
    private final H4Decoder decoder = H4Decoder.fromHost();
    private final L2cap.Reassembler l2cap = new L2cap.Reassembler(1024);
    private final ArrayDeque<byte[]> indications = new ArrayDeque<>();
    private final Random noise;
    private volatile Duration every = Duration.ofSeconds(15);
    private final AtomicInteger garbagePending = new AtomicInteger();
    private final AtomicReference<Duration> walkAway = new AtomicReference<>();
    private final AtomicLong indicationsSent = new AtomicLong();
    private final AtomicLong confirmations = new AtomicLong();
    private final AtomicLong unexpectedConfirmations = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong hostBytes = new AtomicLong();
    private volatile boolean stopping;
    private volatile IOException failure;
    private Thread thread;

    // Controller state, touched by the simulator thread only.
    private long eventMask = DEFAULT_EVENT_MASK;
    private long leEventMask = DEFAULT_LE_EVENT_MASK;
    private boolean scanning;
    private boolean activeScan;
    private boolean reported;
    private long nextAdvertisingNanos;
    private BdAddress connectingTo;
    private long connectAtNanos;
    private int supervisionTimeout = 0x01F4;
    private boolean connected;
    private long awayUntilNanos;
    private boolean awaitingConfirmation;
    private long nextMeasurementNanos = Long.MAX_VALUE;
    private int cuffStep = -1;
    private long nextCuffStepNanos;

    public BleDongleSimulator(ByteTransport wire, Device device, long seed) {
        this.wire = wire;
        this.peripheral = new HealthPeripheral(device.kind, seed);
        Random r = new Random(seed);
        this.noise = new Random(seed ^ 0x5DEECE66DL);
        this.address = BdAddress.staticRandom(r.nextLong());
        this.gatt = new SimGattServer(device.kind, device.kind.name, peripheral.batteryLevel());
    }

    /** How often the device measures once the host subscribed (default 15 s). */
    public BleDongleSimulator measurementEvery(Duration d) {
        if (d.isNegative() || d.toMillis() < 200) {
            throw new IllegalArgumentException("measurements need at least 200 ms between them, not " + d);
        }
        every = d;
        return this;
    }

    /** The mean pulse rate a cuff measures (default 72/min). */
    public BleDongleSimulator pulseRate(double bpm) {
        if (!(bpm >= 30 && bpm <= 220)) {
            throw new IllegalArgumentException("pulse rate must be 30 to 220, not " + bpm);
        }
        peripheral.pulseRate(bpm);
        return this;
    }

    @Override
    public String deviceName() {
        return peripheral.kind().description + " on an HCI UART dongle";
    }

    /** The simulated device's Bluetooth address (static random). */
    public BdAddress address() {
        return address;
    }

    public synchronized BleDongleSimulator start() {
        if (thread != null) {
            throw new IllegalStateException("the Bluetooth dongle simulator was already started");
        }
        thread = Thread.ofPlatform().daemon().name("sim-ble-" + peripheral.kind().name().toLowerCase(java.util.Locale.ROOT))
                .start(this::run);
        return this;
    }

    /** The device drops the link (reason "remote user terminated") and is out of range for {@code away}. */
    public void walkAway(Duration away) {
        walkAway.set(away);
    }

    /** Puts {@code length} bytes of line noise before the next packet; none of them is an H4 packet indicator. */
    public void sendGarbage(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("a garbage burst cannot have " + length + " bytes");
        }
        garbagePending.addAndGet(length);
    }

    public long indicationsSent() {
        return indicationsSent.get();
    }

    public long confirmationsReceived() {
        return confirmations.get();
    }

    /** Confirmations that came with no indication outstanding: a host fault. */
    public long unexpectedConfirmations() {
        return unexpectedConfirmations.get();
    }

    /** Measurements taken (each is one indication, if the host subscribed). */
    public long measurementsTaken() {
        return peripheral.measurements();
    }

    public long connections() {
        return connections.get();
    }

    /** Bytes the host has sent to the dongle. */
    public long hostBytesReceived() {
        return hostBytes.get();
    }

    public int batteryPercent() {
        return peripheral.battery();
    }

    @Override
    public boolean running() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    @Override
    public IOException failure() {
        return failure;
    }

    @Override
    public void close() {
        stopping = true;
        Thread t = thread;
        if (t != null) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        byte[] buf = new byte[1024];
        try {
            while (!stopping) {
                int n = wire.read(buf, 0, buf.length, Duration.ofMillis(10));
                if (n < 0) {
                    throw new IOException("the port closed");
                }
                if (n > 0) {
                    hostBytes.addAndGet(n);
                    for (HciPacket p : decoder.feed(buf, 0, n)) {
                        switch (p) {
                            case HciPacket.Command c -> command(c);
                            case HciPacket.Acl a -> acl(a);
                            case HciEvent e -> {
                                // Hosts send no events.
                            }
                        }
                    }
                }
                timers(System.nanoTime());
            }
        } catch (IOException e) {
            failure = e;
            LOG.debug("{} simulator stopped: {}", deviceName(), e.getMessage());
        }
    }

    private void send(byte[] packet) throws IOException {
        int g = garbagePending.getAndSet(0);
        if (g > 0) {
            byte[] b = new byte[g];
            for (int i = 0; i < g; i++) {
                int v;
                do {
                    v = noise.nextInt(256);
                } while (v == HciPacket.ACL_INDICATOR || v == HciPacket.EVENT_INDICATOR);
                b[i] = (byte) v;
            }
            wire.write(b);
        }
        wire.write(packet);
    }

    private boolean leEvent(int subevent) {
        return (eventMask >>> 61 & 1) != 0 && (leEventMask >>> (subevent - 1) & 1) != 0;
    }

    private boolean present(long now) {
        return now - awayUntilNanos >= 0;
    }

    // ----- HCI commands -----

    private void command(HciPacket.Command c) throws IOException {
        byte[] p = c.parameters();
        int op = c.opcode();
        switch (op) {
            case HciCommands.RESET -> {
                // A reset drops every link without a Disconnection Complete (Vol 4, Part E, 7.3.2).
                dropLink();
                scanning = false;
                connectingTo = null;
                eventMask = DEFAULT_EVENT_MASK;
                leEventMask = DEFAULT_LE_EVENT_MASK;
                complete(op, 0);
            }
            case HciCommands.SET_EVENT_MASK -> {
                if (p.length != 8) {
                    complete(op, INVALID_PARAMETERS);
                    return;
                }
                eventMask = le64(p);
                complete(op, 0);
            }
            case HciCommands.LE_SET_EVENT_MASK -> {
                if (p.length != 8) {
                    complete(op, INVALID_PARAMETERS);
                    return;
                }
                leEventMask = le64(p);
                complete(op, 0);
            }
            case HciCommands.READ_BUFFER_SIZE -> send(HciEvents.commandComplete(1, op, (byte) 0, (byte) ACL_LENGTH,
                    (byte) 0, (byte) 0, (byte) ACL_BUFFERS, (byte) 0, (byte) 0, (byte) 0));
            case HciCommands.LE_READ_BUFFER_SIZE -> send(HciEvents.commandComplete(1, op, (byte) 0,
                    (byte) ACL_LENGTH, (byte) 0, (byte) ACL_BUFFERS));
            case HciCommands.LE_SET_RANDOM_ADDRESS -> complete(op, p.length == 6 ? 0 : INVALID_PARAMETERS);
            case HciCommands.LE_SET_SCAN_PARAMETERS -> {
                if (p.length != 7) {
                    complete(op, INVALID_PARAMETERS);
                } else if (scanning) {
                    complete(op, COMMAND_DISALLOWED);
                } else {
                    activeScan = p[0] == 1;
                    complete(op, 0);
                }
            }
            case HciCommands.LE_SET_SCAN_ENABLE -> {
                if (p.length != 2) {
                    complete(op, INVALID_PARAMETERS);
                    return;
                }
                scanning = p[0] == 1;
                reported = false;
                nextAdvertisingNanos = System.nanoTime();
                complete(op, 0);
            }
            case HciCommands.LE_CREATE_CONNECTION -> createConnection(p);
            case HciCommands.LE_CREATE_CONNECTION_CANCEL -> {
                if (connectingTo == null) {
                    complete(op, COMMAND_DISALLOWED);
                } else {
                    connectingTo = null;
                    complete(op, 0);
                    if (leEvent(HciEvent.LE_CONNECTION_COMPLETE)) {
                        send(HciEvents.leConnectionComplete(UNKNOWN_CONNECTION, 0, 0, address, 0, 0, 0, 0));
                    }
                }
            }
            case HciCommands.DISCONNECT -> {
                int h = p.length == 3 ? (p[0] & 0xFF) | (p[1] & 0x0F) << 8 : -1;
                if (p.length != 3) {
                    send(HciEvents.commandStatus(INVALID_PARAMETERS, 1, op));
                } else if (!connected || h != HANDLE) {
                    send(HciEvents.commandStatus(UNKNOWN_CONNECTION, 1, op));
                } else {
                    send(HciEvents.commandStatus(0, 1, op));
                    dropLink();
                    send(HciEvents.disconnectionComplete(0, HANDLE, LOCAL_HOST_TERMINATED));
                }
            }
            default -> complete(op, UNKNOWN_COMMAND);
        }
    }

    private void createConnection(byte[] p) throws IOException {
        int op = HciCommands.LE_CREATE_CONNECTION;
        if (p.length != 25) {
            send(HciEvents.commandStatus(INVALID_PARAMETERS, 1, op));
            return;
        }
        if (connectingTo != null || connected) {
            send(HciEvents.commandStatus(COMMAND_DISALLOWED, 1, op));
            return;
        }
        connectingTo = new BdAddress(p[5] & 0xFF, readAddress(p, 6));
        supervisionTimeout = (p[21] & 0xFF) | (p[22] & 0xFF) << 8;
        connectAtNanos = System.nanoTime() + CONNECTION_DELAY.toNanos();
        send(HciEvents.commandStatus(0, 1, op));
    }

    private static long readAddress(byte[] p, int at) {
        long v = 0;
        for (int i = 5; i >= 0; i--) {
            v = v << 8 | (p[at + i] & 0xFF);
        }
        return v;
    }

    private void complete(int opcode, int status) throws IOException {
        send(HciEvents.commandComplete(1, opcode, (byte) status));
    }

    private static long le64(byte[] p) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = v << 8 | (p[i] & 0xFF);
        }
        return v;
    }

    private void dropLink() {
        connected = false;
        awaitingConfirmation = false;
        indications.clear();
        cuffStep = -1;
        nextMeasurementNanos = Long.MAX_VALUE;
        l2cap.disconnected(HANDLE);
        gatt.reset();
    }

    // ----- timers: advertising, connecting, measuring -----

    private void timers(long now) throws IOException {
        Duration away = walkAway.getAndSet(null);
        if (away != null) {
            awayUntilNanos = now + away.toNanos();
            if (connected) {
                dropLink();
                send(HciEvents.disconnectionComplete(0, HANDLE, REMOTE_USER_TERMINATED));
            }
        }
        if (scanning && !reported && now - nextAdvertisingNanos >= 0 && leEvent(HciEvent.LE_ADVERTISING_REPORT)) {
            advertise(now);
        }
        if (connectingTo != null && now - connectAtNanos >= 0 && connectingTo.equals(address) && present(now)
                && !connected) {
            connectingTo = null;
            connected = true;
            connections.incrementAndGet();
            gatt.reset();
            if (leEvent(HciEvent.LE_CONNECTION_COMPLETE)) {
                send(HciEvents.leConnectionComplete(0, HANDLE, 0x00, address, 0x0028, 0, supervisionTimeout, 0));
            }
        }
        if (!connected) {
            return;
        }
        int measurement = peripheral.kind().measurement;
        boolean subscribed = (gatt.subscription(measurement) & 0x0002) != 0;
        if (subscribed && nextMeasurementNanos == Long.MAX_VALUE) {
            nextMeasurementNanos = now + Math.min(every.toNanos(), Duration.ofSeconds(1).toNanos());
        }
        if (cuffStep >= 0 && now - nextCuffStepNanos >= 0) {
            cuffStep(now);
        } else if (subscribed && cuffStep < 0 && now - nextMeasurementNanos >= 0) {
            nextMeasurementNanos = now + every.toNanos();
            if (peripheral.kind() == HealthPeripheral.Kind.CUFF) {
                cuffStep = 0;
                nextCuffStepNanos = now;
            } else {
                measured();
            }
        }
    }

    private void advertise(long now) throws IOException {
        // With duplicate filtering a controller reports each advertiser once per scan; we report on every interval
        // until the host acts, which a host must cope with as well.
        nextAdvertisingNanos = now + ADVERTISING_INTERVAL.toNanos();
        List<HciEvent.AdvertisingReport> reports = new java.util.ArrayList<>();
        reports.add(new HciEvent.AdvertisingReport(HciEvent.AdvertisingReport.ADV_IND, strap,
                AdvertisingData.encode(0x06, List.of(0x180D), "HR Strap"), -71));
        if (present(now) && !connected) {
            reports.add(new HciEvent.AdvertisingReport(HciEvent.AdvertisingReport.ADV_IND, address,
                    AdvertisingData.encode(0x06, List.of(peripheral.kind().service, 0x180F), null), -58));
            if (activeScan && peripheral.kind().advertisesName) {
                reports.add(new HciEvent.AdvertisingReport(HciEvent.AdvertisingReport.SCAN_RSP, address,
                        AdvertisingData.encode(null, List.of(), peripheral.kind().name), -58));
            }
        }
        send(HciEvents.leAdvertisingReport(reports));
    }

    private void cuffStep(long now) throws IOException {
        if (cuffStep < HealthPeripheral.CUFF_PRESSURES.length) {
            if ((gatt.subscription(Characteristics.INTERMEDIATE_CUFF_PRESSURE) & 0x0001) != 0) {
                notify(Characteristics.INTERMEDIATE_CUFF_PRESSURE, peripheral.cuffPressure(cuffStep));
            }
            cuffStep++;
            nextCuffStepNanos = now + CUFF_STEP.toNanos();
        } else {
            cuffStep = -1;
            measured();
        }
    }

    private void measured() throws IOException {
        int before = peripheral.battery();
        byte[] value = peripheral.measure(LocalDateTime.now().withNano(0));
        if (indications.size() >= MAX_WAITING_INDICATIONS) {
            // The device's memory is full: the oldest unsent measurement is lost.
            indications.pollFirst();
        }
        indications.addLast(Att.encode(new AttPdu.Indication(gatt.valueHandle(peripheral.kind().measurement),
                value)));
        sendIndication();
        if (peripheral.battery() != before) {
            gatt.value(Characteristics.BATTERY_LEVEL, peripheral.batteryLevel());
            if ((gatt.subscription(Characteristics.BATTERY_LEVEL) & 0x0001) != 0) {
                notify(Characteristics.BATTERY_LEVEL, peripheral.batteryLevel());
            }
        }
    }

    private void notify(int uuid16, byte[] value) throws IOException {
        att(Att.encode(new AttPdu.Notification(gatt.valueHandle(uuid16), value)));
    }

    private void sendIndication() throws IOException {
        if (awaitingConfirmation || indications.isEmpty()) {
            return;
        }
        awaitingConfirmation = true;
        indicationsSent.incrementAndGet();
        att(indications.pollFirst());
    }

    // ----- ACL from the host -----

    private void acl(HciPacket.Acl a) throws IOException {
        if (!connected || a.handle() != HANDLE) {
            return;
        }
        // The packet has left the controller's buffer: one credit back to the host (Vol 4, Part E, 7.7.19).
        send(HciEvents.numberOfCompletedPackets(HANDLE, 1));
        L2cap.Frame f = l2cap.accept(a);
        if (f == null) {
            return;
        }
        switch (f.cid()) {
            case L2cap.ATT_CID -> {
                byte[] pdu = f.payload();
                if (pdu.length == 1 && pdu[0] == AttPdu.HANDLE_VALUE_CFM) {
                    if (awaitingConfirmation) {
                        awaitingConfirmation = false;
                        confirmations.incrementAndGet();
                        sendIndication();
                    } else {
                        unexpectedConfirmations.incrementAndGet();
                    }
                    return;
                }
                if (pdu.length == 0) {
                    return;
                }
                byte[] response = gatt.request(pdu);
                if (response != null) {
                    att(response);
                }
            }
            default -> {
                // The simulated device sends no signaling requests and does not ask for pairing.
            }
        }
    }

    private void att(byte[] pdu) throws IOException {
        int max = gatt.mtu();
        if (pdu.length > max) {
            throw new IllegalStateException("ATT PDU of " + pdu.length + " bytes exceeds the MTU " + max);
        }
        for (byte[] packet : L2cap.fragment(HANDLE, L2cap.ATT_CID, pdu, ACL_LENGTH, false)) {
            send(packet);
        }
    }
}
