package org.vitalis.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import org.vitalis.device.codec.ContecCms50Encoder;
import org.vitalis.device.driver.ContecCms50Protocol;
import org.vitalis.device.driver.DeviceDriver;
import org.vitalis.device.driver.DeviceListener;
import org.vitalis.device.driver.DeviceProtocol;
import org.vitalis.device.driver.DeviceReading;
import org.vitalis.device.transport.ByteTransport;
import org.vitalis.device.transport.SerialPortTransport;
import org.vitalis.device.transport.VirtualSerialPair;
import org.vitalis.domain.VitalSign;

/**
 * Latency from a device writing a CMS50 frame to the driver's listener holding the reading, through a real
 * pseudo-terminal opened by jSerialComm: the device's share of "frame to screen" (the UI's frame pacing comes on
 * top). Frames go at the oximeter's 60 Hz, each with a new pulse rate so that each becomes a reading (the driver's
 * change limiter is off here); the pulse rate identifies the frame.
 */
public final class DeviceLatencyBenchmark {
    private static final int WARM_UP = 60;
    private static final int FRAMES = 360;

    private DeviceLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Benchmarks.print(run());
    }

    public static List<Benchmarks.Row> run() throws Exception {
        long[] sentAt = new long[256];
        List<Double> latenciesMs = new CopyOnWriteArrayList<>();
        ConcurrentHashMap<Integer, Boolean> measuring = new ConcurrentHashMap<>();
        DeviceListener listener = new DeviceListener() {
            @Override
            public void reading(DeviceReading r) {
                long now = System.nanoTime();
                int pr = r.values().stream().filter(m -> m.sign() == VitalSign.HEART_RATE).findFirst().orElseThrow()
                        .value().intValue();
                if (measuring.remove(pr) != null) {
                    latenciesMs.add((now - sentAt[pr]) / 1e6);
                }
            }
        };
        DeviceProtocol p = new ContecCms50Protocol();
        try (VirtualSerialPair pair = VirtualSerialPair.open();
                DeviceDriver driver = new DeviceDriver("bench", p, () -> SerialPortTransport.open(pair.portPath(),
                        p.serialSettings()), listener, DeviceDriver.Options.defaults().withReadingInterval(Duration.ZERO))) {
            driver.start();
            ByteTransport device = pair.deviceEnd();
            long period = 1_000_000_000L / 60;
            long next = System.nanoTime() + 300_000_000L;
            for (int i = 0; i < WARM_UP + FRAMES; i++) {
                while (System.nanoTime() < next) {
                    LockSupport.parkNanos(next - System.nanoTime());
                }
                next += period;
                // Pulse rates 40-239 cycle; a value is reused only after 200 frames, long after its reading arrived.
                int pr = 40 + i % 200;
                byte[] frame = ContecCms50Encoder.encode(6, false, false, false, 50, 6, false, false, pr, 97);
                if (i >= WARM_UP) {
                    measuring.put(pr, Boolean.TRUE);
                }
                sentAt[pr] = System.nanoTime();
                device.write(frame);
            }
            Thread.sleep(300);
        }
        List<Double> sorted = new ArrayList<>(latenciesMs);
        Collections.sort(sorted);
        String what = "CMS50 frame written to a pty → reading at the driver's listener (jSerialComm, " + sorted.size()
                + " of " + FRAMES + " frames)";
        List<Benchmarks.Row> rows = new ArrayList<>();
        if (sorted.isEmpty()) {
            rows.add(new Benchmarks.Row("Device latency: no readings arrived", 0, "ms", what));
            return rows;
        }
        rows.add(new Benchmarks.Row("Device frame→reading latency, median", Benchmarks.percentile(sorted, 50), "ms", what));
        rows.add(new Benchmarks.Row("Device frame→reading latency, p95", Benchmarks.percentile(sorted, 95), "ms", what));
        rows.add(new Benchmarks.Row("Device frame→reading latency, max", sorted.getLast(), "ms", what));
        return rows;
    }
}
