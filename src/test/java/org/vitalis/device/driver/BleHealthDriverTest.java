package org.vitalis.device.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vitalis.device.driver.Recorder.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.vitalis.device.codec.Characteristics;
import org.vitalis.device.codec.GattValue;
import org.vitalis.device.sim.BleDongleSimulator;
import org.vitalis.device.transport.SerialPortTransport;
import org.vitalis.device.transport.VirtualSerialPair;
import org.vitalis.domain.VitalSign;

/**
 * The ble-health driver against the simulated HCI UART dongle, through a real pseudo-terminal opened by jSerialComm
 * at the dongle's line settings (1000000 8N1, RTS/CTS).
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class BleHealthDriverTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final DeviceDriver.Options FAST = DeviceDriver.Options.defaults()
            .withBackoff(Duration.ofMillis(50), Duration.ofMillis(200), 3);

    private static DeviceDriver driver(String id, VirtualSerialPair pair, Recorder rec) {
        DeviceProtocol p = Protocols.byName("ble-health");
        return new DeviceDriver(id, p, () -> SerialPortTransport.open(pair.portPath(), p.serialSettings()), rec, FAST);
    }

    private static BleDongleSimulator sim(VirtualSerialPair pair, BleDongleSimulator.Device device) {
        return new BleDongleSimulator(pair.deviceEnd(), device, 11).measurementEvery(Duration.ofMillis(1500));
    }

    private static BigDecimal value(DeviceReading r, VitalSign sign) {
        return r.values().stream().filter(m -> m.sign() == sign).findFirst().orElseThrow().value();
    }

    private static String unit(DeviceReading r, VitalSign sign) {
        return r.values().stream().filter(m -> m.sign() == sign).findFirst().orElseThrow().unit();
    }

    @Test
    void aCuffSendsBloodPressureAndPulseWithItsBatteryInTheStatus() throws Exception {
        Recorder rec = new Recorder();
        try (VirtualSerialPair pair = VirtualSerialPair.open();
                BleDongleSimulator sim = sim(pair, BleDongleSimulator.Device.CUFF);
                DeviceDriver d = driver("cuff-1", pair, rec)) {
            sim.start();
            d.start();
            await("2 blood pressure readings", WAIT, () -> rec.readings.size() >= 2);
            for (DeviceReading r : rec.readings) {
                assertThat(r.deviceId()).isEqualTo("cuff-1");
                // Intermediate cuff pressures are the cuff inflating: never a reading of their own.
                assertThat(r.values()).extracting(Measurement::sign).containsExactly(VitalSign.SYSTOLIC_BP,
                        VitalSign.DIASTOLIC_BP, VitalSign.HEART_RATE);
                assertThat(value(r, VitalSign.SYSTOLIC_BP).intValue()).isBetween(100, 145);
                assertThat(value(r, VitalSign.DIASTOLIC_BP).intValue()).isBetween(60, 95);
                assertThat(value(r, VitalSign.HEART_RATE).intValue()).isBetween(55, 90);
                assertThat(unit(r, VitalSign.SYSTOLIC_BP)).isEqualTo("mm[Hg]");
                assertThat(unit(r, VitalSign.HEART_RATE)).isEqualTo("/min");
                // The raw payload is the characteristic value: it decodes to the same numbers, in mmHg (flag bit 0).
                GattValue.BloodPressureMeasurement bp = Characteristics.bloodPressure(
                        HexFormat.of().parseHex(r.rawHex()));
                assertThat(bp.kpa()).isFalse();
                assertThat(bp.systolic().value()).isEqualByComparingTo(value(r, VitalSign.SYSTOLIC_BP));
                assertThat(bp.meanArterialPressure().value()).isNotNull();
            }
            await("battery and peer in the status", WAIT, () -> d.status().battery() != null
                    && d.status().message() != null && d.status().message().startsWith("Connected to"));
            assertThat(d.status().battery()).isEqualTo(sim.batteryPercent());
            assertThat(d.status().message()).isEqualTo("Connected to Vitalis BP Cuff (" + sim.address() + ")");
            assertThat(d.status().state()).isEqualTo(DeviceState.STREAMING);
            assertThat(rec.statuses).extracting(DeviceStatus::message)
                    .anyMatch(m -> m != null && m.startsWith("Vitalis BP Cuff (" + sim.address() + ") is measuring:"
                            + " cuff at "));
            assertThat(rec.statuses).extracting(DeviceStatus::message).doesNotContain(
                    "No data from the device for 5 s. Check that it is switched on and the sensor is attached.");
            await("every indication confirmed", WAIT, () -> sim.confirmationsReceived() == sim.indicationsSent());
            assertThat(sim.unexpectedConfirmations()).isZero();
            assertThat(d.status().bytesSkipped()).isZero();
        }
    }

    @Test
    void aThermometerSendsBodyTemperatureInCelsius() throws Exception {
        Recorder rec = new Recorder();
        try (VirtualSerialPair pair = VirtualSerialPair.open();
                BleDongleSimulator sim = sim(pair, BleDongleSimulator.Device.THERMOMETER);
                DeviceDriver d = driver("thermo", pair, rec)) {
            sim.start();
            d.start();
            await("2 temperatures", WAIT, () -> rec.readings.size() >= 2);
            for (DeviceReading r : rec.readings) {
                assertThat(r.values()).extracting(Measurement::sign).containsExactly(VitalSign.BODY_TEMPERATURE);
                assertThat(unit(r, VitalSign.BODY_TEMPERATURE)).isEqualTo("Cel");
                assertThat(value(r, VitalSign.BODY_TEMPERATURE)).isBetween(new BigDecimal("36.0"),
                        new BigDecimal("37.5"));
                GattValue.TemperatureMeasurement t = Characteristics.temperature(HexFormat.of().parseHex(r.rawHex()));
                assertThat(t.temperatureTypeName()).isEqualTo("Tympanum (ear drum)");
            }
        }
    }

    @Test
    void aScaleSendsWeightOnlyAndItsNameIsReadOverGatt() throws Exception {
        Recorder rec = new Recorder();
        try (VirtualSerialPair pair = VirtualSerialPair.open();
                BleDongleSimulator sim = sim(pair, BleDongleSimulator.Device.SCALE);
                DeviceDriver d = driver("scale", pair, rec)) {
            sim.start();
            d.start();
            await("2 weights, one with BMI and height", WAIT, () -> rec.readings.size() >= 2);
            for (DeviceReading r : rec.readings) {
                // Height and BMI come from the scale's user profile and stay in the raw value.
                assertThat(r.values()).extracting(Measurement::sign).containsExactly(VitalSign.BODY_WEIGHT);
                assertThat(unit(r, VitalSign.BODY_WEIGHT)).isEqualTo("kg");
                assertThat(value(r, VitalSign.BODY_WEIGHT)).isBetween(new BigDecimal("71"), new BigDecimal("74"));
            }
            assertThat(rec.readings).extracting(r -> Characteristics.weight(HexFormat.of().parseHex(r.rawHex())).bmi())
                    .anyMatch(bmi -> bmi != null);
            // The scale advertises no name, so it was read from its Device Name characteristic.
            await("its name", WAIT, () -> ("Connected to Vitalis Scale (" + sim.address() + ")")
                    .equals(d.status().message()));
        }
    }

    @Test
    void aDeviceThatWalksAwayIsFoundAgainAndTheGapIsMarked() throws Exception {
        Recorder rec = new Recorder();
        try (VirtualSerialPair pair = VirtualSerialPair.open();
                BleDongleSimulator sim = sim(pair, BleDongleSimulator.Device.THERMOMETER);
                DeviceDriver d = driver("thermo", pair, rec)) {
            sim.start();
            d.start();
            await("a first temperature", WAIT, () -> !rec.readings.isEmpty());
            sim.walkAway(Duration.ofMillis(1200));
            await("a gap and a reading after it", WAIT, () -> !rec.gaps.isEmpty()
                    && rec.readings.getLast().time().isAfter(rec.gaps.getFirst().to()));
            DeviceGap g = rec.gaps.getFirst();
            assertThat(g.deviceId()).isEqualTo("thermo");
            assertThat(Duration.between(g.from(), g.to())).isBetween(Duration.ofMillis(1000), Duration.ofSeconds(6));
            assertThat(sim.connections()).isEqualTo(2);
            assertThat(rec.statuses).extracting(DeviceStatus::message).anyMatch(m -> m != null
                    && m.contains("Vitalis Thermo (" + sim.address() + ") disconnected: the device ended the connection"));
            // The port itself never closed: the driver stayed STREAMING throughout.
            assertThat(rec.statuses).extracting(DeviceStatus::state).doesNotContain(DeviceState.RECONNECTING);
        }
    }

    @Test
    void lineNoiseIsCountedAndSkippedAndMeasurementsContinue() throws Exception {
        Recorder rec = new Recorder();
        try (VirtualSerialPair pair = VirtualSerialPair.open();
                BleDongleSimulator sim = sim(pair, BleDongleSimulator.Device.CUFF);
                DeviceDriver d = driver("cuff", pair, rec)) {
            sim.start();
            d.start();
            await("a first reading", WAIT, () -> !rec.readings.isEmpty());
            sim.sendGarbage(300);
            await("the first burst skipped", WAIT, () -> d.status().bytesSkipped() >= 300);
            sim.sendGarbage(200);
            await("500 bytes skipped", WAIT, () -> d.status().bytesSkipped() >= 500);
            int after = rec.readings.size();
            await("readings after the noise", WAIT, () -> rec.readings.size() >= after + 1);
            DeviceStatus s = d.status();
            assertThat(s.bytesSkipped()).isEqualTo(500);
            assertThat(s.resynchronisations()).isEqualTo(2);
            assertThat(s.state()).isEqualTo(DeviceState.STREAMING);
        }
    }

    @Test
    void aPortClosedInTheMiddleOfAPacketEndsTheStreamCleanly() throws Exception {
        Recorder rec = new Recorder();
        VirtualSerialPair pair = VirtualSerialPair.open();
        try (DeviceDriver d = driver("cuff", pair, rec)) {
            BleDongleSimulator sim = sim(pair, BleDongleSimulator.Device.CUFF).start();
            d.start();
            await("a reading", WAIT, () -> !rec.readings.isEmpty());
            sim.close();
            // Half of a Command Complete event, then the cable goes.
            pair.deviceEnd().write(new byte[] {0x04, 0x0E, 0x04, 0x01});
            Thread.sleep(150);
            pair.close();
            await("RECONNECTING", WAIT, () -> rec.sawState(DeviceState.RECONNECTING));
            DeviceStatus reconnecting = rec.statuses.stream().filter(s -> s.state() == DeviceState.RECONNECTING)
                    .findFirst().orElseThrow();
            assertThat(reconnecting.bytesSkipped()).as("the cut packet").isEqualTo(4);
            assertThat(reconnecting.message()).containsAnyOf("closed", "connection");
        }
        assertThat(rec.statuses.getLast().state()).isEqualTo(DeviceState.STOPPED);
    }

    @Test
    void detectionNeverWritesToThePortSoTheDongleIsNotFound() throws Exception {
        try (VirtualSerialPair pair = VirtualSerialPair.open();
                BleDongleSimulator sim = sim(pair, BleDongleSimulator.Device.CUFF)) {
            sim.start();
            Optional<DeviceManager.Detection> found = DeviceManager.detect(pair.portPath(), Duration.ofMillis(300));
            assertThat(found).isEmpty();
            assertThat(sim.hostBytesReceived()).isZero();
        }
        assertThat(Protocols.byName("ble-health").passivelyDetectable()).isFalse();
        assertThat(Protocols.byName("ble-health").serialSettings().shortForm()).isEqualTo("1000000 8N1 RTS_CTS");
    }
}
