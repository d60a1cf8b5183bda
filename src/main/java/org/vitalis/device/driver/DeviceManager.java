package org.vitalis.device.driver;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitalis.device.transport.ByteTransport;
import org.vitalis.device.transport.SerialPortTransport;
import org.vitalis.device.transport.SerialSettings;
import org.vitalis.device.transport.TcpTransport;
import org.vitalis.device.transport.TransportException;

/** The devices of this station: their configuration, their drivers and their statuses. Thread-safe. */
public final class DeviceManager implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceManager.class);
    private static final Duration TCP_CONNECT_TIMEOUT = Duration.ofSeconds(3);

    /** What {@link #detect} found on a port, with the evidence. */
    public record Detection(DeviceProtocol protocol, long bytesRead, long framesDecoded, long bytesSkipped) {
    }

    /** Opens the transport of one detection probe. */
    @FunctionalInterface
    public interface ProbeOpener {
        ByteTransport open(DeviceProtocol protocol) throws IOException;
    }

    private final DeviceListener listener;
    private final DeviceDriver.Options options;
    private final Map<String, DeviceConfig> configs = new LinkedHashMap<>();
    private final Map<String, DeviceDriver> drivers = new LinkedHashMap<>();
    private final Map<String, DeviceStatus> stoppedStatus = new LinkedHashMap<>();

    public DeviceManager(DeviceListener listener, DeviceDriver.Options options) {
        this.listener = listener;
        this.options = options;
    }

    /** Adds or replaces a device; a running device is restarted with its new configuration. */
    public void put(DeviceConfig config) {
        boolean restart;
        synchronized (this) {
            restart = drivers.containsKey(config.id());
        }
        if (restart) {
            stop(config.id());
        }
        synchronized (this) {
            configs.put(config.id(), config);
        }
        if (restart) {
            start(config.id());
        }
    }

    public void remove(String id) {
        stop(id);
        synchronized (this) {
            configs.remove(id);
        }
    }

    public synchronized List<DeviceConfig> devices() {
        return List.copyOf(configs.values());
    }

    public void start(String id) {
        DeviceDriver d;
        synchronized (this) {
            DeviceConfig c = configs.get(id);
            if (c == null) {
                throw new IllegalArgumentException("no device " + id);
            }
            if (drivers.containsKey(id)) {
                return;
            }
            d = new DeviceDriver(id, c.protocol(), transportFor(c.port(), c.effectiveSettings()), listener, options);
            drivers.put(id, d);
        }
        d.start();
    }

    public void stop(String id) {
        DeviceDriver d;
        synchronized (this) {
            d = drivers.remove(id);
        }
        if (d != null) {
            d.stop();
            // Keep the final counters visible in the list after the driver is gone.
            synchronized (this) {
                stoppedStatus.put(id, d.status());
            }
        }
    }

    /** The device whose driver holds {@code port} open (or keeps trying to), if any. */
    public synchronized Optional<DeviceConfig> runningOn(String port) {
        String p = port.strip();
        return drivers.keySet().stream().map(configs::get).filter(c -> c.port().strip().equals(p)).findFirst();
    }

    public synchronized Optional<DeviceStatus> status(String id) {
        if (!configs.containsKey(id)) {
            return Optional.empty();
        }
        DeviceDriver d = drivers.get(id);
        if (d != null) {
            return Optional.of(d.status());
        }
        DeviceStatus last = stoppedStatus.get(id);
        return Optional.of(last != null ? last : new DeviceStatus(id, DeviceState.STOPPED, null, Instant.now(), null,
                null, 0, 0, 0, 0, null, null));
    }

    public synchronized List<DeviceStatus> statuses() {
        List<DeviceStatus> out = new ArrayList<>();
        for (String id : configs.keySet()) {
            status(id).ifPresent(out::add);
        }
        return out;
    }

    @Override
    public void close() {
        List<String> ids;
        synchronized (this) {
            ids = List.copyOf(drivers.keySet());
        }
        ids.forEach(this::stop);
    }

    /** A factory opening "tcp://host:port" through {@link TcpTransport} and anything else as a serial port path. */
    public static TransportFactory transportFor(String port, SerialSettings settings) {
        if (port.startsWith("tcp://")) {
            URI uri = URI.create(port);
            if (uri.getHost() == null || uri.getPort() < 0) {
                throw new IllegalArgumentException("\"" + port + "\" is not tcp://host:port");
            }
            return () -> TcpTransport.connect(uri.getHost(), uri.getPort(), TCP_CONNECT_TIMEOUT);
        }
        return () -> SerialPortTransport.open(port, settings);
    }

    /**
     * Probes a serial port with each known protocol that can be recognised by listening, at that protocol's line
     * settings, for up to {@code perProtocol} each; returns the first whose frames decode with few skipped bytes.
     * Nothing is written to the port: an unknown device could take any bytes as a command.
     */
    public static Optional<Detection> detect(String path, Duration perProtocol) throws TransportException {
        return detect(Protocols.known().stream().filter(DeviceProtocol::passivelyDetectable).toList(),
                p -> SerialPortTransport.open(path, p.serialSettings()), perProtocol);
    }

    public static Optional<Detection> detect(String path) throws TransportException {
        return detect(path, Duration.ofSeconds(2));
    }

    /**
     * The probe: a protocol is accepted after 3 frames with at most a fifth of the bytes skipped, not counting the
     * partial frame the probe started in the middle of; or after 2 frames and nothing skipped since the first, which
     * a device sending one line a second reaches in the window. It is rejected as soon as 64 bytes were skipped
     * without a single frame. A port that will not open ends detection with that error.
     */
    public static Optional<Detection> detect(List<DeviceProtocol> protocols, ProbeOpener opener, Duration perProtocol)
            throws TransportException {
        for (DeviceProtocol p : protocols) {
            ByteTransport t;
            try {
                t = opener.open(p);
            } catch (TransportException e) {
                throw e;
            } catch (IOException e) {
                throw new TransportException(e.getMessage(), e);
            }
            try (t) {
                Optional<Detection> d = probe(p, t, perProtocol);
                if (d.isPresent()) {
                    LOG.info("Detected {} on {}", p.name(), t.describe());
                    return d;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Detection> probe(DeviceProtocol p, ByteTransport t, Duration window) {
        ProtocolSession s = p.newSession("detect", Duration.ZERO);
        ProtocolSession.Sink discard = new ProtocolSession.Sink() {
            @Override
            public void reading(DeviceReading reading) {
            }

            @Override
            public void waveform(WaveformChunk chunk) {
            }
        };
        byte[] buf = new byte[1024];
        long bytes = 0;
        long skippedBeforeFirst = -1;
        long deadline = System.nanoTime() + window.toNanos();
        while (System.nanoTime() < deadline) {
            int n;
            try {
                n = t.read(buf, 0, buf.length, Duration.ofMillis(100));
            } catch (IOException e) {
                return Optional.empty();
            }
            if (n < 0) {
                return Optional.empty();
            }
            if (n == 0) {
                continue;
            }
            bytes += n;
            s.accept(buf, 0, n, Instant.now(), discard);
            long frames = s.framesDecoded();
            if (frames == 0) {
                if (s.bytesSkipped() >= 64) {
                    return Optional.empty();
                }
                continue;
            }
            if (skippedBeforeFirst < 0) {
                // The skip count just before the first frame is at most what preceded it within this chunk.
                skippedBeforeFirst = s.bytesSkipped();
            }
            long later = s.bytesSkipped() - skippedBeforeFirst;
            if ((frames >= 3 && later * 5 <= bytes) || (frames >= 2 && later == 0)) {
                return Optional.of(new Detection(p, bytes, frames, s.bytesSkipped()));
            }
        }
        return Optional.empty();
    }
}
