package org.vitalis.device.driver;

import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitalis.device.codec.AdvertisingData;
import org.vitalis.device.codec.BdAddress;
import org.vitalis.device.codec.Characteristics;
import org.vitalis.device.codec.CodecException;
import org.vitalis.device.codec.GattNames;
import org.vitalis.device.codec.GattValue;
import org.vitalis.device.codec.H4Decoder;
import org.vitalis.device.codec.HciCommands;
import org.vitalis.device.codec.HciEvent;
import org.vitalis.device.codec.HciPacket;
import org.vitalis.device.codec.L2cap;
import org.vitalis.device.codec.StreamDecoder;

/**
 * A Bluetooth LE central on an HCI UART dongle, for one blood-pressure cuff, thermometer or scale at a time. The
 * host side of Core Specification v5.4, Vol 4, Part E: Reset; Set Event Mask with LE Meta events (they are masked
 * out after Reset, 7.3.1); LE Read Buffer Size for ACL flow control (7.8.2, falling back to Read Buffer Size when it
 * reports 0); a static random address, since dongles like the nRF52840 often have no public one (Vol 6, Part B,
 * 1.3.2.1); active scanning; LE Create Connection to the first connectable advertiser of the Blood Pressure,
 * Health Thermometer or Weight Scale service; then {@link GattClient}. When the link drops it scans again and
 * reports the time without a link as a gap. Replies are awaited 2 s for HCI commands (as BlueZ does; the
 * specification sets none), 10 s for a connection and 30 s for ATT (Vol 3, Part F, 3.3.3).
 * It does not pair (no Security Manager): a device that insists gets "Pairing Not Supported".
 */
final class BleHealthSession implements ProtocolSession {
    private static final Logger LOG = LoggerFactory.getLogger(BleHealthSession.class);
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration RETRY_AFTER_REFUSAL = Duration.ofSeconds(5);
    private static final Set<Integer> HEALTH_SERVICES = Set.of(GattNames.BLOOD_PRESSURE,
            GattNames.HEALTH_THERMOMETER, GattNames.WEIGHT_SCALE);
    /** Advertisers remembered while scanning; a busy ward has many, and only health devices matter. */
    private static final int MAX_SEEN = 64;
    // Scan every 60 ms for 30 ms (0.625 ms units); connect at a 30-50 ms interval with a 5 s supervision timeout
    // (1.25 ms and 10 ms units; Vol 4, Part E, 7.8.10 and 7.8.12). A cuff sends a few values a minute.
    private static final int SCAN_INTERVAL = 0x0060;
    private static final int SCAN_WINDOW = 0x0030;
    private static final int CONN_INTERVAL_MIN = 0x0018;
    private static final int CONN_INTERVAL_MAX = 0x0028;
    private static final int SUPERVISION_TIMEOUT = 0x01F4;
    /** Status 0x02 "Unknown Connection Identifier": the connection attempt was cancelled (7.8.13). */
    private static final int CONNECTION_CANCELLED = 0x02;
    private static final int ATT_PDU_LIMIT = 1024;
    private static final String STARTING = "Starting the Bluetooth dongle";
    private static final String SCANNING = "Scanning for a Bluetooth blood-pressure cuff, thermometer or scale";

    private enum Phase { OFF, STARTING, SCANNING, CONNECTING, CANCELLING, CONNECTED, DISCONNECTING, HALTED }

    private record Command(byte[] packet, int opcode, Consumer<HciEvent> done) {
    }

    /** What the advertisements of one device said. */
    private static final class Seen {
        String name;
        final Set<Integer> services = new LinkedHashSet<>();
        boolean connectable;
    }

    private final String deviceId;
    private final BdAddress ownAddress;
    private final H4Decoder decoder = H4Decoder.fromController();
    private final L2cap.Reassembler l2cap = new L2cap.Reassembler(ATT_PDU_LIMIT);
    private final ArrayDeque<Command> commands = new ArrayDeque<>();
    private final ArrayDeque<byte[]> aclQueue = new ArrayDeque<>();
    private final Map<BdAddress, Seen> seen = new LinkedHashMap<>();

    private Output out;
    private Sink sink;
    private Instant now = Instant.EPOCH;
    private Phase phase = Phase.OFF;
    private Command inFlight;
    private Instant inFlightSince;
    private int commandCredits = 1;
    private int aclLength = 27;
    private int aclTotal = 1;
    private int aclCredits = 1;
    private BdAddress peer;
    /**
     * The device this dongle serves, once it has connected to it: cuffs and scales drop the link between measurements,
     * and on coming back must be the one taken up again, never a neighbouring room's device that advertises first.
     * Restarting the driver forgets it.
     */
    private BdAddress chosen;
    private String peerName;
    private int handle = -1;
    private GattClient gatt;
    private Instant phaseSince;
    private Instant linkLostAt;
    private Instant retryAt;
    private Integer battery;
    private String message;
    private String lastLoss;
    /** What the connected device refused (e.g. it wants pairing), shown while connected. */
    private String refusal;
    private long rejected;
    private long bytesRejected;

    BleHealthSession(String deviceId, BdAddress ownAddress) {
        if (!ownAddress.isStaticRandom()) {
            throw new IllegalArgumentException(ownAddress + " is not a static random address");
        }
        this.deviceId = deviceId;
        this.ownAddress = ownAddress;
    }

    // ----- ProtocolSession -----

    @Override
    public void start(Output output, Instant at) {
        out = output;
        now = at;
        restart();
    }

    @Override
    public void accept(byte[] chunk, int offset, int length, Instant receivedAt, Sink s) {
        sink = s;
        now = receivedAt;
        for (HciPacket p : decoder.feed(chunk, offset, length)) {
            if (phase == Phase.OFF) {
                continue;
            }
            switch (p) {
                case HciEvent e -> event(e);
                case HciPacket.Acl acl -> acl(acl);
                case HciPacket.Command c -> {
                    // Never from a controller.
                }
            }
        }
    }

    @Override
    public void tick(Instant at, Sink s) {
        sink = s;
        now = at;
        if (phase == Phase.OFF) {
            return;
        }
        if (inFlight != null && !at.isBefore(inFlightSince.plus(COMMAND_TIMEOUT))) {
            String name = HciCommands.name(inFlight.opcode());
            LOG.info("Device {}: the Bluetooth dongle did not answer {}; resetting it", deviceId, name);
            if (handle >= 0) {
                linkLost("the dongle stopped answering");
            }
            restart();
            message = "The Bluetooth dongle does not answer (no reply to " + name + " within "
                    + COMMAND_TIMEOUT.toSeconds() + " s). Check that it runs HCI over UART at 1000000 baud"
                    + " with RTS/CTS flow control.";
            return;
        }
        switch (phase) {
            case CONNECTING -> {
                if (!at.isBefore(phaseSince.plus(CONNECT_TIMEOUT))) {
                    phase = Phase.CANCELLING;
                    phaseSince = at;
                    lastLoss = peerLabel() + " did not answer the connection request";
                    // The controller then reports LE Connection Complete with status 0x02 (or the connection, if it
                    // was made just now).
                    command(HciCommands.leCreateConnectionCancel(), HciCommands.LE_CREATE_CONNECTION_CANCEL, e -> {
                    });
                }
            }
            case CANCELLING -> {
                if (!at.isBefore(phaseSince.plus(COMMAND_TIMEOUT))) {
                    startScan();
                }
            }
            case HALTED -> {
                if (retryAt != null && !at.isBefore(retryAt)) {
                    restart();
                }
            }
            case CONNECTED -> {
                if (gatt != null) {
                    gatt.tick(at);
                }
            }
            default -> {
            }
        }
    }

    @Override
    public void endOfStream(Sink s) {
        decoder.finish();
        l2cap.clear();
        // The port is gone: the driver marks that gap itself, and the next start() resets the dongle.
        phase = Phase.OFF;
        out = null;
        commands.clear();
        inFlight = null;
        aclQueue.clear();
        handle = -1;
        gatt = null;
        linkLostAt = null;
        battery = null;
        message = null;
    }

    @Override
    public StreamDecoder<?> decoder() {
        return decoder;
    }

    @Override
    public long bytesSkipped() {
        return decoder.bytesSkipped() + l2cap.bytesDropped() + bytesRejected;
    }

    @Override
    public long resynchronisations() {
        return decoder.resynchronisations() + l2cap.framesDropped() + rejected;
    }

    @Override
    public Integer battery() {
        return battery;
    }

    @Override
    public String statusMessage() {
        return message;
    }

    @Override
    public boolean streamsContinuously() {
        return false;
    }

    // ----- controller set-up and scanning -----

    private void restart() {
        phase = Phase.STARTING;
        phaseSince = now;
        commands.clear();
        inFlight = null;
        commandCredits = 1;
        aclQueue.clear();
        handle = -1;
        gatt = null;
        message = STARTING;
        step(HciCommands.reset(), HciCommands.RESET, () -> {
            // It answers: a complaint about an earlier silence no longer applies.
            message = STARTING;
            step(HciCommands.setEventMask(HciCommands.EVENT_MASK_WITH_LE_META), HciCommands.SET_EVENT_MASK, () ->
                command(HciCommands.leReadBufferSize(), HciCommands.LE_READ_BUFFER_SIZE, e -> {
                    HciCommands.BufferSize le = bufferSize(e, true);
                    if (le == null) {
                        return;
                    }
                    if (le.aclDataPacketLength() > 0 && le.totalNumAclDataPackets() > 0) {
                        buffers(le);
                    } else {
                        // 0 means LE shares the BR/EDR buffers (7.8.2).
                        command(HciCommands.readBufferSize(), HciCommands.READ_BUFFER_SIZE, e2 -> {
                            HciCommands.BufferSize shared = bufferSize(e2, false);
                            if (shared != null) {
                                buffers(shared);
                            }
                        });
                    }
                }));
        });
    }

    private HciCommands.BufferSize bufferSize(HciEvent e, boolean le) {
        String name = HciCommands.name(le ? HciCommands.LE_READ_BUFFER_SIZE : HciCommands.READ_BUFFER_SIZE);
        if (!(e instanceof HciEvent.CommandComplete cc) || cc.status() != 0) {
            refusedBy(name, status(e));
            return null;
        }
        try {
            HciCommands.BufferSize b = le ? HciCommands.leBufferSize(cc) : HciCommands.bufferSize(cc);
            if (!le && (b.aclDataPacketLength() == 0 || b.totalNumAclDataPackets() == 0)) {
                refusedBy(name + " (no ACL buffers)", 0);
                return null;
            }
            return b;
        } catch (CodecException ex) {
            refusedBy(name + " (" + ex.getMessage() + ")", 0);
            return null;
        }
    }

    private void buffers(HciCommands.BufferSize b) {
        aclLength = b.aclDataPacketLength();
        aclTotal = b.totalNumAclDataPackets();
        aclCredits = aclTotal;
        step(HciCommands.leSetRandomAddress(ownAddress), HciCommands.LE_SET_RANDOM_ADDRESS, () ->
            step(HciCommands.leSetScanParameters(true, SCAN_INTERVAL, SCAN_WINDOW, BdAddress.RANDOM),
                    HciCommands.LE_SET_SCAN_PARAMETERS, this::startScan));
    }

    private void startScan() {
        seen.clear();
        peer = null;
        peerName = null;
        phase = Phase.STARTING;
        phaseSince = now;
        step(HciCommands.leSetScanEnable(true, true), HciCommands.LE_SET_SCAN_ENABLE, () -> {
            phase = Phase.SCANNING;
            phaseSince = now;
            message = lastLoss == null ? SCANNING : SCANNING + " (" + lastLoss + ")";
        });
    }

    private void advertising(HciEvent.LeAdvertisingReport r) {
        if (phase != Phase.SCANNING) {
            return;
        }
        for (HciEvent.AdvertisingReport a : r.reports()) {
            AdvertisingData ad;
            try {
                ad = AdvertisingData.parse(a.data());
            } catch (CodecException e) {
                // Some other device's malformed advertisement; it cannot be the one we want.
                continue;
            }
            Seen s = seen.get(a.address());
            if (s == null) {
                if (seen.size() >= MAX_SEEN) {
                    seen.remove(seen.keySet().iterator().next());
                }
                s = new Seen();
                seen.put(a.address(), s);
            }
            s.services.addAll(ad.serviceUuids16());
            s.connectable |= a.connectable();
            if (ad.name() != null && (s.name == null || ad.nameComplete())) {
                s.name = ad.name();
            }
        }
        for (Map.Entry<BdAddress, Seen> e : seen.entrySet()) {
            Seen s = e.getValue();
            if ((chosen == null || chosen.equals(e.getKey())) && s.connectable
                    && s.services.stream().anyMatch(HEALTH_SERVICES::contains)) {
                connect(e.getKey(), s.name);
                return;
            }
        }
    }

    private void connect(BdAddress address, String name) {
        peer = address;
        peerName = name;
        phase = Phase.STARTING;
        phaseSince = now;
        message = "Connecting to " + peerLabel();
        step(HciCommands.leSetScanEnable(false, false), HciCommands.LE_SET_SCAN_ENABLE, () ->
            command(HciCommands.leCreateConnection(address, BdAddress.RANDOM, SCAN_INTERVAL, SCAN_WINDOW,
                    CONN_INTERVAL_MIN, CONN_INTERVAL_MAX, 0, SUPERVISION_TIMEOUT), HciCommands.LE_CREATE_CONNECTION,
                    e -> {
                        if (status(e) == 0) {
                            phase = Phase.CONNECTING;
                            phaseSince = now;
                        } else {
                            lastLoss = String.format(Locale.ROOT, "could not connect to %s (error 0x%02X)",
                                    peerLabel(), status(e));
                            startScan();
                        }
                    }));
    }

    // ----- events -----

    private void event(HciEvent e) {
        switch (e) {
            case HciEvent.CommandComplete cc -> completed(cc.opcode(), cc.numCommandPackets(), e);
            case HciEvent.CommandStatus cs -> completed(cs.opcode(), cs.numCommandPackets(), e);
            case HciEvent.NumberOfCompletedPackets n -> {
                for (HciEvent.Completed c : n.completed()) {
                    if (c.handle() == handle) {
                        aclCredits = Math.min(aclTotal, aclCredits + c.count());
                    }
                }
                pumpAcl();
            }
            case HciEvent.LeAdvertisingReport r -> advertising(r);
            case HciEvent.LeConnectionComplete c -> connectionComplete(c);
            case HciEvent.DisconnectionComplete d -> {
                if (d.status() == 0 && d.handle() == handle) {
                    linkLost(reason(d.reason()));
                    startScan();
                }
            }
            default -> {
            }
        }
    }

    private void connectionComplete(HciEvent.LeConnectionComplete c) {
        if (phase != Phase.CONNECTING && phase != Phase.CANCELLING) {
            if (c.status() == 0) {
                // A connection that completed after we gave up on it: release it, or the device stays taken.
                command(HciCommands.disconnect(c.handle(), HciCommands.REASON_REMOTE_USER_TERMINATED),
                        HciCommands.DISCONNECT, e -> { });
            }
            return;
        }
        if (c.status() != 0 || c.role() != HciEvent.LeConnectionComplete.ROLE_CENTRAL) {
            if (c.status() != CONNECTION_CANCELLED) {
                lastLoss = String.format(Locale.ROOT, "could not connect to %s (error 0x%02X)", peerLabel(),
                        c.status());
            }
            startScan();
            return;
        }
        handle = c.handle();
        chosen = peer;
        phase = Phase.CONNECTED;
        phaseSince = now;
        aclCredits = aclTotal;
        if (linkLostAt != null) {
            sink.gap(new DeviceGap(deviceId, linkLostAt, now));
            linkLostAt = null;
        }
        lastLoss = null;
        refusal = null;
        message = "Connected to " + peerLabel() + "; reading its services";
        LOG.info("Device {}: connected to a Bluetooth health device", deviceId);
        gatt = new GattClient(this::sendAtt, gattListener, peerName == null);
        gatt.begin(now);
    }

    private void linkLost(String why) {
        l2cap.disconnected(handle);
        handle = -1;
        battery = null;
        gatt = null;
        aclQueue.clear();
        aclCredits = aclTotal;
        linkLostAt = now;
        lastLoss = peerLabel() + " disconnected: " + why;
        LOG.info("Device {}: the Bluetooth link ended ({})", deviceId, why);
    }

    /** Words for a disconnection reason (error codes of Core Specification v5.4, Vol 1, Part F, 1.3). */
    private static String reason(int code) {
        return switch (code) {
            case 0x08 -> "connection timeout (out of range or switched off)";
            case 0x13 -> "the device ended the connection";
            case 0x15 -> "the device is powering off";
            case 0x16 -> "Vitalis ended the connection";
            case 0x3E -> "the connection could not be established";
            default -> String.format(Locale.ROOT, "error 0x%02X", code);
        };
    }

    private void disconnect(String why) {
        message = peerLabel() + ": " + why + "; reconnecting";
        phase = Phase.DISCONNECTING;
        phaseSince = now;
        int h = handle;
        command(HciCommands.disconnect(h, HciCommands.REASON_REMOTE_USER_TERMINATED), HciCommands.DISCONNECT, e -> {
            // Status 0x02: the link was already gone; its Disconnection Complete may have crossed our command.
            if (status(e) != 0 && handle == h) {
                linkLost(why);
                startScan();
            }
        });
    }

    // ----- HCI command flow (Vol 4, Part E, 4.4: Num_HCI_Command_Packets) -----

    /** Sends a command whose Command Complete carries only a status; a refusal halts and retries later. */
    private void step(byte[] packet, int opcode, Runnable next) {
        command(packet, opcode, e -> {
            if (status(e) == 0) {
                next.run();
            } else {
                refusedBy(HciCommands.name(opcode), status(e));
            }
        });
    }

    private void command(byte[] packet, int opcode, Consumer<HciEvent> done) {
        commands.addLast(new Command(packet, opcode, done));
        pumpCommands();
    }

    private void pumpCommands() {
        if (inFlight != null || commandCredits < 1 || commands.isEmpty() || out == null) {
            return;
        }
        inFlight = commands.pollFirst();
        inFlightSince = now;
        out.write(inFlight.packet());
    }

    private void completed(int opcode, int credits, HciEvent e) {
        commandCredits = credits;
        if (inFlight != null && inFlight.opcode() == opcode) {
            Command c = inFlight;
            inFlight = null;
            c.done().accept(e);
        }
        pumpCommands();
    }

    private static int status(HciEvent e) {
        return switch (e) {
            case HciEvent.CommandComplete cc -> cc.status();
            case HciEvent.CommandStatus cs -> cs.status();
            default -> 0xFF;
        };
    }

    private void refusedBy(String command, int status) {
        phase = Phase.HALTED;
        phaseSince = now;
        retryAt = now.plus(RETRY_AFTER_REFUSAL);
        message = String.format(Locale.ROOT, "The Bluetooth dongle refused %s (error 0x%02X); trying again in %d s",
                command, status, RETRY_AFTER_REFUSAL.toSeconds());
        LOG.info("Device {}: {}", deviceId, message);
    }

    // ----- ACL, L2CAP -----

    private void acl(HciPacket.Acl acl) {
        if (acl.handle() != handle) {
            return;
        }
        L2cap.Frame f = l2cap.accept(acl);
        if (f == null) {
            return;
        }
        switch (f.cid()) {
            case L2cap.ATT_CID -> {
                if (gatt != null) {
                    try {
                        gatt.accept(f.payload(), now);
                    } catch (CodecException e) {
                        reject(f.payload().length, "ATT PDU", e);
                    }
                }
            }
            case L2cap.LE_SIGNALING_CID -> signaling(f.payload());
            case L2cap.SMP_CID -> securityManager(f.payload());
            default -> {
                // Other channels (credit-based, vendor) are not opened by this host.
            }
        }
    }

    private void sendAtt(byte[] pdu) {
        send(L2cap.ATT_CID, pdu);
    }

    private void send(int cid, byte[] payload) {
        if (handle < 0) {
            return;
        }
        aclQueue.addAll(L2cap.fragment(handle, cid, payload, aclLength, true));
        pumpAcl();
    }

    /** ACL packets go out only while the controller has buffers for them (Vol 4, Part E, 4.1.1). */
    private void pumpAcl() {
        while (aclCredits > 0 && !aclQueue.isEmpty() && out != null) {
            out.write(aclQueue.pollFirst());
            aclCredits--;
        }
    }

    /**
     * LE signaling (Vol 3, Part A, 4): a Connection Parameter Update Request is answered "rejected" (accepting would
     * need LE Connection Update; the parameters chosen at connection suit a cuff); other requests get Command
     * Reject "not understood".
     */
    private void signaling(byte[] p) {
        if (p.length < 4) {
            reject(p.length, "LE signaling packet", null);
            return;
        }
        int code = p[0] & 0xFF;
        int id = p[1] & 0xFF;
        if (code == 0x12) {
            send(L2cap.LE_SIGNALING_CID, new byte[] {0x13, (byte) id, 2, 0, 1, 0});
        } else if (code == 0x06 || code == 0x0A || code == 0x14 || code == 0x17 || code == 0x19) {
            send(L2cap.LE_SIGNALING_CID, new byte[] {0x01, (byte) id, 2, 0, 0, 0});
        }
    }

    /** A Pairing or Security Request gets Pairing Failed, reason 0x05 "Pairing Not Supported" (Vol 3, Part H, 3.5.5). */
    private void securityManager(byte[] p) {
        if (p.length >= 1 && ((p[0] & 0xFF) == 0x01 || (p[0] & 0xFF) == 0x0B)) {
            send(L2cap.SMP_CID, new byte[] {0x05, 0x05});
        }
    }

    private void reject(int bytes, String what, CodecException e) {
        rejected++;
        bytesRejected += bytes;
        LOG.debug("Device {}: dropped a {} of {} bytes: {}", deviceId, what, bytes, e == null ? "too short"
                : e.getMessage());
    }

    private String connected() {
        return "Connected to " + peerLabel() + (refusal == null ? "" : ", but " + refusal);
    }

    private String peerLabel() {
        if (peer == null) {
            return "the device";
        }
        return peerName == null ? peer.toString() : peerName + " (" + peer + ")";
    }

    // ----- what the GATT client found -----

    private final GattClient.Listener gattListener = new GattClient.Listener() {
        @Override
        public void value(int uuid16, byte[] value, Instant at) {
            GattValue v;
            try {
                v = Characteristics.decode(uuid16, value);
            } catch (CodecException e) {
                // The message names the field, never the measured value.
                reject(value.length, String.format(Locale.ROOT, "0x%04X value", uuid16), e);
                return;
            }
            switch (v) {
                case GattValue.BatteryLevel b -> battery = b.level().value().intValue();
                case GattValue.IntermediateCuffPressure icp -> {
                    if (icp.cuffPressure().value() != null) {
                        message = peerLabel() + " is measuring: cuff at "
                                + icp.cuffPressure().value().setScale(0, RoundingMode.HALF_EVEN)
                                        .toPlainString() + " mmHg";
                    }
                }
                default -> {
                    List<Measurement> values = HealthReadings.of(v);
                    if (!values.isEmpty()) {
                        sink.reading(new DeviceReading(deviceId, at, values,
                                HexFormat.of().withUpperCase().formatHex(value)));
                        message = connected();
                    }
                    // The device's own doubts about its measurement go where the nurse looks, next to its status.
                    List<String> warnings = HealthReadings.deviceWarnings(v);
                    if (!warnings.isEmpty()) {
                        message = connected() + "; the device reported: " + String.join(", ", warnings);
                    }
                }
            }
        }

        @Override
        public void deviceName(String name) {
            if (!name.isBlank()) {
                peerName = name.strip();
                message = "Connected to " + peerLabel() + "; reading its services";
            }
        }

        @Override
        public void ready(List<Integer> subscribed) {
            if (subscribed.isEmpty() && refusal == null) {
                refusal = "it offers no measurement to subscribe to";
            }
            message = connected();
        }

        @Override
        public void refused(String why) {
            refusal = why;
            message = connected();
            LOG.info("Device {}: the Bluetooth device refused a request: {}", deviceId, why);
        }

        @Override
        public void failed(String why) {
            LOG.info("Device {}: dropping the Bluetooth link: {}", deviceId, why);
            disconnect(why);
        }
    };
}
