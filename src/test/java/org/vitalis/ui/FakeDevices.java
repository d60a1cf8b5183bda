package org.vitalis.ui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.vitalis.device.driver.DeviceListener;
import org.vitalis.device.driver.DeviceReading;
import org.vitalis.device.driver.DeviceState;
import org.vitalis.device.driver.DeviceStatus;

/** Devices for view-model tests: the test decides what each device says and when. */
public final class FakeDevices implements StationDevices {
    public final List<DeviceListener> listeners = new CopyOnWriteArrayList<>();
    public final Map<String, Device> devices = new java.util.LinkedHashMap<>();
    public final Map<String, DeviceStatus> statuses = new ConcurrentHashMap<>();
    public final List<String> calls = new ArrayList<>();

    public FakeDevices with(String id, String name) {
        devices.put(id, new Device(id, name, "contec-cms50", "/dev/pts/9", "115200 8N1"));
        return this;
    }

    public void emit(DeviceReading r) {
        listeners.forEach(l -> l.reading(r));
    }

    public void state(String id, DeviceState s, String message) {
        state(id, s, message, null);
    }

    public void state(String id, DeviceState s, String message, Integer battery) {
        DeviceStatus st = new DeviceStatus(id, s, message, Instant.now(), Instant.parse("2025-03-01T08:00:00Z"), null,
                1234, 5, 0, 0, battery, 12);
        statuses.put(id, st);
        listeners.forEach(l -> l.status(st));
    }

    @Override
    public List<Device> devices() {
        return List.copyOf(devices.values());
    }

    @Override
    public Optional<DeviceStatus> status(String id) {
        return Optional.ofNullable(statuses.get(id));
    }

    @Override
    public List<String> protocols() {
        return List.of("contec-cms50", "ascii-ecg");
    }

    @Override
    public String defaultSettings(String protocol) {
        return protocol.equals("contec-cms50") ? "115200 8N1" : "9600 8N1";
    }

    @Override
    public List<String> ports() {
        return List.of("/dev/ttyUSB0");
    }

    @Override
    public Device save(String id, String name, String protocol, String port, String settings) {
        if (!settings.matches("\\d+ [5-8][NOEMS](1|1\\.5|2)")) {
            throw new IllegalArgumentException("\"" + settings + "\" is not line settings like \"115200 8N1\".");
        }
        String key = id != null ? id : "device-" + (devices.size() + 1);
        Device d = new Device(key, name, protocol, port, settings);
        devices.put(key, d);
        return d;
    }

    @Override
    public void remove(String id) {
        devices.remove(id);
    }

    @Override
    public void connect(String id) {
        calls.add("connect " + id);
    }

    @Override
    public void disconnect(String id) {
        calls.add("disconnect " + id);
    }

    @Override
    public Optional<Detected> detect(String path) {
        return path.equals("/dev/pts/9") ? Optional.of(new Detected("contec-cms50", 500, 12, 3)) : Optional.empty();
    }

    @Override
    public AutoCloseable listen(DeviceListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
