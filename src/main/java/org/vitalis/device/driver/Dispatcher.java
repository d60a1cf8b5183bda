package org.vitalis.device.driver;

import java.util.ArrayDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a driver's events to its listener on a thread of its own. Readings and waveform chunks wait in a bounded
 * queue that drops its oldest entry when full (a live screen wants the newest data); a status replaces a waiting
 * one of the same state, so every state change is delivered but counters do not pile up; gaps are few (one per
 * reconnection) and never dropped.
 */
final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final String deviceId;
    private final DeviceListener listener;
    private final int capacity;
    private final ArrayDeque<Object> data = new ArrayDeque<>();
    private final ArrayDeque<DeviceGap> gaps = new ArrayDeque<>();
    private final ArrayDeque<DeviceStatus> statuses = new ArrayDeque<>();
    private long dropped;
    private int highWater;
    private boolean closed;
    private Thread thread;

    Dispatcher(String deviceId, DeviceListener listener, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("queue capacity must be at least 1");
        }
        this.deviceId = deviceId;
        this.listener = listener;
        this.capacity = capacity;
    }

    void start() {
        thread = Thread.ofPlatform().daemon().name("device-events-" + deviceId).start(this::run);
    }

    synchronized void offer(Object event) {
        if (data.size() >= capacity) {
            data.pollFirst();
            dropped++;
        }
        data.addLast(event);
        highWater = Math.max(highWater, data.size());
        notifyAll();
    }

    synchronized void status(DeviceStatus s) {
        DeviceStatus last = statuses.peekLast();
        if (last != null && last.state() == s.state()) {
            statuses.pollLast();
        } else if (statuses.size() >= capacity) {
            // Only a driver flapping faster than the listener can follow gets here; its latest states matter most.
            statuses.pollFirst();
        }
        statuses.addLast(s);
        notifyAll();
    }

    synchronized void gap(DeviceGap g) {
        gaps.addLast(g);
        notifyAll();
    }

    synchronized long dropped() {
        return dropped;
    }

    /** The most events that ever waited at once; never more than the capacity. */
    synchronized int highWater() {
        return highWater;
    }

    /** Delivers what is queued, then ends the delivery thread. */
    void close(long waitMillis) {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        if (thread != null && thread != Thread.currentThread()) {
            try {
                thread.join(waitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        while (true) {
            Object next;
            synchronized (this) {
                while (!closed && data.isEmpty() && gaps.isEmpty() && statuses.isEmpty()) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (!gaps.isEmpty()) {
                    next = gaps.pollFirst();
                } else if (!statuses.isEmpty() && (!closed || data.isEmpty())) {
                    // A state change shows at once; after close the final status comes after the last data.
                    next = statuses.pollFirst();
                } else if (!data.isEmpty()) {
                    next = data.pollFirst();
                } else {
                    return;
                }
            }
            deliver(next);
        }
    }

    private void deliver(Object event) {
        try {
            switch (event) {
                case DeviceReading r -> listener.reading(r);
                case WaveformChunk w -> listener.waveform(w);
                case DeviceStatus s -> listener.status(s);
                case DeviceGap g -> listener.gap(g);
                default -> throw new IllegalStateException("unexpected event " + event.getClass());
            }
        } catch (RuntimeException e) {
            // A faulty listener must not stop the device; the event type is enough to find it, and carries no patient data.
            LOG.warn("Device listener failed on a {} event: {}", event.getClass().getSimpleName(), e.toString());
        }
    }
}
