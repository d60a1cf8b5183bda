package org.vitalis.device.sim;

import java.io.IOException;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitalis.device.transport.ByteTransport;

/**
 * A device played onto a byte stream at real-time pace: {@link #unitRateHz()} units (frames, lines) a second, times
 * the rate multiplier. It runs on its own thread; a write failure (the port was closed) ends it quietly, as a device
 * keeps no log of a pulled cable.
 */
public abstract class Simulator implements SimulatedDevice {
    private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);

    private final ByteTransport out;
    private final Random random;
    private volatile double rateMultiplier = 1;
    private final AtomicInteger garbagePending = new AtomicInteger();
    private volatile boolean stopping;
    private volatile LongConsumer onUnitWritten = t -> { };
    private volatile long unitsSent;
    private volatile long garbageSent;
    private volatile IOException failure;
    private Thread thread;

    protected Simulator(ByteTransport out, long seed) {
        this.out = out;
        this.random = new Random(seed);
    }

    /** Units (frames or lines) per second at normal pace. */
    public abstract double unitRateHz();

    @Override
    public abstract String deviceName();

    /** The bytes of unit number {@code index}, at {@code seconds} of device time since the start. */
    protected abstract byte[] unit(long index, double seconds);

    /** Bytes no valid frame of this protocol can be made of, as a device with a loose connector sends. */
    protected abstract byte[] garbage(int length, Random random);

    protected final Random random() {
        return random;
    }

    public final synchronized Simulator start() {
        if (thread != null) {
            throw new IllegalStateException(deviceName() + " simulator already started");
        }
        thread = Thread.ofPlatform().daemon().name("sim-" + getClass().getSimpleName()).start(this::run);
        return this;
    }

    /** Sends faster (or slower) than the device would: 10 means ten times its normal rate. */
    public final Simulator rateMultiplier(double m) {
        if (!(m > 0) || m > 1000) {
            throw new IllegalArgumentException("rate multiplier must be above 0 and at most 1000, not " + m);
        }
        rateMultiplier = m;
        return this;
    }

    /** Sends a burst of {@code length} garbage bytes before the next unit. */
    public final void sendGarbage(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("a garbage burst cannot have " + length + " bytes");
        }
        garbagePending.addAndGet(length);
    }

    /** Called with System.nanoTime() right after each unit was written (benchmarks measure latency from it). */
    public final Simulator onUnitWritten(LongConsumer hook) {
        onUnitWritten = hook;
        return this;
    }

    public final long unitsSent() {
        return unitsSent;
    }

    public final long garbageSent() {
        return garbageSent;
    }

    /** Why writing stopped, if the port failed; null if it did not. */
    @Override
    public final IOException failure() {
        return failure;
    }

    @Override
    public final boolean running() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    /** Called once by {@link #close()} after the writing thread has stopped: subclasses stop their own threads. */
    protected void closed() {
    }

    @Override
    public final void close() {
        stopping = true;
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closed();
    }

    private void run() {
        double deviceSeconds = 0;
        long next = System.nanoTime();
        long index = 0;
        try {
            while (!stopping) {
                int g = garbagePending.getAndSet(0);
                if (g > 0) {
                    out.write(garbage(g, random));
                    garbageSent += g;
                }
                long now = System.nanoTime();
                if (next < now - 1_000_000_000L) {
                    // Over a second behind (a reader that stopped reading blocked our writes): resume from now
                    // rather than send the backlog in one burst.
                    next = now;
                }
                // Everything due by now goes out; on a busy machine that is a few units per write, as a UART
                // buffer would deliver them.
                while (next <= now && !stopping) {
                    out.write(unit(index, deviceSeconds));
                    index++;
                    unitsSent = index;
                    onUnitWritten.accept(System.nanoTime());
                    double period = 1.0 / unitRateHz();
                    // Paced by device time, so a changed multiplier changes speed without a jump in the signal.
                    deviceSeconds += period;
                    next += (long) (period / rateMultiplier * 1e9);
                }
                while (!stopping && (now = System.nanoTime()) < next) {
                    LockSupport.parkNanos(next - now);
                }
            }
        } catch (IOException e) {
            failure = e;
            LOG.debug("{} simulator stopped: {}", deviceName(), e.getMessage());
        }
    }
}
