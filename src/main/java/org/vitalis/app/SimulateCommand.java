package org.vitalis.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.vitalis.device.driver.AsciiEcgProtocol;
import org.vitalis.device.driver.ContecCms50Protocol;
import org.vitalis.device.driver.DeviceProtocol;
import org.vitalis.device.driver.MasimoRadical7Protocol;
import org.vitalis.device.driver.OpenBciCytonProtocol;
import org.vitalis.device.sim.CytonEcgSimulator;
import org.vitalis.device.sim.EcgStreamSimulator;
import org.vitalis.device.sim.OximeterSimulator;
import org.vitalis.device.sim.Radical7Simulator;
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
            "  oximeter   Contec CMS50D+ live frames, 60 a second (SpO2, pulse rate, pleth)",
            "  radical7   Masimo Radical-7 ASCII line, one a second (SpO2, BPM, PI)",
            "  ecg        AD8232-style ASCII ECG, one sample per line at 250 Hz (341 counts/mV, baseline 512)",
            "  ecg12      OpenBCI Cyton as an ECG: leads I, II, V1-V6 at 250 Hz, streaming once sent 'b'",
            "Without --port, a virtual serial port is created and its path printed."})
final class SimulateCommand implements Callable<Integer> {
    static final List<String> DEVICES = List.of("oximeter", "radical7", "ecg", "ecg12");

    @Parameters(paramLabel = "DEVICE", description = "oximeter, radical7, ecg or ecg12.", completionCandidates = DeviceNames.class)
    String device;

    @Option(names = "--port", paramLabel = "PATH",
            description = "Write to this existing port (a socat pty, a null-modem cable) instead of a new virtual port.")
    String port;

    @Option(names = "--rate-multiplier", paramLabel = "N", defaultValue = "1",
            description = "Send N times faster than the device does (default 1).")
    double rateMultiplier;

    @Option(names = "--heart-rate", paramLabel = "BPM", defaultValue = "72",
            description = "Mean pulse / heart rate of the simulated patient (default 72).")
    double heartRate;

    @Spec
    CommandSpec spec;

    /** A started simulator, the port it writes to, and what to close. */
    record Running(String deviceName, String portPath, String settings, boolean virtual, Simulator simulator,
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
        Simulator sim;
        try {
            sim = switch (d) {
                case "oximeter" -> new OximeterSimulator(wire, heartRate, 97, System.nanoTime());
                case "radical7" -> new Radical7Simulator(wire, heartRate, 97, System.nanoTime());
                case "ecg12" -> new CytonEcgSimulator(wire, heartRate, System.nanoTime()).listenForCommands();
                default -> new EcgStreamSimulator(wire, heartRate);
            };
            sim.rateMultiplier(rateMultiplier).start();
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

    static final class DeviceNames extends java.util.ArrayList<String> {
        private static final long serialVersionUID = 1L;

        DeviceNames() {
            super(DEVICES);
        }
    }
}
