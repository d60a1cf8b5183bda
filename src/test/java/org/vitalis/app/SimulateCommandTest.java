package org.vitalis.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.vitalis.device.codec.AsciiEcgDecoder;
import org.vitalis.device.codec.ContecCms50Decoder;
import org.vitalis.device.codec.OpenBciCytonDecoder;
import org.vitalis.device.codec.H4Decoder;
import org.vitalis.device.codec.HciCommands;
import org.vitalis.device.codec.HciEvent;
import org.vitalis.device.codec.HciPacket;
import org.vitalis.device.driver.BleHealthProtocol;
import org.vitalis.device.transport.ByteTransport;
import org.vitalis.device.transport.SerialPortTransport;
import org.vitalis.device.transport.SerialSettings;
import org.vitalis.device.transport.VirtualSerialPair;

@EnabledOnOs({OS.LINUX, OS.MAC})
class SimulateCommandTest {
    private static byte[] readFor(ByteTransport t, Duration d) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1024];
        long end = System.nanoTime() + d.toNanos();
        while (System.nanoTime() < end) {
            int n = t.read(buf, 0, buf.length, Duration.ofMillis(50));
            if (n < 0) {
                break;
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    @Test
    void withoutAPortTheSimulatorPlaysOnANewVirtualPort() throws Exception {
        try (SimulateCommand.Running r = SimulateCommand.start("oximeter", null, 1, 72)) {
            assertThat(r.portPath()).startsWith("/dev/");
            assertThat(r.virtual()).isTrue();
            assertThat(r.settings()).isEqualTo("contec-cms50, 19200 8O1");
            try (SerialPortTransport port = SerialPortTransport.open(r.portPath(), SerialSettings.of8N1(19200))) {
                ContecCms50Decoder d = new ContecCms50Decoder();
                assertThat(d.feed(readFor(port, Duration.ofMillis(500))).size()).isGreaterThan(15);
            }
        }
    }

    @Test
    void withAPortTheSimulatorWritesToThatPort() throws Exception {
        try (VirtualSerialPair pair = VirtualSerialPair.open();
                SimulateCommand.Running r = SimulateCommand.start("ecg", pair.portPath(), 2, 72)) {
            assertThat(r.virtual()).isFalse();
            AsciiEcgDecoder d = new AsciiEcgDecoder(250, new BigDecimal("341"), 512);
            assertThat(d.feed(readFor(pair.deviceEnd(), Duration.ofMillis(400))).size()).isGreaterThan(100);
        }
    }

    @Test
    void theCytonEcgStreamsOnlyAfterTheHostSendsB() throws Exception {
        try (SimulateCommand.Running r = SimulateCommand.start("ecg12", null, 1, 72);
                SerialPortTransport port = SerialPortTransport.open(r.portPath(), SerialSettings.of8N1(115200))) {
            assertThat(r.settings()).isEqualTo("openbci-cyton, 115200 8N1");
            assertThat(readFor(port, Duration.ofMillis(300))).as("idle until started").isEmpty();
            port.write(new byte[] {'b'});
            OpenBciCytonDecoder d = new OpenBciCytonDecoder();
            assertThat(d.feed(readFor(port, Duration.ofMillis(600))).size()).isGreaterThan(50);
            assertThat(d.bytesSkipped()).isZero();
        }
    }

    @Test
    void aBluetoothCuffAnswersLikeAnHciDongleOnItsVirtualPort() throws Exception {
        try (SimulateCommand.Running r = SimulateCommand.start("cuff", null, 10, 80)) {
            assertThat(r.virtual()).isTrue();
            assertThat(r.settings()).isEqualTo("ble-health, 1000000 8N1 RTS_CTS");
            assertThat(r.deviceName()).isEqualTo("Bluetooth blood-pressure cuff on an HCI UART dongle");
            try (SerialPortTransport port = SerialPortTransport.open(r.portPath(),
                    new BleHealthProtocol().serialSettings())) {
                port.write(HciCommands.reset());
                H4Decoder d = H4Decoder.fromController();
                List<HciPacket> got = d.feed(readFor(port, Duration.ofMillis(300)));
                assertThat(got).singleElement().isInstanceOfSatisfying(HciEvent.CommandComplete.class,
                        cc -> assertThat(cc.opcode()).isEqualTo(HciCommands.RESET));
            }
        }
        for (String device : List.of("thermometer", "scale")) {
            try (SimulateCommand.Running r = SimulateCommand.start(device, null, 1, 72)) {
                assertThat(r.simulator().running()).isTrue();
                assertThat(r.deviceName()).startsWith("Bluetooth ");
            }
        }
    }

    @Test
    void helpNamesTheDevicesAndOptions() {
        CommandLineTest.Result r = CommandLineTest.run("simulate", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("oximeter").contains("radical7").contains("ecg").contains("cuff").contains("thermometer")
                .contains("scale").contains("--port")
                .contains("--rate-multiplier");
    }

    @Test
    void badInputGivesOneClearLine() {
        CommandLineTest.Result r = CommandLineTest.run("simulate", "toaster");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("vitalis: unknown device \"toaster\"; known: oximeter, radical7, ecg, ecg12,"
                + " cuff, thermometer, scale");
        CommandLineTest.Result missing = CommandLineTest.run("simulate", "oximeter", "--port", "/dev/ttyVITALIS-NOPE");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err().strip()).startsWith("vitalis: There is no serial port /dev/ttyVITALIS-NOPE")
                .doesNotContain("Exception");
    }
}
