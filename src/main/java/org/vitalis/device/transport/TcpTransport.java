package org.vitalis.device.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/** A serial-to-LAN adapter's raw TCP port (e.g. a Moxa NPort or a USR-TCP232 in TCP server mode). */
public final class TcpTransport implements ByteTransport {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String address;

    private TcpTransport(Socket socket, String address) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.address = address;
    }

    public static TcpTransport connect(String host, int port, Duration connectTimeout) throws TransportException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            return new TcpTransport(s, host + ":" + port);
        } catch (IOException e) {
            try {
                s.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw new TransportException("Could not connect to the serial adapter at " + host + ":" + port + ": "
                    + e.getMessage() + ". Check that it is switched on and on this network.", e);
        }
    }

    @Override
    public String describe() {
        return "tcp://" + address;
    }

    @Override
    public int read(byte[] buffer, int offset, int len, Duration timeout) throws IOException {
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
        try {
            return in.read(buffer, offset, len);
        } catch (SocketTimeoutException e) {
            return 0;
        }
    }

    @Override
    public void write(byte[] data) throws IOException {
        out.write(data);
        out.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing a socket that is already broken has nothing further to tell.
            org.slf4j.LoggerFactory.getLogger(TcpTransport.class).debug("Closing {} failed: {}", address, e.getMessage());
        }
    }
}
