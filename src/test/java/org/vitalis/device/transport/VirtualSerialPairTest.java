package org.vitalis.device.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** A real pseudo-terminal, opened by path through jSerialComm as the app opens any serial port. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class VirtualSerialPairTest {
    private static byte[] readExactly(ByteTransport t, int n) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[256];
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (out.size() < n && System.nanoTime() < deadline) {
            int got = t.read(buf, 0, Math.min(buf.length, n - out.size()), Duration.ofMillis(200));
            if (got < 0) {
                break;
            }
            out.write(buf, 0, got);
        }
        return out.toByteArray();
    }

    @Test
    void bytesCrossBothWaysUnchangedIncludingBinaryAndLineEnds() throws Exception {
        try (VirtualSerialPair pair = VirtualSerialPair.open();
                SerialPortTransport port = SerialPortTransport.open(pair.portPath(), SerialSettings.of8N1(115200))) {
            assertThat(pair.portPath()).startsWith("/dev/");
            byte[] frame = new byte[256];
            for (int i = 0; i < frame.length; i++) {
                frame[i] = (byte) i;
            }
            pair.deviceEnd().write(frame);
            assertThat(readExactly(port, frame.length)).isEqualTo(frame);
            byte[] command = "\r\nREAD\r\n".getBytes();
            port.write(command);
            assertThat(readExactly(pair.deviceEnd(), command.length)).isEqualTo(command);
        }
    }

    @Test
    void aSilentDeviceTimesOutWithZeroBytes() throws Exception {
        try (VirtualSerialPair pair = VirtualSerialPair.open();
                SerialPortTransport port = SerialPortTransport.open(pair.portPath(), SerialSettings.of8N1(9600))) {
            long start = System.nanoTime();
            assertThat(port.read(new byte[16], 0, 16, Duration.ofMillis(150))).isZero();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        }
    }

    @Test
    void pullingThePortAwayInTheMiddleOfAFrameEndsTheStreamInsteadOfHanging() throws Exception {
        VirtualSerialPair pair = VirtualSerialPair.open();
        try (SerialPortTransport port = SerialPortTransport.open(pair.portPath(), SerialSettings.of8N1(115200))) {
            pair.deviceEnd().write(new byte[] {(byte) 0x80, 0x01, 0x02});
            assertThat(readExactly(port, 3)).hasSize(3);
            pair.close();
            byte[] buf = new byte[16];
            int result = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            try {
                while (result == 0 && System.nanoTime() < deadline) {
                    result = port.read(buf, 0, buf.length, Duration.ofMillis(100));
                }
                assertThat(result).isEqualTo(-1);
            } catch (TransportException e) {
                assertThat(e.getMessage()).contains(pair.portPath());
            }
        }
        assertThatThrownBy(() -> pair.deviceEnd().write(new byte[] {1})).isInstanceOf(TransportException.class);
        assertThat(pair.deviceEnd().read(new byte[1], 0, 1, Duration.ofMillis(10))).isEqualTo(-1);
    }

    @Test
    void aMissingPortSaysSoInPlainWords() {
        assertThatThrownBy(() -> SerialPortTransport.open("/dev/ttyVITALIS-NOPE", SerialSettings.of8N1(9600)))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("/dev/ttyVITALIS-NOPE");
    }

    @Test
    void permissionErrorsSayHowToGrantAccess() {
        String linux = System.getProperty("os.name");
        try {
            System.setProperty("os.name", "Linux");
            assertThat(SerialPortTransport.openFailure("/dev/ttyUSB0", 13)).contains("dialout").contains("usermod");
            System.setProperty("os.name", "Windows 11");
            assertThat(SerialPortTransport.openFailure("COM3", 5)).contains("another program");
        } finally {
            System.setProperty("os.name", linux);
        }
    }
}
