package org.vitalis.ui.intake;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vitalis.care.alert.Violation;
import org.vitalis.care.alert.VitalSignRules;
import org.vitalis.device.driver.DeviceListener;
import org.vitalis.device.driver.DeviceReading;
import org.vitalis.device.driver.DeviceState;
import org.vitalis.device.driver.DeviceStatus;
import org.vitalis.device.driver.Measurement;
import org.vitalis.device.driver.WaveformChunk;
import org.vitalis.domain.Flag;
import org.vitalis.domain.Observation;
import org.vitalis.domain.PatientSummary;
import org.vitalis.domain.VitalSign;
import org.vitalis.registry.ImplausibleValuesException;
import org.vitalis.registry.PatientService;
import org.vitalis.registry.VitalsEntry;
import org.vitalis.registry.VitalsService;
import org.vitalis.security.UserSession;
import org.vitalis.ui.StationDevices;
import org.vitalis.ui.common.PatientSearch;
import org.vitalis.ui.common.Async;
import org.vitalis.ui.common.ErrorText;
import org.vitalis.ui.common.LocalNumbers;
import org.vitalis.ui.common.Messages;

/**
 * Intake at a nurse's station: pick the patient, see each device's newest reading, correct a value if needed and
 * attach the readings to the patient. Driver threads only leave the newest reading per device and ask for one
 * update on the FX thread at a time, so a fast device cannot flood it.
 */
public final class IntakeViewModel implements AutoCloseable {
    /** Seconds of waveform kept for the live trace, at the fastest rate the known devices send. */
    private static final int WAVE_SAMPLES = 4 * 250;
    private static final String RHYTHM_LEAD = "II";

    /** One value of a device card; the text is what the nurse sees and may correct. */
    public static final class Value {
        private final VitalSign sign;
        private final StringProperty text = new SimpleStringProperty("");
        private final ObjectProperty<Flag> flag = new SimpleObjectProperty<>();
        private BigDecimal deviceValue;

        Value(VitalSign sign, Messages m, Card card) {
            this.sign = sign;
            text.addListener((o, a, t) -> {
                // Any change the device did not make is the nurse's correction.
                if (!card.applying) {
                    card.held.set(true);
                }
                try {
                    flag.set(LocalNumbers.parse(t, m.locale()).map(v -> VitalSignRules.classify(sign, v)).orElse(null));
                } catch (NumberFormatException notYet) {
                    flag.set(null);
                }
            });
        }

        public VitalSign sign() { return sign; }
        public StringProperty text() { return text; }
        public ObjectProperty<Flag> flag() { return flag; }
        public BigDecimal deviceValue() { return deviceValue; }
    }

    /** One device of the station and what it shows now. */
    public static final class Card {
        private final String deviceId;
        private final StringProperty name = new SimpleStringProperty("");
        private final StringProperty state = new SimpleStringProperty("");
        private final ObjectProperty<DeviceState> stateValue = new SimpleObjectProperty<>(DeviceState.STOPPED);
        private final ObservableList<Value> values = FXCollections.observableArrayList();
        private final ObjectProperty<DeviceReading> reading = new SimpleObjectProperty<>();
        /** Set once the nurse corrects a value: live readings stop replacing what is on screen until attached. */
        private final BooleanProperty held = new SimpleBooleanProperty();
        private final Waveform waveform = new Waveform(WAVE_SAMPLES);
        private String shownChannel;
        private final BooleanProperty hasWaveform = new SimpleBooleanProperty();
        private boolean applying;

        Card(String deviceId) {
            this.deviceId = deviceId;
        }

        /**
         * A card draws one channel: lead II when a multi-lead ECG sends it (the rhythm lead of a 12-lead ECG),
         * otherwise the first channel the device sent. Called on the device's delivery thread only.
         */
        private boolean shows(String channel) {
            if (shownChannel == null || (RHYTHM_LEAD.equals(channel) && !RHYTHM_LEAD.equals(shownChannel))) {
                shownChannel = channel;
            }
            return channel.equals(shownChannel);
        }

        public String deviceId() { return deviceId; }
        public StringProperty name() { return name; }
        public StringProperty state() { return state; }
        public ObjectProperty<DeviceState> stateValue() { return stateValue; }
        public ObservableList<Value> values() { return values; }
        public ObjectProperty<DeviceReading> reading() { return reading; }
        public BooleanProperty held() { return held; }
        public Waveform waveform() { return waveform; }
        public BooleanProperty hasWaveform() { return hasWaveform; }
    }

    private final PatientService patients;
    private final VitalsService vitals;
    private final Optional<StationDevices> devices;
    private final UserSession session;
    private final Async async;
    private final Messages m;
    private final Clock clock;
    private final PatientSearch search;
    private final ObjectProperty<PatientSummary> patient;
    private final ObservableList<Card> cards = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<Observation> recorded = FXCollections.observableArrayList();
    private final StringProperty attachText = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final Map<String, DeviceReading> latest = new ConcurrentHashMap<>();
    private final Map<String, DeviceStatus> latestStatus = new ConcurrentHashMap<>();
    private final Map<String, Card> byId = new ConcurrentHashMap<>();
    private final AtomicBoolean updateQueued = new AtomicBoolean();
    private final AutoCloseable subscription;

    public IntakeViewModel(PatientService patients, VitalsService vitals, Optional<StationDevices> devices,
            UserSession session, Async async, Messages m, Clock clock) {
        this.patients = patients;
        this.vitals = vitals;
        this.devices = devices;
        this.session = session;
        this.async = async;
        this.m = m;
        this.clock = clock;
        this.search = new PatientSearch(patients, session, async, m);
        this.patient = search.patient();
        attachText.set(m.get("intake.attachNone"));
        patient.addListener((o, a, p) -> {
            attachText.set(p == null ? m.get("intake.attachNone") : m.get("intake.attach", displayName(p)));
            recorded.clear();
            problems.clear();
        });
        devices.ifPresent(d -> d.devices().forEach(dev -> card(dev.id(), dev.name())));
        this.subscription = devices.map(d -> d.listen(new DeviceListener() {
            @Override
            public void status(DeviceStatus status) {
                latestStatus.put(status.deviceId(), status);
                requestUpdate();
            }

            @Override
            public void reading(DeviceReading reading) {
                latest.put(reading.deviceId(), reading);
                requestUpdate();
            }

            @Override
            public void waveform(WaveformChunk chunk) {
                Card c = byId.get(chunk.deviceId());
                if (c != null && c.shows(chunk.channel())) {
                    c.waveform.append(chunk.channel(), chunk.sampleRateHz(), chunk.values());
                    if (!c.hasWaveform.get()) {
                        requestUpdate();
                    }
                }
            }
        })).orElse(() -> { });
        devices.ifPresent(d -> d.devices().forEach(dev -> d.status(dev.id()).ifPresent(s -> latestStatus.put(dev.id(), s))));
        update();
    }

    public boolean available() { return devices.isPresent(); }
    public PatientSearch search() { return search; }
    public ObjectProperty<PatientSummary> patient() { return patient; }
    public ObservableList<Card> cards() { return cards; }
    public ObservableList<String> problems() { return problems; }
    public ObservableList<Observation> recorded() { return recorded; }
    public StringProperty attachText() { return attachText; }
    public BooleanProperty busy() { return busy; }

    public String displayName(PatientSummary p) {
        return search.displayName(p);
    }

    private Card card(String id, String name) {
        return byId.computeIfAbsent(id, k -> {
            Card c = new Card(id);
            c.name.set(name);
            cards.add(c);
            return c;
        });
    }

    private void requestUpdate() {
        if (updateQueued.compareAndSet(false, true)) {
            async.fx(() -> {
                updateQueued.set(false);
                update();
            });
        }
    }

    /** Applies the newest status and reading of each device; runs on the FX thread. */
    void update() {
        if (devices.isEmpty()) {
            return;
        }
        for (StationDevices.Device dev : devices.get().devices()) {
            Card c = card(dev.id(), dev.name());
            c.name.set(dev.name());
            DeviceStatus s = latestStatus.get(dev.id());
            if (s != null) {
                c.stateValue.set(s.state());
                String text = m.get("devices.state." + s.state().name());
                c.state.set(s.message() == null || s.message().isBlank() ? text : text + " — " + s.message());
            }
            if (!c.hasWaveform.get() && c.waveform.samples().length > 0) {
                c.hasWaveform.set(true);
            }
            DeviceReading r = latest.get(dev.id());
            if (r != null && r != c.reading.get() && !c.held.get()) {
                show(c, r);
            }
        }
    }

    private void show(Card c, DeviceReading r) {
        Map<VitalSign, BigDecimal> byDevice = new LinkedHashMap<>();
        for (Measurement v : r.values()) {
            if (v.sign() != null && v.value() != null) {
                byDevice.put(v.sign(), v.value());
            }
        }
        c.applying = true;
        try {
            List<VitalSign> shown = c.values.stream().map(Value::sign).toList();
            if (!shown.equals(List.copyOf(byDevice.keySet()))) {
                c.values.setAll(byDevice.keySet().stream().map(sign -> new Value(sign, m, c)).toList());
            }
            for (Value v : c.values) {
                v.deviceValue = byDevice.get(v.sign);
                v.text.set(m.number(v.deviceValue));
            }
            c.reading.set(r);
        } finally {
            c.applying = false;
        }
    }

    /** Enter in the search field: a scanned MRN picks that patient at once, otherwise a single match is picked. */
    public void submit(String text) {
        search.submit(text);
    }

    /**
     * Records every device's shown values for the patient, each set with its device as the source. Nothing is
     * stored unless all sets are plausible.
     */
    public void attach() {
        PatientSummary p = patient.get();
        if (p == null || busy.get()) {
            return;
        }
        problems.clear();
        List<String> errors = new ArrayList<>();
        List<VitalsEntry> entries = new ArrayList<>();
        List<Card> attached = new ArrayList<>();
        for (Card c : cards) {
            DeviceReading r = c.reading.get();
            if (r == null || c.values.isEmpty()) {
                continue;
            }
            Map<VitalSign, BigDecimal> values = new EnumMap<>(VitalSign.class);
            Map<VitalSign, BigDecimal> deviceValues = new EnumMap<>(VitalSign.class);
            for (Value v : c.values) {
                deviceValues.put(v.sign, v.deviceValue);
                try {
                    LocalNumbers.parse(v.text.get(), m.locale()).ifPresent(x -> values.put(v.sign, x));
                } catch (NumberFormatException e) {
                    errors.add(m.get("vitals.notANumber", m.get("sign." + v.sign.name()), v.text.get()));
                }
            }
            if (values.isEmpty()) {
                continue;
            }
            // The reading's arrival time is when it was taken; a reading from the future would be a clock fault.
            java.time.Instant taken = r.time().isAfter(clock.instant()) ? clock.instant() : r.time();
            entries.add(new VitalsEntry(taken, values, null,
                    new VitalsEntry.DeviceSource(c.deviceId, c.name.get(), r.rawHex(), deviceValues)));
            attached.add(c);
        }
        if (!errors.isEmpty()) {
            problems.setAll(errors);
            return;
        }
        if (entries.isEmpty()) {
            problems.setAll(m.get("intake.nothing"));
            return;
        }
        busy.set(true);
        long patientId = p.id();
        async.run(() -> {
            List<Violation> violations = new ArrayList<>();
            for (VitalsEntry e : entries) {
                violations.addAll(vitals.check(e));
            }
            if (!violations.isEmpty()) {
                throw new ImplausibleValuesException(violations);
            }
            List<Observation> stored = new ArrayList<>();
            for (VitalsEntry e : entries) {
                stored.addAll(vitals.record(session, patientId, e));
            }
            return stored;
        }, stored -> {
            busy.set(false);
            recorded.setAll(stored);
            // Attached: the screen goes back to what the device says now, corrections included.
            attached.forEach(c -> {
                c.held.set(false);
                show(c, latest.getOrDefault(c.deviceId, c.reading.get()));
            });
            update();
        }, e -> {
            busy.set(false);
            recorded.clear();
            if (e instanceof ImplausibleValuesException iv) {
                problems.setAll(iv.violations().stream().map(this::sentence).toList());
            } else {
                problems.setAll(ErrorText.of(e, m));
            }
        });
    }

    /** A violation as a sentence in the user's language that says why the value was refused. */
    public String sentence(Violation v) {
        String sign = v.sign() == null ? "" : m.get("sign." + v.sign().name());
        String unit = v.sign() == null ? "" : m.get("unit." + v.sign().name());
        return m.get("violation." + v.kind().name(), sign, m.number(v.value()), unit, m.number(v.min()),
                m.number(v.max()));
    }

    @Override
    public void close() throws Exception {
        subscription.close();
    }
}
