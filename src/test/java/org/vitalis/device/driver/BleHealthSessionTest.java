package org.vitalis.device.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vitalis.device.codec.AdvertisingData;
import org.vitalis.device.codec.Att;
import org.vitalis.device.codec.AttPdu;
import org.vitalis.device.codec.BdAddress;
import org.vitalis.device.codec.H4Decoder;
import org.vitalis.device.codec.HciCommands;
import org.vitalis.device.codec.HciEvent;
import org.vitalis.device.codec.HciEvents;
import org.vitalis.device.codec.HciPacket;
import org.vitalis.device.codec.L2cap;

/**
 * The host's state machine against a controller scripted event by event, on a clock the test moves: the timeouts
 * (2 s HCI, 30 s ATT) and the rarer answers a real dongle or device may give.
 */
class BleHealthSessionTest {
    private static final BdAddress CUFF = BdAddress.parse("C0:11:22:33:44:55", BdAddress.RANDOM);
    private static final BdAddress OWN = BdAddress.parse("C3:00:00:00:00:01", BdAddress.RANDOM);

    private final List<DeviceReading> readings = new ArrayList<>();
    private final List<DeviceGap> gaps = new ArrayList<>();
    private final ProtocolSession.Sink sink = new ProtocolSession.Sink() {
        @Override
        public void reading(DeviceReading r) {
            readings.add(r);
        }

        @Override
        public void waveform(WaveformChunk chunk) {
        }

        @Override
        public void gap(DeviceGap g) {
            gaps.add(g);
        }
    };
    private final H4Decoder hostSide = H4Decoder.fromHost();
    private final L2cap.Reassembler l2cap = new L2cap.Reassembler(512);
    private final List<HciPacket.Command> commands = new ArrayList<>();
    private final List<AttPdu> att = new ArrayList<>();
    private final List<L2cap.Frame> otherFrames = new ArrayList<>();
    private BleHealthSession session;
    private Instant now = Instant.parse("2026-03-09T08:00:00Z");

    @BeforeEach
    void start() {
        session = new BleHealthSession("cuff", OWN);
        session.start(bytes -> {
            for (HciPacket p : hostSide.feed(bytes)) {
                if (p instanceof HciPacket.Command c) {
                    commands.add(c);
                } else if (p instanceof HciPacket.Acl a) {
                    L2cap.Frame f = l2cap.accept(a);
                    if (f != null && f.cid() == L2cap.ATT_CID) {
                        att.add(Att.parse(f.payload()));
                    } else if (f != null) {
                        otherFrames.add(f);
                    }
                }
            }
        }, now);
    }

    private void controller(byte[] packet) {
        session.accept(packet, 0, packet.length, now, sink);
    }

    private int lastOpcode() {
        return commands.getLast().opcode();
    }

    private void ok(int opcode, byte... more) {
        assertThat(lastOpcode()).isEqualTo(opcode);
        byte[] ret = new byte[1 + more.length];
        System.arraycopy(more, 0, ret, 1, more.length);
        controller(HciEvents.commandComplete(1, opcode, ret));
    }

    private void peripheral(AttPdu pdu) {
        // The controller has sent what the host queued: buffer credits back (capped at the total by the host).
        controller(HciEvents.numberOfCompletedPackets(0x40, 2));
        L2cap.fragment(0x40, L2cap.ATT_CID, Att.encode(pdu), 27, false).forEach(this::controller);
    }

    /** Reset to LE Create Connection and its completion; the client's first ATT request follows. */
    private void connect() {
        ok(HciCommands.RESET);
        ok(HciCommands.SET_EVENT_MASK);
        ok(HciCommands.LE_READ_BUFFER_SIZE, (byte) 27, (byte) 0, (byte) 2);
        assertThat(commands.getLast().parameters()).isEqualTo(OWN.bytes());
        ok(HciCommands.LE_SET_RANDOM_ADDRESS);
        ok(HciCommands.LE_SET_SCAN_PARAMETERS);
        ok(HciCommands.LE_SET_SCAN_ENABLE);
        assertThat(session.statusMessage()).startsWith("Scanning for a Bluetooth blood-pressure cuff");
        controller(HciEvents.leAdvertisingReport(List.of(new HciEvent.AdvertisingReport(0, CUFF,
                AdvertisingData.encode(6, List.of(0x1810), "Cuff"), -50))));
        ok(HciCommands.LE_SET_SCAN_ENABLE);
        assertThat(lastOpcode()).isEqualTo(HciCommands.LE_CREATE_CONNECTION);
        controller(HciEvents.commandStatus(0, 1, HciCommands.LE_CREATE_CONNECTION));
        controller(HciEvents.leConnectionComplete(0, 0x40, 0, CUFF, 0x28, 0, 0x1F4, 0));
        assertThat(att.getLast()).isEqualTo(new AttPdu.ExchangeMtuRequest(247));
    }

    @Test
    void aDongleThatDoesNotAnswerIsResetAgainAndToldInPlainWords() {
        assertThat(lastOpcode()).isEqualTo(HciCommands.RESET);
        now = now.plus(Duration.ofMillis(1900));
        session.tick(now, sink);
        assertThat(commands).hasSize(1);
        now = now.plus(Duration.ofMillis(200));
        session.tick(now, sink);
        assertThat(commands).hasSize(2);
        assertThat(lastOpcode()).isEqualTo(HciCommands.RESET);
        assertThat(session.statusMessage()).isEqualTo("The Bluetooth dongle does not answer (no reply to Reset"
                + " within 2 s). Check that it runs HCI over UART at 1000000 baud with RTS/CTS flow control.");
        ok(HciCommands.RESET);
        assertThat(lastOpcode()).isEqualTo(HciCommands.SET_EVENT_MASK);
        assertThat(session.statusMessage()).isEqualTo("Starting the Bluetooth dongle");
    }

    @Test
    void sharedBuffersAreReadWhenTheLeBufferSizeIsZeroAndARefusalIsRetriedLater() {
        ok(HciCommands.RESET);
        ok(HciCommands.SET_EVENT_MASK);
        ok(HciCommands.LE_READ_BUFFER_SIZE, (byte) 0, (byte) 0, (byte) 0);
        ok(HciCommands.READ_BUFFER_SIZE, (byte) 27, (byte) 0, (byte) 0, (byte) 3, (byte) 0, (byte) 0, (byte) 0);
        assertThat(lastOpcode()).isEqualTo(HciCommands.LE_SET_RANDOM_ADDRESS);
        controller(HciEvents.commandComplete(1, HciCommands.LE_SET_RANDOM_ADDRESS, (byte) 0x12));
        assertThat(session.statusMessage()).isEqualTo("The Bluetooth dongle refused LE Set Random Address"
                + " (error 0x12); trying again in 5 s");
        now = now.plusSeconds(5);
        session.tick(now, sink);
        assertThat(lastOpcode()).isEqualTo(HciCommands.RESET);
    }

    @Test
    void anUnansweredAttributeRequestDropsTheLinkAfterThirtySecondsAndScanningResumesWithAGap() {
        connect();
        now = now.plusSeconds(29);
        session.tick(now, sink);
        assertThat(lastOpcode()).isEqualTo(HciCommands.LE_CREATE_CONNECTION);
        now = now.plusSeconds(1);
        session.tick(now, sink);
        assertThat(lastOpcode()).isEqualTo(HciCommands.DISCONNECT);
        assertThat(commands.getLast().parameters()).containsExactly(0x40, 0x00, 0x13);
        assertThat(session.statusMessage()).isEqualTo("Cuff (C0:11:22:33:44:55): no answer to an attribute"
                + " request within 30 s; reconnecting");
        Instant lost = now;
        controller(HciEvents.commandStatus(0, 1, HciCommands.DISCONNECT));
        controller(HciEvents.disconnectionComplete(0, 0x40, 0x16));
        ok(HciCommands.LE_SET_SCAN_ENABLE);
        assertThat(session.statusMessage()).isEqualTo("Scanning for a Bluetooth blood-pressure cuff, thermometer"
                + " or scale (Cuff (C0:11:22:33:44:55) disconnected: Vitalis ended the connection)");
        now = now.plusSeconds(4);
        controller(HciEvents.leAdvertisingReport(List.of(new HciEvent.AdvertisingReport(0, CUFF,
                AdvertisingData.encode(6, List.of(0x1810), "Cuff"), -50))));
        ok(HciCommands.LE_SET_SCAN_ENABLE);
        controller(HciEvents.commandStatus(0, 1, HciCommands.LE_CREATE_CONNECTION));
        controller(HciEvents.leConnectionComplete(0, 0x41, 0, CUFF, 0x28, 0, 0x1F4, 0));
        assertThat(gaps).containsExactly(new DeviceGap("cuff", lost, now));
    }

    /** A cuff that drops its link between measurements is the one taken up again, never the next room's cuff. */
    @Test
    void afterALostLinkOnlyTheSameDeviceIsTakenUpAgain() {
        connect();
        controller(HciEvents.disconnectionComplete(0, 0x40, 0x08));
        ok(HciCommands.LE_SET_SCAN_ENABLE);
        BdAddress neighbour = BdAddress.parse("D0:00:00:00:00:09", 1);
        controller(HciEvents.leAdvertisingReport(List.of(new HciEvent.AdvertisingReport(0, neighbour,
                AdvertisingData.encode(6, List.of(0x1810), "Next door"), -40))));
        assertThat(lastOpcode()).as("still scanning, not connecting to the neighbour")
                .isEqualTo(HciCommands.LE_SET_SCAN_ENABLE);
        controller(HciEvents.leAdvertisingReport(List.of(new HciEvent.AdvertisingReport(0, CUFF,
                AdvertisingData.encode(6, List.of(0x1810), "Cuff"), -50))));
        ok(HciCommands.LE_SET_SCAN_ENABLE);
        assertThat(lastOpcode()).isEqualTo(HciCommands.LE_CREATE_CONNECTION);
        assertThat(commands.getLast().parameters()).containsSubsequence(CUFF.bytes());
    }

    @Test
    void aConnectionThatNeverCompletesIsCancelledAndScanningResumes() {
        ok(HciCommands.RESET);
        ok(HciCommands.SET_EVENT_MASK);
        ok(HciCommands.LE_READ_BUFFER_SIZE, (byte) 27, (byte) 0, (byte) 2);
        ok(HciCommands.LE_SET_RANDOM_ADDRESS);
        ok(HciCommands.LE_SET_SCAN_PARAMETERS);
        ok(HciCommands.LE_SET_SCAN_ENABLE);
        // A heart-rate strap is not a health device; the non-connectable thermometer cannot be connected.
        controller(HciEvents.leAdvertisingReport(List.of(
                new HciEvent.AdvertisingReport(0, BdAddress.parse("D0:00:00:00:00:01", 1),
                        AdvertisingData.encode(6, List.of(0x180D), null), -40),
                new HciEvent.AdvertisingReport(3, BdAddress.parse("D0:00:00:00:00:02", 1),
                        AdvertisingData.encode(6, List.of(0x1809), null), -40))));
        assertThat(lastOpcode()).isEqualTo(HciCommands.LE_SET_SCAN_ENABLE);
        controller(HciEvents.leAdvertisingReport(List.of(new HciEvent.AdvertisingReport(0, CUFF,
                AdvertisingData.encode(6, List.of(0x1810), null), -50))));
        ok(HciCommands.LE_SET_SCAN_ENABLE);
        assertThat(commands.getLast().parameters()).containsSubsequence(CUFF.bytes());
        controller(HciEvents.commandStatus(0, 1, HciCommands.LE_CREATE_CONNECTION));
        now = now.plusSeconds(10);
        session.tick(now, sink);
        ok(HciCommands.LE_CREATE_CONNECTION_CANCEL);
        controller(HciEvents.leConnectionComplete(0x02, 0, 0, CUFF, 0, 0, 0, 0));
        ok(HciCommands.LE_SET_SCAN_ENABLE);
        assertThat(session.statusMessage()).endsWith("(C0:11:22:33:44:55 did not answer the connection request)");
    }

    @Test
    void aDeviceThatWantsPairingIsToldItIsNotSupportedAndTheUserSeesWhy() {
        connect();
        // The peripheral asks for security and for other connection parameters.
        L2cap.fragment(0x40, L2cap.SMP_CID, new byte[] {0x0B, 0x01}, 27, false).forEach(this::controller);
        L2cap.fragment(0x40, L2cap.LE_SIGNALING_CID, new byte[] {0x12, 0x07, 8, 0, 6, 0, 12, 0, 0, 0, (byte) 0xC8, 0},
                27, false).forEach(this::controller);
        // Two ACL buffers: the second answer waits for the controller to return a credit.
        assertThat(otherFrames).extracting(L2cap.Frame::cid).containsExactly(L2cap.SMP_CID);
        peripheral(new AttPdu.ExchangeMtuResponse(23));
        assertThat(otherFrames).extracting(L2cap.Frame::cid).containsExactly(L2cap.SMP_CID, L2cap.LE_SIGNALING_CID);
        assertThat(otherFrames.get(0).payload()).containsExactly(0x05, 0x05);
        assertThat(otherFrames.get(1).payload()).containsExactly(0x13, 0x07, 2, 0, 1, 0);
        assertThat(att.getLast()).isInstanceOf(AttPdu.ReadByGroupTypeRequest.class);
        peripheral(new AttPdu.ReadByGroupTypeResponse(List.of(new AttPdu.GroupValue(0x0A, 0x0D,
                new byte[] {0x10, 0x18}))));
        assertThat(att.getLast()).isEqualTo(new AttPdu.ReadByGroupTypeRequest(0x0E, 0xFFFF, Att.PRIMARY_SERVICE));
        peripheral(new AttPdu.ErrorResponse(AttPdu.READ_BY_GROUP_TYPE_REQ, 0x0E, AttPdu.ATTRIBUTE_NOT_FOUND));
        assertThat(att.getLast()).isEqualTo(new AttPdu.ReadByTypeRequest(0x0A, 0x0D, Att.CHARACTERISTIC));
        peripheral(new AttPdu.ReadByTypeResponse(List.of(new AttPdu.HandleValue(0x0B,
                new Att.CharacteristicDeclaration(0x0B, 0x20, 0x0C, org.vitalis.device.codec.BleUuids.of16(0x2A35))
                        .value()))));
        assertThat(att.getLast()).isEqualTo(new AttPdu.ReadByTypeRequest(0x0C, 0x0D, Att.CHARACTERISTIC));
        peripheral(new AttPdu.ErrorResponse(AttPdu.READ_BY_TYPE_REQ, 0x0C, AttPdu.ATTRIBUTE_NOT_FOUND));
        assertThat(att.getLast()).isEqualTo(new AttPdu.FindInformationRequest(0x0D, 0x0D));
        peripheral(new AttPdu.FindInformationResponse(List.of(new AttPdu.HandleUuid(0x0D,
                Att.CLIENT_CHARACTERISTIC_CONFIGURATION))));
        assertThat(att.getLast().toString()).isEqualTo(new AttPdu.WriteRequest(0x0D, new byte[] {2, 0}).toString());
        peripheral(new AttPdu.ErrorResponse(AttPdu.WRITE_REQ, 0x0D, AttPdu.INSUFFICIENT_ENCRYPTION));
        assertThat(session.statusMessage()).isEqualTo("Connected to Cuff (C0:11:22:33:44:55), but it requires"
                + " pairing before it sends Blood Pressure Measurement, and Vitalis does not pair yet");
        // A value it indicates anyway still becomes a reading, and is confirmed.
        peripheral(new AttPdu.Indication(0x0C, java.util.HexFormat.of().parseHex("1E8A00580078000000041114293B3C00012700")));
        assertThat(att.getLast()).isInstanceOf(AttPdu.Confirmation.class);
        assertThat(readings).singleElement().satisfies(r -> assertThat(r.values()).hasSize(3));
        // A PDU that does not parse is counted, not fatal.
        long skipped = session.bytesSkipped();
        L2cap.fragment(0x40, L2cap.ATT_CID, new byte[] {0x1D, 0x0C}, 27, false).forEach(this::controller);
        assertThat(session.bytesSkipped()).isEqualTo(skipped + 2);
    }
}
