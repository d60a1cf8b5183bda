package org.vitalis.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.vitalis.device.driver.BleHealthProtocol;
import org.vitalis.device.driver.DeviceDriver;
import org.vitalis.device.driver.DeviceListener;
import org.vitalis.device.driver.DeviceProtocol;
import org.vitalis.device.driver.DeviceReading;
import org.vitalis.device.sim.BleDongleSimulator;
import org.vitalis.device.transport.ByteTransport;
import org.vitalis.device.transport.SerialPortTransport;
import org.vitalis.device.transport.VirtualSerialPair;

class DeviceCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode ok(String... args) throws Exception {
        CommandLineTest.Result r = CommandLineTest.run(args);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        return JSON.readTree(r.out());
    }

    private static void fails(String expected, String... args) {
        CommandLineTest.Result r = CommandLineTest.run(args);
        assertThat(r.code()).isNotZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("vitalis: ").contains(expected).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void bloodPressureMeasurementPrintsEveryFieldWithNumbersAsNumbers() throws Exception {
        JsonNode j = ok("device", "decode", "--characteristic", "0x2A35", "1E8A00580078000000041114293B3C00012700");
        assertThat(j.get("characteristic").asText()).isEqualTo("0x2A35");
        assertThat(j.get("name").asText()).isEqualTo("Blood Pressure Measurement");
        JsonNode v = j.get("value");
        assertThat(v.get("systolic").get("value").isNumber()).isTrue();
        assertThat(v.get("systolic").get("value").asInt()).isEqualTo(138);
        assertThat(v.get("systolic").get("unit").asText()).isEqualTo("mm[Hg]");
        assertThat(v.get("systolic").get("originalValue").asInt()).isEqualTo(138);
        assertThat(v.get("diastolic").get("value").asInt()).isEqualTo(88);
        assertThat(v.get("meanArterialPressure").get("value").asInt()).isEqualTo(120);
        assertThat(v.get("timeStamp").get("year").asInt()).isZero();
        assertThat(v.get("timeStamp").get("seconds").asInt()).isEqualTo(59);
        assertThat(v.get("pulseRate").get("value").asInt()).isEqualTo(60);
        assertThat(v.get("userId").asInt()).isEqualTo(1);
        assertThat(v.get("status").get("raw").asInt()).isEqualTo(0x27);
        assertThat(v.get("status").get("pulseRateRange").asText()).isEqualTo("WITHIN_RANGE");
        assertThat(v.get("status").get("improperMeasurementPosition").asBoolean()).isTrue();
    }

    @Test
    void kpaKeepsTheOriginalNextToTheUcumValue() throws Exception {
        JsonNode v = ok("device", "decode", "--characteristic", "2a35", "01 A0F0 6AF0 7CF0").get("value");
        assertThat(v.get("systolic").get("value").decimalValue()).isEqualByComparingTo("120.01");
        assertThat(v.get("systolic").get("originalValue").decimalValue()).isEqualByComparingTo("16.0");
        assertThat(v.get("systolic").get("originalUnit").asText()).isEqualTo("kPa");
    }

    @Test
    void sfloatAndFloatSpecialsAndNumbers() throws Exception {
        JsonNode nan = ok("device", "decode", "--sfloat", "FF07");
        assertThat(nan.get("kind").asText()).isEqualTo("NAN");
        assertThat(nan.get("value").isNull()).isTrue();
        JsonNode same = ok("device", "decode", "--sfloat", "0x07FF");
        assertThat(same.get("kind").asText()).isEqualTo("NAN");
        JsonNode n = ok("device", "decode", "--sfloat", "72F0");
        assertThat(n.get("value").isNumber()).isTrue();
        assertThat(n.get("value").decimalValue()).isEqualByComparingTo("11.4");
        JsonNode f = ok("device", "decode", "--float", "710E00FE");
        assertThat(f.get("value").decimalValue()).isEqualByComparingTo("36.97");
        assertThat(f.get("raw").asText()).isEqualTo("0xFE000E71");
        assertThat(ok("device", "decode", "--float", "0x007FFFFE").get("kind").asText()).isEqualTo("POSITIVE_INFINITY");
    }

    @Test
    void captureFilesPrintFramesAndASummary(@TempDir Path dir) throws Exception {
        Path contec = dir.resolve("cms50.bin");
        Files.write(contec, new byte[] {0x11, (byte) 0xC5, 0x40, 0x04, 0x48, 0x61, 0x22});
        JsonNode j = ok("device", "decode", "--protocol", "contec-cms50", "--file", contec.toString());
        assertThat(j.get("frames")).hasSize(1);
        assertThat(j.get("frames").get(0).get("spo2").asInt()).isEqualTo(97);
        assertThat(j.get("frames").get(0).get("pulseRate").asInt()).isEqualTo(72);
        assertThat(j.get("summary").get("framesDecoded").asInt()).isEqualTo(1);
        assertThat(j.get("summary").get("bytesSkipped").asInt()).isEqualTo(2);

        Path ecg = dir.resolve("ecg.txt");
        Files.writeString(ecg, "512\n612\nnoise\n", StandardCharsets.US_ASCII);
        JsonNode e = ok("device", "decode", "--protocol", "ascii-ecg", "--rate", "250", "--gain", "100",
                "--baseline", "512", "--file", ecg.toString());
        assertThat(e.get("frames").get(1).get("millivolts").decimalValue()).isEqualByComparingTo("1");
        assertThat(e.get("frames").get(1).get("seconds").asDouble()).isEqualTo(0.004);
        assertThat(e.get("summary").get("bytesSkipped").asInt()).isEqualTo(6);

        Path rad = dir.resolve("rad7.txt");
        Files.writeString(rad, "07/21/17 11:32:41 SN=0000105738 SPO2=098% BPM=070 PI=01.52% SPCO=--.-% ALARM=0000 "
                + "EXC=000800\r\n", StandardCharsets.US_ASCII);
        JsonNode m = ok("device", "decode", "--protocol", "masimo-radical7", "--file", rad.toString());
        assertThat(m.get("frames").get(0).get("values").get("SPO2").get("value").asInt()).isEqualTo(98);
        assertThat(m.get("frames").get(0).get("values").get("SPCO").get("value").isNull()).isTrue();
        assertThat(m.get("frames").get(0).get("exceptionNames").get(0).asText()).isEqualTo("Masimo SET");

        byte[] packet = new byte[33];
        packet[0] = (byte) 0xA0;
        packet[4] = 1;
        packet[32] = (byte) 0xC0;
        Path cyton = dir.resolve("cyton.bin");
        Files.write(cyton, packet);
        JsonNode c = ok("device", "decode", "--protocol", "openbci-cyton", "--file", cyton.toString());
        assertThat(c.get("frames").get(0).get("counts").get(0).asInt()).isEqualTo(1);
        assertThat(c.get("frames").get(0).get("microvolts").get(0).asDouble()).isCloseTo(0.02235,
                org.assertj.core.data.Offset.offset(1e-5));
    }

    /** The device end of a virtual port that keeps a copy of what the simulated dongle sends its host. */
    private static final class Tap implements ByteTransport {
        final ByteTransport inner;
        final ByteArrayOutputStream sent = new ByteArrayOutputStream();

        Tap(ByteTransport inner) {
            this.inner = inner;
        }

        @Override
        public String describe() {
            return "tap on " + inner.describe();
        }

        @Override
        public int read(byte[] b, int off, int len, Duration timeout) throws java.io.IOException {
            return inner.read(b, off, len, timeout);
        }

        @Override
        public synchronized void write(byte[] data) throws java.io.IOException {
            sent.writeBytes(data);
            inner.write(data);
        }

        synchronized byte[] captured() {
            return sent.toByteArray();
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aBluetoothDongleCaptureDecodesToTheValuesTheDriverRead(@TempDir Path dir) throws Exception {
        List<DeviceReading> readings = new CopyOnWriteArrayList<>();
        Tap tap;
        DeviceProtocol p = new BleHealthProtocol();
        try (VirtualSerialPair pair = VirtualSerialPair.open()) {
            tap = new Tap(pair.deviceEnd());
            try (BleDongleSimulator sim = new BleDongleSimulator(tap, BleDongleSimulator.Device.CUFF, 5)
                    .measurementEvery(Duration.ofMillis(1500)).start();
                    DeviceDriver d = new DeviceDriver("cuff", p, () -> SerialPortTransport.open(pair.portPath(),
                            p.serialSettings()), new DeviceListener() {
                                @Override
                                public void reading(DeviceReading r) {
                                    readings.add(r);
                                }
                            }, DeviceDriver.Options.defaults())) {
                d.start();
                long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                while (readings.size() < 2 && System.nanoTime() < end) {
                    Thread.sleep(50);
                }
            }
        }
        assertThat(readings).hasSizeGreaterThanOrEqualTo(2);
        Path capture = dir.resolve("dongle.h4");
        Files.write(capture, tap.captured());
        JsonNode j = ok("device", "decode", "--protocol", "ble-health", "--file", capture.toString());
        assertThat(j.get("summary").get("bytesSkipped").asInt()).isZero();
        List<JsonNode> bp = new ArrayList<>();
        j.get("frames").forEach(f -> {
            if ("indication".equals(f.path("kind").asText())) {
                bp.add(f);
            }
        });
        assertThat(bp).hasSizeGreaterThanOrEqualTo(2);
        assertThat(bp.getFirst().get("characteristic").asText()).isEqualTo("0x2A35");
        assertThat(bp.getFirst().get("name").asText()).isEqualTo("Blood Pressure Measurement");
        assertThat(bp.getFirst().get("hex").asText()).isEqualTo(readings.getFirst().rawHex());
        assertThat(bp.getFirst().get("value").get("systolic").get("value").decimalValue()).isEqualByComparingTo(
                readings.getFirst().values().getFirst().value());
        assertThat(j.get("frames")).anySatisfy(f -> assertThat(f.path("event").asText())
                .isEqualTo("LE Connection Complete"));
        assertThat(j.get("frames")).anySatisfy(f -> assertThat(f.path("characteristic").asText())
                .isEqualTo("0x2A36"));
    }

    @Test
    void badInputGivesOneClearLine(@TempDir Path dir) {
        fails("Time Stamp needs 7 bytes", "device", "decode", "--characteristic", "0x2A35", "03020304050607");
        fails("not hexadecimal", "device", "decode", "--characteristic", "0x2A35", "zz");
        fails("odd number of hex digits", "device", "decode", "--characteristic", "0x2A35", "123");
        fails("0x1234 is not one this decoder knows", "device", "decode", "--characteristic", "0x1234", "00");
        fails("an SFLOAT is 2 bytes", "device", "decode", "--sfloat", "010203");
        fails("exactly one of", "device", "decode");
        fails("unknown protocol", "device", "decode", "--protocol", "nope", "--file", dir.resolve("x").toString());
        fails("needs --rate", "device", "decode", "--protocol", "ascii-ecg", "--file", dir.resolve("x").toString());
        fails("no such file", "device", "decode", "--protocol", "contec-cms50", "--file", dir.resolve("x").toString());
    }

    @Test
    void listPrintsTheHeaderAndHowToOpenVirtualPorts() {
        CommandLineTest.Result r = CommandLineTest.run("device", "list");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().findFirst().orElseThrow()).startsWith("PATH").contains("DESCRIPTION")
                .contains("USB ID").contains("MANUFACTURER");
        assertThat(r.out()).contains("Virtual ports (/dev/pts/N");
    }
}
