package org.vitalis.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.vitalis.device.driver.AsciiEcgProtocol;
import org.vitalis.device.driver.BleHealthProtocol;
import org.vitalis.device.driver.ContecCms50Protocol;
import org.vitalis.device.driver.DeviceProtocol;
import org.vitalis.device.driver.MasimoRadical7Protocol;
import org.vitalis.device.driver.OpenBciCytonProtocol;
import org.vitalis.device.sim.BleDongleSimulator;
import org.vitalis.device.sim.CytonEcgSimulator;
import org.vitalis.device.sim.EcgStreamSimulator;
import org.vitalis.device.sim.OximeterSimulator;
import org.vitalis.device.sim.Radical7Simulator;
import org.vitalis.device.sim.SimulatedDevice;
import org.vitalis.device.sim.Simulator;
import org.vitalis.device.transport.ByteTransport;
import org.vitalis.device.transport.SerialPortTransport;
import org.vitalis.device.transport.VirtualSerialPair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Play a device on a serial port, speaking its real protocol, until Ctrl+C.",
            "  oximeter     Contec CMS50D+ live frames, 60 a second (SpO2, pulse rate, pleth)",
            "  radical7     Masimo Radical-7 ASCII line, one a second (SpO2, BPM, PI)",
            "  ecg          AD8232-style ASCII ECG, one sample per line at 250 Hz (341 counts/mV, baseline 512)",
            "  ecg12        OpenBCI Cyton as an ECG: leads I, II, V1-V6 at 250 Hz, streaming once sent 'b'",
            "  cuff         Bluetooth LE blood-pressure cuff behind an HCI UART dongle (ble-health, 1000000 8N1 RTS/CTS):",
            "               the cuff inflates, then indicates systolic/diastolic/MAP and pulse, every 20 s",
            "  thermometer  Bluetooth LE ear thermometer behind an HCI UART dongle, a temperature every 12 s",
            "  scale        Bluetooth LE weight scale behind an HCI UART dongle, a weight every 20 s",
            "Without --port, a virtual serial port is created and its path printed."})
final class SimulateCommand implements Callable<Integer> {
    static final List<String> DEVICES = List.of("oximeter", "radical7", "ecg", "ecg12", "cuff", "thermometer", "scale");

    @Parameters(paramLabel = "DEVICE", description = "oximeter, radical7, ecg, ecg12, cuff, thermometer or scale.",
            completionCandidates = DeviceNames.class)
    String device;

    @Option(names = "--port", paramLabel = "PATH",
            description = "Write to this existing port (a socat pty, a null-modem cable) instead of a new virtual port.")
    String port;

    @Option(names = "--rate-multiplier", paramLabel = "N", defaultValue = "1",
            description = "Send N times faster than the device does (default 1); for cuff, thermometer and scale,"
                    + " measure N times as often.")
    double rateMultiplier;

    @Option(names = "--heart-rate", paramLabel = "BPM", defaultValue = "72",
            description = "Mean pulse / heart rate of the simulated patient (default 72).")
    double heartRate;

    @Spec
    CommandSpec spec;

    /** A started simulator, the port it writes to, and what to close. */
    record Running(String deviceName, String portPath, String settings, boolean virtual, SimulatedDevice simulator,
            AutoCloseable port) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            simulator.close();
            port.close();
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stopped = new CountDownLatch(1);
        Running r;
        try {
            r = start(device, port, rateMultiplier, heartRate);
        } catch (org.vitalis.device.transport.TransportException e) {
            // Its message is already the plain-words line the user needs.
            throw new IllegalStateException(e.getMessage(), e);
        }
        Thread hook = new Thread(() -> {
            try {
                r.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(SimulateCommand.class).debug("Closing the simulator failed", e);
            }
            stopped.countDown();
        });
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("Simulated " + r.deviceName() + " on " + r.portPath() + " (" + r.settings()
                + (rateMultiplier == 1 ? "" : ", " + rateMultiplier + "x rate") + "). "
                + (r.virtual() ? "Open that path in Vitalis. " : "") + "Ctrl+C stops.");
        out.flush();
        while (r.simulator().running()) {
            Thread.sleep(200);
        }
        // The simulator ended by itself only if the port failed; say so rather than hang.
        if (r.simulator().failure() != null) {
            throw new IllegalStateException("the simulator stopped: " + r.simulator().failure().getMessage());
        }
        stopped.await();
        return 0;
    }

    /** Starts the simulator on a new virtual port, or on {@code portPath} when given; returns without blocking. */
    static Running start(String device, String portPath, double rateMultiplier, double heartRate) throws IOException {
        String d = device.toLowerCase(Locale.ROOT);
        DeviceProtocol protocol = switch (d) {
            case "oximeter" -> new ContecCms50Protocol();
            case "radical7" -> new MasimoRadical7Protocol();
            case "ecg" -> AsciiEcgProtocol.ad8232();
            case "ecg12" -> new OpenBciCytonProtocol();
            case "cuff", "thermometer", "scale" -> new BleHealthProtocol();
            default -> throw new IllegalArgumentException("unknown device \"" + device + "\"; known: "
                    + String.join(", ", DEVICES));
        };
        if (!(heartRate >= 30 && heartRate <= 220)) {
            throw new IllegalArgumentException("--heart-rate must be 30 to 220, not " + heartRate);
        }
        AutoCloseable owner;
        ByteTransport wire;
        String path;
        if (portPath == null) {
            VirtualSerialPair pair = VirtualSerialPair.open();
            owner = pair;
            wire = pair.deviceEnd();
            path = pair.portPath();
        } else {
            SerialPortTransport t = SerialPortTransport.open(portPath, protocol.serialSettings());
            owner = t;
            wire = t;
            path = portPath;
        }
        SimulatedDevice sim;
        try {
            sim = switch (d) {
                case "oximeter" -> serial(new OximeterSimulator(wire, heartRate, 97, System.nanoTime()), rateMultiplier);
                case "radical7" -> serial(new Radical7Simulator(wire, heartRate, 97, System.nanoTime()), rateMultiplier);
                case "ecg" -> serial(new EcgStreamSimulator(wire, heartRate), rateMultiplier);
                case "ecg12" -> serial(new CytonEcgSimulator(wire, heartRate, System.nanoTime()).listenForCommands(),
                        rateMultiplier);
                case "cuff" -> bluetooth(wire, BleDongleSimulator.Device.CUFF, 20, rateMultiplier, heartRate);
                case "thermometer" -> bluetooth(wire, BleDongleSimulator.Device.THERMOMETER, 12, rateMultiplier,
                        heartRate);
                default -> bluetooth(wire, BleDongleSimulator.Device.SCALE, 20, rateMultiplier, heartRate);
            };
        } catch (RuntimeException e) {
            try {
                owner.close();
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        return new Running(sim.deviceName(), path, protocol.name() + ", " + protocol.serialSettings().shortForm(),
                portPath == null, sim, owner);
    }

    private static SimulatedDevice serial(Simulator sim, double rateMultiplier) {
        return sim.rateMultiplier(rateMultiplier).start();
    }

    private static SimulatedDevice bluetooth(ByteTransport wire, BleDongleSimulator.Device device, int seconds,
            double rateMultiplier, double heartRate) {
        if (!(rateMultiplier > 0) || rateMultiplier > 1000) {
            throw new IllegalArgumentException("rate multiplier must be above 0 and at most 1000, not " + rateMultiplier);
        }
        Duration every = Duration.ofMillis(Math.max(200, Math.round(seconds * 1000 / rateMultiplier)));
        return new BleDongleSimulator(wire, device, System.nanoTime()).measurementEvery(every).pulseRate(heartRate)
                .start();
    }

    static final class DeviceNames extends java.util.ArrayList<String> {
        private static final long serialVersionUID = 1L;

        DeviceNames() {
            super(DEVICES);
        }
    }
}
