package org.vitalis.app;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitalis.device.driver.DeviceConfig;
import org.vitalis.device.driver.DeviceDriver;
import org.vitalis.device.driver.DeviceGap;
import org.vitalis.device.driver.DeviceListener;
import org.vitalis.device.driver.DeviceManager;
import org.vitalis.device.driver.DeviceProtocol;
import org.vitalis.device.driver.DeviceReading;
import org.vitalis.device.driver.DeviceStatus;
import org.vitalis.device.driver.Protocols;
import org.vitalis.device.driver.WaveformChunk;
import org.vitalis.device.transport.SerialPorts;
import org.vitalis.device.transport.SerialSettings;
import org.vitalis.ui.StationDevices;

/** The station's device manager behind the screens' interface, with one listener fanned out to every screen. */
public final class ManagedDevices implements StationDevices, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ManagedDevices.class);
    private static final Pattern SETTINGS = Pattern.compile("(\\d+)\\s+([5-8])([NOEMS])(1\\.5|1|2)(?:\\s+(\\S+))?");

    private final List<DeviceListener> listeners = new CopyOnWriteArrayList<>();
    private final DeviceManager manager;
    private long nextId = 1;
    /** Where the configuration is kept between starts; null for the demo's throw-away devices. */
    private final DeviceListFile saved;

    public ManagedDevices(DeviceDriver.Options options) {
        this(options, null);
    }

    private ManagedDevices(DeviceDriver.Options options, DeviceListFile saved) {
        this.manager = new DeviceManager(new FanOut(), options);
        this.saved = saved;
    }

    /**
     * This station's devices as saved in {@code file}, each connected at once: a nurse expects the
     * cuff on the desk to be live when the workstation starts.
     */
    static ManagedDevices station(java.nio.file.Path file, DeviceDriver.Options options) {
        DeviceListFile list = new DeviceListFile(file);
        ManagedDevices devices = new ManagedDevices(options, list);
        for (Device d : list.load()) {
            try {
                Device kept = devices.configure(d.id(), d.name(), d.protocol(), d.port(), d.settings());
                devices.connect(kept.id());
            } catch (IllegalArgumentException e) {
                LOG.warn("A saved device could not be configured and was left out: {}", e.getMessage());
            }
        }
        return devices;
    }

    public DeviceManager manager() {
        return manager;
    }

    @Override
    public List<Device> devices() {
        return manager.devices().stream().map(ManagedDevices::device).toList();
    }

    private static Device device(DeviceConfig c) {
        return new Device(c.id(), c.name(), c.protocol().name(), c.port(), c.effectiveSettings().shortForm());
    }

    @Override
    public Optional<DeviceStatus> status(String id) {
        return manager.status(id);
    }

    @Override
    public List<String> protocols() {
        return Protocols.known().stream().map(DeviceProtocol::name).toList();
    }

    @Override
    public String defaultSettings(String protocol) {
        return Protocols.byName(protocol).serialSettings().shortForm();
    }

    @Override
    public List<String> ports() {
        try {
            return SerialPorts.list().stream().map(SerialPorts.PortInfo::path).toList();
        } catch (RuntimeException | LinkageError e) {
            // No native serial library on this system: the user can still type a path.
            LOG.warn("Could not list serial ports: {}", e.getClass().getName());
            return List.of();
        }
    }

    @Override
    public synchronized Device save(String id, String name, String protocol, String port, String settings) {
        Device d = configure(id, name, protocol, port, settings);
        persist();
        return d;
    }

    private synchronized void persist() {
        if (saved != null) {
            saved.save(devices());
        }
    }

    private Device configure(String id, String name, String protocol, String port, String settings) {
        if (protocol == null || protocol.isBlank()) {
            throw new IllegalArgumentException("Choose the device's protocol.");
        }
        DeviceProtocol p = Protocols.byName(protocol);
        SerialSettings s = settings == null || settings.isBlank() ? null : parseSettings(settings);
        String key = id != null ? id : freshId();
        String shown = name == null || name.isBlank() ? p.name() : name.strip();
        DeviceConfig c = new DeviceConfig(key, shown, p, port == null ? null : port.strip(), s);
        manager.put(c);
        return device(c);
    }

    private String freshId() {
        java.util.Set<String> taken = new java.util.HashSet<>();
        manager.devices().forEach(d -> taken.add(d.id()));
        String id;
        do {
            id = "device-" + nextId++;
        } while (taken.contains(id));
        return id;
    }

    /** "115200 8N1" or "9600 7E2 RTS_CTS". */
    static SerialSettings parseSettings(String text) {
        Matcher mt = SETTINGS.matcher(text.strip().toUpperCase(Locale.ROOT));
        if (!mt.matches()) {
            throw new IllegalArgumentException("\"" + text.strip() + "\" is not line settings like \"115200 8N1\".");
        }
        SerialSettings.Parity parity = switch (mt.group(3)) {
            case "O" -> SerialSettings.Parity.ODD;
            case "E" -> SerialSettings.Parity.EVEN;
            case "M" -> SerialSettings.Parity.MARK;
            case "S" -> SerialSettings.Parity.SPACE;
            default -> SerialSettings.Parity.NONE;
        };
        SerialSettings.StopBits stop = switch (mt.group(4)) {
            case "2" -> SerialSettings.StopBits.TWO;
            case "1.5" -> SerialSettings.StopBits.ONE_POINT_FIVE;
            default -> SerialSettings.StopBits.ONE;
        };
        SerialSettings.FlowControl flow = mt.group(5) == null ? SerialSettings.FlowControl.NONE
                : SerialSettings.FlowControl.valueOf(mt.group(5));
        return new SerialSettings(Integer.parseInt(mt.group(1)), Integer.parseInt(mt.group(2)), parity, stop, flow);
    }

    @Override
    public void remove(String id) {
        manager.remove(id);
        persist();
    }

    @Override
    public void connect(String id) {
        manager.start(id);
    }

    @Override
    public void disconnect(String id) {
        manager.stop(id);
    }

    @Override
    public Optional<Detected> detect(String path) throws IOException {
        // Two readers on one port would each get part of the bytes: the probe would fail and the device lose data.
        Optional<org.vitalis.device.driver.DeviceConfig> busy = manager.runningOn(path);
        if (busy.isPresent()) {
            throw new IOException("\"" + busy.get().name() + "\" is connected on " + path.strip()
                    + ". Disconnect it before detecting, so that the probe does not take its data.");
        }
        return DeviceManager.detect(path.strip())
                .map(d -> new Detected(d.protocol().name(), d.bytesRead(), d.framesDecoded(), d.bytesSkipped()));
    }

    @Override
    public AutoCloseable listen(DeviceListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void close() {
        manager.close();
    }

    private final class FanOut implements DeviceListener {
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

        @Override
        public void gap(DeviceGap gap) {
            listeners.forEach(l -> l.gap(gap));
        }
    }
}
