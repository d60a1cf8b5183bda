package org.vitalis.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitalis.device.driver.BleHealthProtocol;
import org.vitalis.device.driver.DeviceDriver;
import org.vitalis.device.sim.BleDongleSimulator;
import org.vitalis.device.sim.CytonEcgSimulator;
import org.vitalis.device.sim.OximeterSimulator;
import org.vitalis.device.sim.Simulator;
import org.vitalis.device.transport.VirtualSerialPair;
import org.vitalis.ui.StationDevices;

/**
 * The demo clinic's devices: a pulse oximeter, a 12-lead ECG (an OpenBCI Cyton recording I, II and V1-V6), and a
 * Bluetooth blood-pressure cuff, ear thermometer and scale each behind its own simulated HCI UART dongle; every one on
 * its own virtual serial port and read by the real device manager, so a new user sees live readings without hardware.
 */
final class DemoDevices implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoDevices.class);

    private final ManagedDevices devices;
    /** Closed in reverse: drivers first, then simulators, then their ports. */
    private final List<AutoCloseable> owned = new ArrayList<>();

    private DemoDevices(ManagedDevices devices) {
        this.devices = devices;
    }

    /** No devices: not the demo, or pseudo-terminals are unavailable. */
    static DemoDevices none() {
        return new DemoDevices(null);
    }

    static DemoDevices start() {
        DemoDevices demo = new DemoDevices(new ManagedDevices(DeviceDriver.Options.defaults()));
        try {
            VirtualSerialPair ox = demo.own(VirtualSerialPair.open());
            demo.own(new OximeterSimulator(ox.deviceEnd(), 76, 97, System.nanoTime()).signalStrength(12).start());
            VirtualSerialPair ecg = demo.own(VirtualSerialPair.open());
            demo.own(new CytonEcgSimulator(ecg.deviceEnd(), 72, System.nanoTime()).listenForCommands().start());
            String oxId = demo.devices.save(null, "Pulse oximeter (simulated)", "contec-cms50", ox.portPath(), "").id();
            String ecgId = demo.devices.save(null, "12-lead ECG (simulated)", "openbci-cyton", ecg.portPath(), "").id();
            demo.devices.connect(oxId);
            demo.devices.connect(ecgId);
            demo.bluetooth("Blood-pressure cuff (simulated, Bluetooth)", BleDongleSimulator.Device.CUFF, 20);
            demo.bluetooth("Thermometer (simulated, Bluetooth)", BleDongleSimulator.Device.THERMOMETER, 12);
            demo.bluetooth("Scale (simulated, Bluetooth)", BleDongleSimulator.Device.SCALE, 25);
            LOG.info("Demo devices started: a simulated oximeter, 12-lead ECG, and Bluetooth cuff, thermometer and"
                    + " scale on virtual serial ports");
            return demo;
        } catch (Exception | LinkageError e) {
            // Pseudo-terminals are a Unix feature: elsewhere the demo runs without devices.
            LOG.info("Demo devices are not available on this system ({}); the demo runs without them",
                    e.getClass().getSimpleName());
            demo.close();
            return none();
        }
    }

    /** A Bluetooth health device behind its own simulated dongle, measuring every {@code seconds}. */
    private void bluetooth(String name, BleDongleSimulator.Device device, int seconds) throws Exception {
        VirtualSerialPair pair = own(VirtualSerialPair.open());
        own(new BleDongleSimulator(pair.deviceEnd(), device, System.nanoTime())
                .measurementEvery(Duration.ofSeconds(seconds)).start());
        devices.connect(devices.save(null, name, BleHealthProtocol.NAME, pair.portPath(), "").id());
    }

    private <T extends AutoCloseable> T own(T resource) {
        owned.add(resource);
        return resource;
    }

    /** Empty when there are no devices. */
    Optional<StationDevices> devices() {
        return devices == null || devices.devices().isEmpty() ? Optional.empty() : Optional.of(devices);
    }

    @Override
    public void close() {
        if (devices != null) {
            devices.close();
        }
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception e) {
                LOG.warn("Could not close a demo device: {}", e.getClass().getSimpleName());
            }
        }
        owned.clear();
    }
}
