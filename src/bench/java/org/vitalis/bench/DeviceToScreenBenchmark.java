package org.vitalis.bench;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.locks.LockSupport;
import javafx.application.Platform;
import org.vitalis.device.codec.ContecCms50Encoder;
import org.vitalis.device.driver.ContecCms50Protocol;
import org.vitalis.device.driver.DeviceDriver;
import org.vitalis.device.driver.DeviceListener;
import org.vitalis.device.driver.DeviceProtocol;
import org.vitalis.device.driver.DeviceReading;
import org.vitalis.device.driver.DeviceStatus;
import org.vitalis.device.driver.WaveformChunk;
import org.vitalis.device.transport.SerialPortTransport;
import org.vitalis.device.transport.VirtualSerialPair;
import org.vitalis.domain.VitalSign;
import org.vitalis.ui.StationDevices;
import org.vitalis.ui.common.Async;
import org.vitalis.ui.common.Messages;
import org.vitalis.ui.intake.IntakeViewModel;

/**
 * Latency from a device writing a CMS50 frame to its pulse rate standing in the intake screen's value field, on the
 * JavaFX thread: pty, jSerialComm, driver, listener queue, the intake view model's hand-over to the screen thread.
 * The label bound to that field is drawn at the next screen pulse (at most 16.7 ms later at 60 frames a second).
 * Frames go at the oximeter's 60 Hz with a new pulse rate each (the driver's change limiter is off); the screen shows
 * the newest reading, so a reading overtaken before the screen thread ran is not shown and not counted.
 */
public final class DeviceToScreenBenchmark {
    private static final int WARM_UP = 60;
    private static final int FRAMES = 360;

    private DeviceToScreenBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Benchmarks.print(run());
        Platform.exit();
    }

    public static List<Benchmarks.Row> run() throws Exception {
        BenchFx.start();
        long[] sentAt = new long[256];
        boolean[] measuring = new boolean[256];
        List<Double> latenciesMs = new CopyOnWriteArrayList<>();
        DeviceProtocol p = new ContecCms50Protocol();
        OneDevice devices = new OneDevice("bench-ox", "Bench oximeter");
        ExecutorService background = Executors.newSingleThreadExecutor();
        try (BenchStation station = new BenchStation();
                VirtualSerialPair pair = VirtualSerialPair.open();
                DeviceDriver driver = new DeviceDriver("bench-ox", p, () -> SerialPortTransport.open(pair.portPath(),
                        p.serialSettings()), devices, DeviceDriver.Options.defaults().withReadingInterval(Duration.ZERO))) {
            CompletableFuture<IntakeViewModel> made = new CompletableFuture<>();
            Platform.runLater(() -> {
                IntakeViewModel vm = new IntakeViewModel(station.patients, station.vitals, Optional.of(devices),
                        station.nurse, new Async(background, Platform::runLater), new Messages(Locale.ENGLISH,
                                ZoneOffset.UTC), Clock.systemUTC());
                // A card's value fields appear with the device's first reading; the warm-up frames bring it.
                vm.cards().getFirst().values().addListener((javafx.collections.ListChangeListener<IntakeViewModel.Value>)
                        change -> {
                    while (change.next()) {
                        change.getAddedSubList().stream().filter(v -> v.sign() == VitalSign.HEART_RATE)
                                .forEach(pulse -> pulse.text().addListener((o, a, t) -> {
                                    long now = System.nanoTime();
                                    int pr = Integer.parseInt(t);
                                    if (measuring[pr]) {
                                        measuring[pr] = false;
                                        latenciesMs.add((now - sentAt[pr]) / 1e6);
                                    }
                                }));
                    }
                });
                made.complete(vm);
            });
            driver.start();
            IntakeViewModel vm = made.get();
            long period = 1_000_000_000L / 60;
            long next = System.nanoTime() + 300_000_000L;
            for (int i = 0; i < WARM_UP + FRAMES; i++) {
                while (System.nanoTime() < next) {
                    LockSupport.parkNanos(next - System.nanoTime());
                }
                next += period;
                int pr = 40 + i % 200;
                byte[] frame = ContecCms50Encoder.encode(6, false, false, false, 50, 6, false, false, pr, 97);
                sentAt[pr] = System.nanoTime();
                // Written before the flag is read on the screen thread; a stale flag at worst skips one sample.
                measuring[pr] = i >= WARM_UP;
                pair.deviceEnd().write(frame);
            }
            Thread.sleep(300);
            CompletableFuture<Void> closed = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    vm.close();
                    closed.complete(null);
                } catch (Exception e) {
                    closed.completeExceptionally(e);
                }
            });
            closed.get();
        } finally {
            background.shutdownNow();
        }
        List<Double> sorted = new ArrayList<>(latenciesMs);
        Collections.sort(sorted);
        String what = "CMS50 frame written to a pty → its pulse rate in the intake screen's field on the FX thread ("
                + sorted.size() + " of " + FRAMES + " frames shown; the screen shows the newest)";
        List<Benchmarks.Row> rows = new ArrayList<>();
        if (sorted.isEmpty()) {
            rows.add(new Benchmarks.Row("Device frame→screen: nothing reached the screen", 0, "ms", what));
            return rows;
        }
        rows.add(new Benchmarks.Row("Device frame→screen latency, median", Benchmarks.percentile(sorted, 50), "ms", what));
        rows.add(new Benchmarks.Row("Device frame→screen latency, p95", Benchmarks.percentile(sorted, 95), "ms", what));
        rows.add(new Benchmarks.Row("Device frame→screen latency, max", sorted.getLast(), "ms", what));
        return rows;
    }

    /** The station's devices as the intake screen sees them: one oximeter whose driver events fan out to listeners. */
    private static final class OneDevice implements StationDevices, DeviceListener {
        private final Device device;
        private final List<DeviceListener> listeners = new CopyOnWriteArrayList<>();

        OneDevice(String id, String name) {
            this.device = new Device(id, name, ContecCms50Protocol.NAME, "pty", "19200 8O1");
        }

        @Override
        public List<Device> devices() {
            return List.of(device);
        }

        @Override
        public Optional<DeviceStatus> status(String id) {
            return Optional.empty();
        }

        @Override
        public List<String> protocols() {
            return List.of(ContecCms50Protocol.NAME);
        }

        @Override
        public String defaultSettings(String protocol) {
            return device.settings();
        }

        @Override
        public List<String> ports() {
            return List.of();
        }

        @Override
        public Device save(String id, String name, String protocol, String port, String settings) {
            throw new IllegalStateException("the benchmark's device list is fixed");
        }

        @Override
        public void remove(String id) {
            throw new IllegalStateException("the benchmark's device list is fixed");
        }

        @Override
        public void connect(String id) {
        }

        @Override
        public void disconnect(String id) {
        }

        @Override
        public Optional<Detected> detect(String path) throws IOException {
            return Optional.empty();
        }

        @Override
        public AutoCloseable listen(DeviceListener listener) {
            listeners.add(listener);
            return () -> listeners.remove(listener);
        }

        @Override
        public void status(DeviceStatus status) {
            listeners.forEach(l -> l.status(status));
        }

        @Override
        public void reading(DeviceReading reading) {
            listeners.forEach(l -> l.reading(reading));
        }

        @Override
        public void waveform(WaveformChunk chunk) {
            listeners.forEach(l -> l.waveform(chunk));
        }
    }
}
