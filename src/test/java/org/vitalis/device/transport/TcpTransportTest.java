package org.vitalis.device.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Against a real socket on loopback, as a serial-to-LAN adapter would serve. */
class TcpTransportTest {
    @Test
    void readsWritesTimesOutAndSeesTheAdapterGoAway() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            try (TcpTransport t = TcpTransport.connect("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(2));
                    Socket adapter = server.accept()) {
                assertThat(t.describe()).isEqualTo("tcp://127.0.0.1:" + server.getLocalPort());
                adapter.getOutputStream().write(new byte[] {1, 2, 3});
                byte[] buf = new byte[8];
                int n = 0;
                while (n < 3) {
                    n += t.read(buf, n, 8 - n, Duration.ofSeconds(2));
                }
                assertThat(buf).startsWith(1, 2, 3);
                t.write(new byte[] {9});
                InputStream in = adapter.getInputStream();
                assertThat(in.read()).isEqualTo(9);
                assertThat(t.read(buf, 0, 8, Duration.ofMillis(100))).isZero();
                adapter.close();
                assertThat(t.read(buf, 0, 8, Duration.ofSeconds(2))).isEqualTo(-1);
            }
        }
    }

    @Test
    void anUnreachableAdapterGivesAClearMessage() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        assertThatThrownBy(() -> TcpTransport.connect("127.0.0.1", closedPort, Duration.ofSeconds(1)))
                .isInstanceOf(TransportException.class).hasMessageContaining("serial adapter at 127.0.0.1:" + closedPort);
    }
}
