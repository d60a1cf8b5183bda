package org.vitalis.ui.devices;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vitalis.device.driver.DeviceListener;
import org.vitalis.device.driver.DeviceState;
import org.vitalis.device.driver.DeviceStatus;
import org.vitalis.ui.StationDevices;
import org.vitalis.ui.common.Async;
import org.vitalis.ui.common.ErrorText;
import org.vitalis.ui.common.Messages;

/**
 * The device list and its editor. Driver events only mark the list stale; one refresh at a time is queued for the
 * FX thread, so a device sending hundreds of frames a second cannot flood it.
 */
public final class DevicesViewModel implements AutoCloseable {
    /** One line of the device list, already in the user's words. */
    public record Row(String id, String name, String protocol, String port, String settings, DeviceState state,
            String stateText, String lastReading, String frames, String skipped, String signal, String battery) {
    }

    private final Optional<StationDevices> devices;
    private final Async async;
    private final Messages m;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<String> protocols = FXCollections.observableArrayList();
    private final ObservableList<String> ports = FXCollections.observableArrayList();
    private final StringProperty editingId = new SimpleStringProperty();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty protocol = new SimpleStringProperty();
    private final StringProperty port = new SimpleStringProperty("");
    private final StringProperty settings = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty detectResult = new SimpleStringProperty("");
    private final BooleanProperty detecting = new SimpleBooleanProperty();
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private final AutoCloseable subscription;

    public DevicesViewModel(Optional<StationDevices> devices, Async async, Messages m) {
        this.devices = devices;
        this.async = async;
        this.m = m;
        this.subscription = devices.map(d -> d.listen(new DeviceListener() {
            @Override
            public void status(DeviceStatus status) {
                requestRefresh();
            }
        })).orElse(() -> { });
        devices.ifPresent(d -> {
            protocols.setAll(d.protocols());
            async.run(d::ports, ports::setAll, e -> ports.clear());
        });
        protocol.addListener((o, a, p) -> {
            // A new protocol brings its own line settings unless the user already typed others.
            if (p != null && devices.isPresent() && (settings.get().isBlank()
                    || (a != null && settings.get().equals(devices.get().defaultSettings(a))))) {
                settings.set(devices.get().defaultSettings(p));
            }
        });
        refresh();
    }

    public boolean available() { return devices.isPresent(); }
    public ObservableList<Row> rows() { return rows; }
    public ObservableList<String> protocols() { return protocols; }
    public ObservableList<String> ports() { return ports; }
    public StringProperty editingId() { return editingId; }
    public StringProperty name() { return name; }
    public StringProperty protocol() { return protocol; }
    public StringProperty port() { return port; }
    public StringProperty settings() { return settings; }
    public StringProperty problem() { return problem; }
    public StringProperty detectResult() { return detectResult; }
    public BooleanProperty detecting() { return detecting; }

    /** Safe from any thread: queues at most one refresh for the FX thread. */
    public void requestRefresh() {
        if (refreshQueued.compareAndSet(false, true)) {
            async.fx(() -> {
                refreshQueued.set(false);
                refresh();
            });
        }
    }

    public void refresh() {
        if (devices.isEmpty()) {
            return;
        }
        StationDevices d = devices.get();
        rows.setAll(d.devices().stream().map(dev -> row(dev, d.status(dev.id()).orElse(null))).toList());
    }

    private Row row(StationDevices.Device dev, DeviceStatus s) {
        DeviceState state = s == null ? DeviceState.STOPPED : s.state();
        String stateText = m.get("devices.state." + state.name());
        if (s != null && s.message() != null && !s.message().isBlank()) {
            stateText = stateText + " — " + s.message();
        }
        return new Row(dev.id(), dev.name(), dev.protocol(), dev.port(), dev.settings(), state, stateText,
                s == null || s.lastReading() == null ? "" : m.dateTime(s.lastReading()),
                s == null ? "" : m.number(s.framesDecoded()), s == null ? "" : m.number(s.bytesSkipped()),
                s == null || s.signal() == null ? "" : m.number(s.signal().longValue()),
                s == null || s.battery() == null ? "" : m.number(s.battery().longValue()));
    }

    /** Loads a device into the editor. */
    public void edit(Row r) {
        problem.set("");
        editingId.set(r.id());
        name.set(r.name());
        protocol.set(r.protocol());
        port.set(r.port());
        settings.set(r.settings());
    }

    public void newDevice() {
        problem.set("");
        editingId.set(null);
        name.set("");
        port.set("");
        settings.set("");
        protocol.set(protocols.isEmpty() ? null : protocols.getFirst());
        if (protocol.get() != null) {
            settings.set(devices.get().defaultSettings(protocol.get()));
        }
    }

    /** Saves the editor: a new device, or the changed settings of the one being edited. */
    public void save() {
        if (devices.isEmpty()) {
            return;
        }
        problem.set("");
        if (protocol.get() == null || protocol.get().isBlank()) {
            problem.set(m.get("devices.needProtocol"));
            return;
        }
        if (port.get() == null || port.get().isBlank()) {
            problem.set(m.get("devices.needPort"));
            return;
        }
        String id = editingId.get();
        String n = name.get();
        String p = protocol.get();
        String path = port.get();
        String s = settings.get();
        async.run(() -> devices.get().save(id, n, p, path, s), saved -> {
            editingId.set(saved.id());
            settings.set(saved.settings());
            refresh();
        }, e -> problem.set(e instanceof IllegalArgumentException
                ? m.get("devices.badField", e.getMessage()) : ErrorText.of(e, m)));
    }

    public void connect(String id) {
        devices.ifPresent(d -> async.run(() -> {
            d.connect(id);
            return id;
        }, ok -> refresh(), e -> problem.set(ErrorText.of(e, m))));
    }

    public void disconnect(String id) {
        devices.ifPresent(d -> async.run(() -> {
            d.disconnect(id);
            return id;
        }, ok -> refresh(), e -> problem.set(ErrorText.of(e, m))));
    }

    public void remove(String id) {
        devices.ifPresent(d -> async.run(() -> {
            d.remove(id);
            return id;
        }, ok -> {
            if (id.equals(editingId.get())) {
                newDevice();
            }
            refresh();
        }, e -> problem.set(ErrorText.of(e, m))));
    }

    /** Probes the port in the editor with every known protocol; the editor takes what was found. */
    public void detect() {
        if (devices.isEmpty() || detecting.get()) {
            return;
        }
        String path = port.get();
        if (path == null || path.isBlank()) {
            detectResult.set(m.get("devices.needPort"));
            return;
        }
        detecting.set(true);
        detectResult.set(m.get("devices.detecting", path.strip()));
        async.run(() -> devices.get().detect(path), found -> {
            detecting.set(false);
            found.ifPresentOrElse(d -> {
                protocol.set(d.protocol());
                settings.set(devices.get().defaultSettings(d.protocol()));
                detectResult.set(m.get("devices.detected", d.protocol(), m.number(d.framesDecoded()),
                        m.number(d.bytesRead()), m.number(d.bytesSkipped())));
            }, () -> detectResult.set(m.get("devices.notDetected", path.strip())));
        }, e -> {
            detecting.set(false);
            detectResult.set(m.get("devices.detectFailed", ErrorText.of(e, m)));
        });
    }

    @Override
    public void close() throws Exception {
        subscription.close();
    }
}
