package org.vitalis.device.driver;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitalis.device.transport.ByteTransport;

/**
 * One device: opens its transport, decodes its protocol and emits readings, waveform chunks, gaps and statuses to a
 * listener. The read loop runs on its own thread; events reach the listener through a bounded
 * {@link Dispatcher}, so neither a slow listener nor a device sending far too fast can exhaust memory.
 *
 * <p>States: CONNECTING → STREAMING; when the stream ends or fails, RECONNECTING with backoff (0.5 s doubling to
 * 5 s by default) and a gap from the last byte to the reconnection; ERROR with the transport's plain-words message
 * once opening has failed {@link Options#attemptsBeforeError} times in a row (retrying continues at the longest
 * backoff, so a device plugged back in later still comes back); STOPPED after {@link #stop()}.
 *
 * <p>A session whose device must be spoken to (a Bluetooth dongle answering HCI commands) writes through the
 * transport from the read loop itself, so reads and writes need no locking; a failed write ends the stream as a
 * failed read does.
 */
public final class DeviceDriver implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceDriver.class);
    private static final Duration STATUS_EVERY = Duration.ofSeconds(1);

    /**
     * @param readTimeout      how long one read waits; bounds how fast {@link #stop()} and silence are noticed
     * @param silenceLimit     no bytes for this long while connected is reported in the status message
     * @param readingInterval  changed readings are emitted at most this often (unchanged ones once a second)
     * @param queueCapacity    readings and waveform chunks that may wait for the listener before the oldest is dropped
     */
    public record Options(Duration initialBackoff, Duration maxBackoff, int attemptsBeforeError, Duration readTimeout,
            Duration silenceLimit, Duration readingInterval, int queueCapacity) {
        public Options {
            for (Duration d : new Duration[] {initialBackoff, maxBackoff, readTimeout, silenceLimit, readingInterval}) {
                if (d == null || d.isNegative()) {
                    throw new IllegalArgumentException("driver durations must be zero or more, not " + d);
                }
            }
            if (initialBackoff.isZero() || readTimeout.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("backoff and read timeout must be positive, with the maximum"
                        + " backoff at least the initial one");
            }
            if (attemptsBeforeError < 1 || queueCapacity < 1) {
                throw new IllegalArgumentException("attempts before error and queue capacity must be at least 1");
            }
        }

        public static Options defaults() {
            return new Options(Duration.ofMillis(500), Duration.ofSeconds(5), 5, Duration.ofMillis(100),
                    Duration.ofSeconds(5), Duration.ofMillis(200), 256);
        }

        public Options withBackoff(Duration initial, Duration max, int attempts) {
            return new Options(initial, max, attempts, readTimeout, silenceLimit, readingInterval, queueCapacity);
        }

        public Options withSilenceLimit(Duration limit) {
            return new Options(initialBackoff, maxBackoff, attemptsBeforeError, readTimeout, limit, readingInterval,
                    queueCapacity);
        }

        public Options withReadingInterval(Duration interval) {
            return new Options(initialBackoff, maxBackoff, attemptsBeforeError, readTimeout, silenceLimit, interval,
                    queueCapacity);
        }

        public Options withQueueCapacity(int capacity) {
            return new Options(initialBackoff, maxBackoff, attemptsBeforeError, readTimeout, silenceLimit,
                    readingInterval, capacity);
        }
    }

    private final String deviceId;
    private final DeviceProtocol protocol;
    private final TransportFactory factory;
    private final Options options;
    private final Dispatcher dispatcher;
    private final ProtocolSession session;
    private final Object sleeper = new Object();

    private volatile boolean stopping;
    private volatile DeviceStatus status;
    private volatile Instant lastReading;
    private volatile Instant lastByte;
    private volatile Instant gapSince;
    /** Why the last write failed; read and written on the read loop only. */
    private String writeFailure;
    private String publishedSessionMessage;
    private Integer publishedBattery;
    private Thread reader;

    public DeviceDriver(String deviceId, DeviceProtocol protocol, TransportFactory factory, DeviceListener listener,
            Options options) {
        this.deviceId = deviceId;
        this.protocol = protocol;
        this.factory = factory;
        this.options = options;
        this.dispatcher = new Dispatcher(deviceId, listener, options.queueCapacity());
        this.session = protocol.newSession(deviceId, options.readingInterval());
        this.status = new DeviceStatus(deviceId, DeviceState.STOPPED, null, Instant.now(), null, null, 0, 0, 0, 0,
                null, null);
    }

    public String deviceId() {
        return deviceId;
    }

    public DeviceProtocol protocol() {
        return protocol;
    }

    public synchronized void start() {
        if (reader != null) {
            // One run per driver keeps counters and gaps unambiguous; the manager makes a new driver to restart.
            throw new IllegalStateException("device " + deviceId + " was already started");
        }
        dispatcher.start();
        // A platform thread: serial reads block inside native code, which would pin a virtual thread's carrier and,
        // with a few devices on a two-core station, starve every other virtual thread.
        reader = Thread.ofPlatform().daemon().name("device-" + deviceId).start(this::run);
    }

    /** Stops reading, closes the port and delivers what is queued; the last status is STOPPED. */
    public void stop() {
        Thread t;
        synchronized (this) {
            stopping = true;
            t = reader;
        }
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
        if (t != null) {
            try {
                t.join(Math.max(2000, 3 * options.readTimeout().toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        dispatcher.close(2000);
    }

    @Override
    public void close() {
        stop();
    }

    public boolean running() {
        Thread t = reader;
        return t != null && t.isAlive();
    }

    /** The latest status (also sent to the listener on every change and about once a second while streaming). */
    public DeviceStatus status() {
        return status;
    }

    /** Readings and waveform chunks dropped because the listener fell behind. */
    public long dropped() {
        return dispatcher.dropped();
    }

    /** The longest the listener queue has been; at most {@link Options#queueCapacity()}. */
    public int queueHighWater() {
        return dispatcher.highWater();
    }

    private final ProtocolSession.Sink sink = new ProtocolSession.Sink() {
        @Override
        public void reading(DeviceReading r) {
            lastReading = r.time();
            dispatcher.offer(r);
        }

        @Override
        public void waveform(WaveformChunk chunk) {
            dispatcher.offer(chunk);
        }

        @Override
        public void gap(DeviceGap gap) {
            dispatcher.gap(gap);
        }
    };

    private void run() {
        Duration backoff = options.initialBackoff();
        int failures = 0;
        Instant gapFrom = null;
        publish(DeviceState.CONNECTING, null);
        while (!stopping) {
            ByteTransport transport;
            try {
                transport = factory.open();
            } catch (IOException | RuntimeException e) {
                failures++;
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                LOG.debug("Device {}: open failed ({} in a row): {}", deviceId, failures, why);
                if (failures >= options.attemptsBeforeError()) {
                    publish(DeviceState.ERROR, why + " (Vitalis keeps trying every " + seconds(options.maxBackoff())
                            + " s.)");
                } else {
                    publish(gapFrom == null ? DeviceState.CONNECTING : DeviceState.RECONNECTING, why
                            + " Trying again in " + seconds(backoff) + " s.");
                }
                pause(backoff);
                backoff = min(backoff.multipliedBy(2), options.maxBackoff());
                continue;
            }
            failures = 0;
            backoff = options.initialBackoff();
            if (gapFrom != null) {
                dispatcher.gap(new DeviceGap(deviceId, gapFrom, Instant.now()));
                gapFrom = null;
                gapSince = null;
            }
            LOG.info("Device {} connected ({})", deviceId, protocol.name());
            publish(DeviceState.STREAMING, null);
            String ended;
            try {
                writeFailure = null;
                try {
                    session.start(bytes -> write(transport, bytes), Instant.now());
                } catch (RuntimeException e) {
                    LOG.warn("Device {}: starting the session failed: {}", deviceId, e.toString());
                }
                ended = stream(transport);
            } finally {
                transport.close();
            }
            session.endOfStream(sink);
            if (stopping) {
                break;
            }
            gapFrom = lastByte != null ? lastByte : Instant.now();
            gapSince = gapFrom;
            LOG.info("Device {} disconnected; reconnecting", deviceId);
            publish(DeviceState.RECONNECTING, ended);
            pause(backoff);
        }
        publish(DeviceState.STOPPED, null);
    }

    /** Reads until the stream ends or the driver stops; returns why it ended, in plain words. */
    private String stream(ByteTransport transport) {
        byte[] buf = new byte[4096];
        Instant lastData = Instant.now();
        Instant lastStatus = lastData;
        boolean silent = false;
        while (!stopping) {
            if (writeFailure != null) {
                return "Lost the connection to the device: " + writeFailure;
            }
            int n;
            try {
                n = transport.read(buf, 0, buf.length, options.readTimeout());
            } catch (IOException | RuntimeException e) {
                return "Lost the connection to the device: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage());
            }
            if (n < 0) {
                return "The device's port closed (cable pulled or device switched off).";
            }
            Instant now = Instant.now();
            if (n == 0) {
                tick(now);
                if (!silent && session.streamsContinuously() && !now.isBefore(lastData.plus(options.silenceLimit()))) {
                    silent = true;
                    publish(DeviceState.STREAMING, "No data from the device for " + seconds(options.silenceLimit())
                            + " s. Check that it is switched on and the sensor is attached.");
                }
                continue;
            }
            lastData = now;
            lastByte = now;
            try {
                session.accept(buf, 0, n, now, sink);
            } catch (RuntimeException e) {
                // Decoders count bad bytes rather than throw; anything else is a fault that must not end the stream.
                LOG.warn("Device {}: decoding failed on a chunk of {} bytes: {}", deviceId, n, e.toString());
            }
            tick(now);
            if (silent || !now.isBefore(lastStatus.plus(STATUS_EVERY))) {
                silent = false;
                lastStatus = now;
                publish(DeviceState.STREAMING, null);
            }
        }
        return null;
    }

    /** Runs the session's timers and shows a change in what it says about itself (peer, battery) at once. */
    private void tick(Instant now) {
        try {
            session.tick(now, sink);
        } catch (RuntimeException e) {
            LOG.warn("Device {}: the session's timers failed: {}", deviceId, e.toString());
        }
        if (!Objects.equals(session.statusMessage(), publishedSessionMessage)
                || !Objects.equals(session.battery(), publishedBattery)) {
            publish(DeviceState.STREAMING, null);
        }
    }

    private void write(ByteTransport transport, byte[] bytes) {
        if (writeFailure != null) {
            return;
        }
        try {
            transport.write(bytes);
        } catch (IOException | RuntimeException e) {
            writeFailure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    private void publish(DeviceState state, String message) {
        String sessionMessage = session.statusMessage();
        publishedSessionMessage = sessionMessage;
        publishedBattery = session.battery();
        // The session speaks for a live stream only; once the port is gone its last words would be stale.
        String shown = message != null ? message : state == DeviceState.STREAMING ? sessionMessage : null;
        DeviceStatus s = new DeviceStatus(deviceId, state, shown, Instant.now(),
                lastReading, gapSince,
                session.framesDecoded(), session.bytesSkipped(), session.resynchronisations(), dispatcher.dropped(),
                session.battery(), session.signal());
        status = s;
        dispatcher.status(s);
    }

    private void pause(Duration d) {
        long end = System.nanoTime() + d.toNanos();
        synchronized (sleeper) {
            long left;
            while (!stopping && (left = end - System.nanoTime()) > 0) {
                try {
                    sleeper.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String seconds(Duration d) {
        return java.math.BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString();
    }
}
