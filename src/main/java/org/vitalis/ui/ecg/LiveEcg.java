package org.vitalis.ui.ecg;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.vitalis.device.driver.DeviceGap;
import org.vitalis.device.driver.DeviceListener;
import org.vitalis.device.driver.DeviceStatus;
import org.vitalis.device.driver.WaveformChunk;

/**
 * The live ECG of a station's devices. Driver threads only queue what arrives ({@link #listener()} never blocks or
 * locks), and the screen's frame moves the queue into each device's {@link DeviceTrace} ({@link #drain()}), so the
 * traces need no locks and a driver is never held up by drawing.
 *
 * <p>Counters make losses visible: every ECG sample offered is either buffered or, only if the screen stopped taking
 * them for so long that {@link #MAX_WAITING} chunks piled up, counted as dropped.
 */
public final class LiveEcg {
    /** How much a device's trace keeps: scroll-back on screen and the longest recording, with room to spare. */
    public static final Duration BUFFERED = Duration.ofMinutes(11);
    /** Chunks that may wait for the screen; far beyond what a frame leaves behind at any real device rate. */
    static final int MAX_WAITING = 20_000;

    private final ConcurrentLinkedQueue<Object> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Map<String, DeviceTrace> traces = new LinkedHashMap<>();
    private final Duration buffered;
    private long buffer;
    private long ignored;

    public LiveEcg() {
        this(BUFFERED);
    }

    LiveEcg(Duration buffered) {
        this.buffered = buffered;
    }

    /** Whether a channel is an ECG lead: its samples are voltages. */
    public static boolean isEcg(WaveformChunk chunk) {
        return org.vitalis.ecg.format.EcgLead.isVoltage(chunk.unit());
    }

    /** Takes a chunk on any thread; other channels than ECG leads are left alone. */
    public void offer(WaveformChunk chunk) {
        if (!isEcg(chunk) || chunk.values().length == 0) {
            return;
        }
        received.addAndGet(chunk.values().length);
        enqueue(chunk);
    }

    private void enqueue(Object event) {
        inbox.add(event);
        if (waiting.incrementAndGet() > MAX_WAITING) {
            Object oldest = inbox.poll();
            if (oldest != null) {
                waiting.decrementAndGet();
                if (oldest instanceof WaveformChunk c) {
                    dropped.addAndGet(c.values().length);
                }
            }
        }
    }

    /** A listener for the station's devices: queues ECG chunks, gaps and dropped-event counts. */
    public DeviceListener listener() {
        return new DeviceListener() {
            @Override
            public void waveform(WaveformChunk chunk) {
                offer(chunk);
            }

            @Override
            public void gap(DeviceGap gap) {
                enqueue(gap);
            }

            @Override
            public void status(DeviceStatus status) {
                enqueue(new Dropped(status.deviceId(), status.dropped()));
            }
        };
    }

    private record Dropped(String deviceId, long count) {
    }

    /** Moves everything queued into the traces; call on the screen's thread. Returns the samples moved. */
    public long drain() {
        long moved = 0;
        Object event;
        while ((event = inbox.poll()) != null) {
            waiting.decrementAndGet();
            switch (event) {
                case WaveformChunk c -> moved += add(c);
                case DeviceGap g -> trace(g.deviceId()).ifPresent(DeviceTrace::restart);
                case Dropped d -> trace(d.deviceId()).ifPresent(t -> t.dropped(d.count()));
                default -> throw new IllegalStateException("unexpected event " + event);
            }
        }
        return moved;
    }

    private long add(WaveformChunk c) {
        DeviceTrace t = traces.computeIfAbsent(c.deviceId(), id -> new DeviceTrace(id, c.sampleRateHz(), buffered));
        int n = c.values().length;
        if (!c.hasCounts() && !allFinite(c.values())) {
            // A value the device could not give is not a number to store; the trace starts over after it.
            t.restart();
            ignored += n;
        } else if (t.accept(c.channel(), c.sampleRateHz(), c.firstSample(), counts(c), scale(c))) {
            buffer += n;
        } else {
            ignored += n;
        }
        return n;
    }

    private static boolean allFinite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** The device's counts, or microvolts when it sends none (gain 1000 per mV keeps 1 µV, beyond any ECG's noise). */
    static int[] counts(WaveformChunk c) {
        if (c.hasCounts()) {
            return c.counts();
        }
        double toMicrovolts = switch (c.unit()) {
            case "uV" -> 1;
            case "V" -> 1_000_000;
            default -> 1000;
        };
        int[] out = new int[c.values().length];
        for (int i = 0; i < out.length; i++) {
            double v = c.values()[i];
            out[i] = (int) Math.round(v * toMicrovolts);
        }
        return out;
    }

    static ChannelRing.Scale scale(WaveformChunk c) {
        return c.hasCounts() ? new ChannelRing.Scale(c.countsPerUnit(), c.baseline(), c.unit())
                : new ChannelRing.Scale(1000, 0, "mV");
    }

    public Optional<DeviceTrace> trace(String deviceId) {
        return Optional.ofNullable(traces.get(deviceId));
    }

    /** Devices that have sent ECG, in the order they first did. */
    public List<String> devices() {
        return List.copyOf(traces.keySet());
    }

    /** ECG samples offered by the drivers. */
    public long received() {
        return received.get();
    }

    /** Samples moved into a trace. */
    public long buffered() {
        return buffer;
    }

    /** Samples lost because the screen stopped draining; zero unless the screen thread stalled for minutes. */
    public long dropped() {
        return dropped.get();
    }

    /**
     * Samples not kept: a channel whose rate differs from the rest of its device (it cannot share its clock), or a
     * chunk with values that are not numbers.
     */
    public long ignored() {
        return ignored;
    }
}
