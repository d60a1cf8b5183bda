package org.vitalis.device.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.vitalis.device.codec.AdvertisingData;
import org.vitalis.device.codec.Att;
import org.vitalis.device.codec.AttPdu;
import org.vitalis.device.codec.BdAddress;
import org.vitalis.device.codec.Characteristics;
import org.vitalis.device.codec.GattValue;
import org.vitalis.device.codec.H4Decoder;
import org.vitalis.device.codec.HciCommands;
import org.vitalis.device.codec.HciEvent;
import org.vitalis.device.codec.HciPacket;
import org.vitalis.device.codec.L2cap;
import org.vitalis.device.transport.SerialPortTransport;
import org.vitalis.device.transport.SerialSettings;
import org.vitalis.device.transport.VirtualSerialPair;

/** The simulated dongle driven by hand, byte for byte, from the host side of a real pseudo-terminal. */
class BleDongleSimulatorTest {
    private static final SerialSettings DONGLE = new SerialSettings(1_000_000, 8, SerialSettings.Parity.NONE,
            SerialSettings.StopBits.ONE, SerialSettings.FlowControl.RTS_CTS);

    /** A minimal scripted host: writes packets, reads events and ATT PDUs. */
    private static final class Host implements AutoCloseable {
        final SerialPortTransport port;
        final H4Decoder decoder = H4Decoder.fromController();
        final L2cap.Reassembler l2cap = new L2cap.Reassembler(512);
        final List<Object> received = new ArrayList<>();

        Host(String path) throws Exception {
            port = SerialPortTransport.open(path, DONGLE);
        }

        void send(byte[] packet) throws Exception {
            port.write(packet);
        }

        void att(AttPdu pdu) throws Exception {
            for (byte[] p : L2cap.fragment(0x40, L2cap.ATT_CID, Att.encode(pdu), 27, true)) {
                send(p);
            }
        }

        /** Reads for up to {@code d}, returning the first event or ATT PDU matching, or null. */
        Object await(Duration d, Predicate<Object> wanted) throws Exception {
            for (Object o : received) {
                if (wanted.test(o)) {
                    received.remove(o);
                    return o;
                }
            }
            byte[] buf = new byte[512];
            long end = System.nanoTime() + d.toNanos();
            while (System.nanoTime() < end) {
                int n = port.read(buf, 0, buf.length, Duration.ofMillis(20));
                for (HciPacket p : decoder.feed(buf, 0, Math.max(0, n))) {
                    Object item = p;
                    if (p instanceof HciPacket.Acl acl) {
                        L2cap.Frame f = l2cap.accept(acl);
                        if (f == null) {
                            continue;
                        }
                        item = Att.parse(f.payload());
                    }
                    received.add(item);
                }
                for (Object o : received) {
                    if (wanted.test(o)) {
                        received.remove(o);
                        return o;
                    }
                }
            }
            return null;
        }

        HciEvent.CommandComplete complete(int opcode) throws Exception {
            return (HciEvent.CommandComplete) await(Duration.ofSeconds(2),
                    o -> o instanceof HciEvent.CommandComplete c && c.opcode() == opcode);
        }

        @Override
        public void close() {
            port.close();
        }
    }

    private static boolean reportFrom(Object o, BdAddress a) {
        return o instanceof HciEvent.LeAdvertisingReport r && r.reports().stream().anyMatch(x -> x.address().equals(a));
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void leEventsStayMaskedUntilTheHostAsksForThem() throws Exception {
        try (VirtualSerialPair pair = VirtualSerialPair.open();
                BleDongleSimulator sim = new BleDongleSimulator(pair.deviceEnd(), BleDongleSimulator.Device.CUFF, 3)
                        .start();
                Host host = new Host(pair.portPath())) {
            host.send(HciCommands.reset());
            assertThat(host.complete(HciCommands.RESET).status()).isZero();
            host.send(HciCommands.leSetScanEnable(true, false));
            assertThat(host.complete(HciCommands.LE_SET_SCAN_ENABLE).status()).isZero();
            // After Reset the LE Meta event is masked out (Core v5.4, Vol 4, Part E, 7.3.1): no reports.
            assertThat(host.await(Duration.ofMillis(400), o -> o instanceof HciEvent.LeAdvertisingReport)).isNull();
            host.send(HciCommands.setEventMask(HciCommands.EVENT_MASK_WITH_LE_META));
            host.complete(HciCommands.SET_EVENT_MASK);
            HciEvent.LeAdvertisingReport r = (HciEvent.LeAdvertisingReport) host.await(Duration.ofSeconds(2),
                    o -> reportFrom(o, sim.address()));
            assertThat(r).isNotNull();
            List<Integer> services = new ArrayList<>();
            r.reports().forEach(x -> services.addAll(AdvertisingData.parse(x.data()).serviceUuids16()));
            assertThat(services).contains(0x1810, 0x180D);
            // An unknown command is refused with "Unknown HCI Command".
            host.send(HciCommands.command(0x2099));
            assertThat(host.complete(0x2099).status()).isEqualTo(0x01);
        }
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void noNewIndicationGoesOutBeforeTheLastIsConfirmed() throws Exception {
        try (VirtualSerialPair pair = VirtualSerialPair.open();
                BleDongleSimulator sim = new BleDongleSimulator(pair.deviceEnd(),
                        BleDongleSimulator.Device.THERMOMETER, 3).measurementEvery(Duration.ofMillis(300)).start();
                Host host = new Host(pair.portPath())) {
            host.send(HciCommands.reset());
            host.complete(HciCommands.RESET);
            host.send(HciCommands.setEventMask(HciCommands.EVENT_MASK_WITH_LE_META));
            host.complete(HciCommands.SET_EVENT_MASK);
            host.send(HciCommands.leCreateConnection(sim.address(), BdAddress.RANDOM, 0x60, 0x30, 0x18, 0x28, 0,
                    0x1F4));
            HciEvent.LeConnectionComplete c = (HciEvent.LeConnectionComplete) host.await(Duration.ofSeconds(2),
                    o -> o instanceof HciEvent.LeConnectionComplete);
            assertThat(c.status()).isZero();
            assertThat(c.peer()).isEqualTo(sim.address());
            // A confirmation with no indication outstanding is the host's fault, and counted.
            host.att(new AttPdu.Confirmation());
            // Temperature Measurement: declaration 0x000B, value 0x000C, CCCD 0x000D in the simulated database.
            host.att(new AttPdu.WriteRequest(0x000D, new byte[] {0x02, 0x00}));
            assertThat(host.await(Duration.ofSeconds(2), o -> o instanceof AttPdu.WriteResponse)).isNotNull();
            AttPdu.Indication first = (AttPdu.Indication) host.await(Duration.ofSeconds(3),
                    o -> o instanceof AttPdu.Indication);
            assertThat(first.handle()).isEqualTo(0x000C);
            GattValue.TemperatureMeasurement t = Characteristics.temperature(first.value());
            assertThat(t.temperature().unit()).isEqualTo("Cel");
            // Unconfirmed, the device keeps measuring (every 300 ms) but holds its indications back.
            assertThat(host.await(Duration.ofMillis(1200), o -> o instanceof AttPdu.Indication)).isNull();
            assertThat(sim.measurementsTaken()).isGreaterThanOrEqualTo(3);
            assertThat(sim.indicationsSent()).isEqualTo(1);
            host.att(new AttPdu.Confirmation());
            AttPdu.Indication second = (AttPdu.Indication) host.await(Duration.ofSeconds(2),
                    o -> o instanceof AttPdu.Indication);
            assertThat(second).isNotNull();
            assertThat(sim.confirmationsReceived()).isEqualTo(1);
            assertThat(sim.unexpectedConfirmations()).isEqualTo(1);
        }
    }

    @Test
    void everyValueTheDeviceSendsDecodesAndAFixedSeedRepeatsIt() {
        LocalDateTime at = LocalDateTime.of(2026, 3, 9, 8, 15, 30);
        for (HealthPeripheral.Kind kind : HealthPeripheral.Kind.values()) {
            HealthPeripheral a = new HealthPeripheral(kind, 99);
            HealthPeripheral b = new HealthPeripheral(kind, 99);
            for (int i = 0; i < 20; i++) {
                byte[] v = a.measure(at);
                assertThat(v).isEqualTo(b.measure(at));
                GattValue decoded = Characteristics.decode(kind.measurement, v);
                switch (decoded) {
                    case GattValue.BloodPressureMeasurement bp -> {
                        assertThat(bp.systolic().value().intValue()).isBetween(100, 145);
                        assertThat(bp.diastolic().value().intValue()).isBetween(60, bp.systolic().value().intValue() - 25);
                        assertThat(bp.pulseRate().value().intValue()).isBetween(55, 90);
                        assertThat(bp.timeStamp().iso()).isEqualTo("2026-03-09T08:15:30");
                        assertThat(bp.status().raw()).isZero();
                    }
                    case GattValue.TemperatureMeasurement t -> {
                        assertThat(t.temperature().value().doubleValue()).isBetween(36.0, 37.6);
                        assertThat(t.fahrenheit()).isFalse();
                    }
                    case GattValue.WeightMeasurement w -> {
                        assertThat(w.weight().value().doubleValue()).isBetween(71.0, 74.0);
                        assertThat(w.bmi() == null).isEqualTo(i % 2 == 0);
                        if (w.bmi() != null) {
                            assertThat(w.height().value()).isEqualByComparingTo("174.5");
                            assertThat(w.bmi().doubleValue()).isBetween(23.0, 24.5);
                        }
                    }
                    default -> throw new AssertionError("unexpected " + decoded);
                }
            }
            assertThat(a.battery()).isEqualTo(91 - 4);
            assertThat(Characteristics.batteryLevel(a.batteryLevel()).level().value().intValue()).isEqualTo(87);
        }
        HealthPeripheral cuff = new HealthPeripheral(HealthPeripheral.Kind.CUFF, 1);
        for (int i = 0; i < HealthPeripheral.CUFF_PRESSURES.length; i++) {
            GattValue.IntermediateCuffPressure icp = Characteristics.intermediateCuffPressure(cuff.cuffPressure(i));
            assertThat(icp.cuffPressure().value().intValue()).isEqualTo(HealthPeripheral.CUFF_PRESSURES[i]);
            assertThat(icp.unused1().isNumber()).isFalse();
        }
    }
}
