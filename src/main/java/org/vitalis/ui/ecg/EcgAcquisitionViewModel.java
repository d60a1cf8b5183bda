package org.vitalis.ui.ecg;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vitalis.domain.EcgRecording;
import org.vitalis.domain.PatientSummary;
import org.vitalis.ecg.format.EcgRecord;
import org.vitalis.registry.EcgRecordingService;
import org.vitalis.registry.EcgRecordingSummary;
import org.vitalis.registry.PatientService;
import org.vitalis.security.Permission;
import org.vitalis.security.UserSession;
import org.vitalis.ui.StationDevices;
import org.vitalis.ui.common.PatientSearch;
import org.vitalis.ui.common.Async;
import org.vitalis.ui.common.ErrorText;
import org.vitalis.ui.common.Messages;

/**
 * Taking an ECG at a station: choose the patient and the ECG device, watch the live leads, record a resting ECG,
 * a rhythm strip or a longer stretch, or import a file. Recordings keep the device's counts and are stored through
 * the ECG recording service with the device as their source; a doctor goes straight to the review, a nurse's
 * recording waits for one.
 */
public final class EcgAcquisitionViewModel implements AutoCloseable {
    /** Resting 12-lead ECG, s (Kligfield et al., Circulation 2007;115:1306: 10 s is the standard record). */
    public static final double RESTING_SECONDS = 10;
    public static final double RHYTHM_SECONDS = 30;
    /** The longest Start/Stop recording, s; the live buffer holds more than this. */
    public static final double LONGEST_SECONDS = 600;

    /** An ECG device of this station. */
    public record DeviceChoice(String id, String name) {
    }

    private final EcgRecordingService ecg;
    private final Optional<StationDevices> devices;
    private final UserSession session;
    private final Async async;
    private final Messages m;
    private final LiveEcg live = new LiveEcg();
    private final AutoCloseable subscription;
    private final PatientSearch search;
    private final ObservableList<DeviceChoice> ecgDevices = FXCollections.observableArrayList();
    private final ObjectProperty<DeviceChoice> device = new SimpleObjectProperty<>();
    private final ObjectProperty<DeviceTrace> trace = new SimpleObjectProperty<>();
    private final ObjectProperty<Double> speed = new SimpleObjectProperty<>(EcgPaper.STANDARD_SPEED);
    private final ObjectProperty<Double> gain = new SimpleObjectProperty<>(EcgPaper.STANDARD_GAIN);
    private final StringProperty scaleText = new SimpleStringProperty("");
    private final StringProperty signalText = new SimpleStringProperty("");
    private final BooleanProperty recording = new SimpleBooleanProperty();
    private final BooleanProperty openRecording = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty progressText = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty("");
    private final ObservableList<EcgRecordingSummary> recordings = FXCollections.observableArrayList();
    private LongConsumer openReview = id -> { };
    private EcgCapture capture;
    private long capturePatient;
    private EcgRecording.Kind captureKind;

    public EcgAcquisitionViewModel(EcgRecordingService ecg, PatientService patients, Optional<StationDevices> devices,
            UserSession session, Async async, Messages m) {
        this.ecg = ecg;
        this.devices = devices;
        this.session = session;
        this.async = async;
        this.m = m;
        this.search = new PatientSearch(patients, session, async, m);
        this.subscription = devices.map(d -> d.listen(live.listener())).orElse(() -> { });
        search.patient().addListener((o, a, p) -> {
            message.set("");
            problem.set("");
            loadRecordings();
        });
        device.addListener((o, a, d) -> trace.set(d == null ? null : live.trace(d.id()).orElse(null)));
        speed.addListener((o, a, b) -> updateScaleText());
        gain.addListener((o, a, b) -> updateScaleText());
        updateScaleText();
        signalText.set(devices.isEmpty() || devices.get().devices().isEmpty() ? m.get("ecg.noDevices")
                : m.get("ecg.noSignal"));
    }

    public PatientSearch search() { return search; }
    public ObservableList<DeviceChoice> ecgDevices() { return ecgDevices; }
    public ObjectProperty<DeviceChoice> device() { return device; }
    public ObjectProperty<DeviceTrace> trace() { return trace; }
    public ObjectProperty<Double> speed() { return speed; }
    public ObjectProperty<Double> gain() { return gain; }
    public StringProperty scaleText() { return scaleText; }
    public StringProperty signalText() { return signalText; }
    public BooleanProperty recording() { return recording; }
    public BooleanProperty openRecording() { return openRecording; }
    public BooleanProperty busy() { return busy; }
    public DoubleProperty progress() { return progress; }
    public StringProperty progressText() { return progressText; }
    public StringProperty message() { return message; }
    public StringProperty problem() { return problem; }
    public ObservableList<EcgRecordingSummary> recordings() { return recordings; }

    /** Whether the station has any device to take an ECG from. */
    public boolean hasDevices() {
        return devices.isPresent() && !devices.get().devices().isEmpty();
    }

    /** Whether the user may confirm recordings, and so goes to the review after saving. */
    public boolean reviews() {
        return session.can(Permission.CLINICAL_CONFIRM);
    }

    /** What opens a stored recording for review; the shell supplies it. */
    public void onOpenReview(LongConsumer action) {
        openReview = action;
    }

    private void updateScaleText() {
        scaleText.set(m.get("ecg.scale", number(speed.get()), number(gain.get())));
    }

    private String number(double v) {
        return EcgText.decimal(v, m);
    }

    /** Once per screen frame: takes in what the devices sent and moves a recording on. */
    public void frame() {
        live.drain();
        for (String id : live.devices()) {
            if (ecgDevices.stream().noneMatch(d -> d.id().equals(id))) {
                ecgDevices.add(new DeviceChoice(id, deviceName(id)));
            }
        }
        if (device.get() == null && !ecgDevices.isEmpty()) {
            device.set(ecgDevices.getFirst());
        }
        if (trace.get() == null && device.get() != null) {
            live.trace(device.get().id()).ifPresent(trace::set);
        }
        signalText.set(trace.get() != null ? "" : hasDevices() ? m.get("ecg.noSignal") : m.get("ecg.noDevices"));
        if (capture != null) {
            advance();
        }
    }

    private String deviceName(String id) {
        return devices.flatMap(d -> d.devices().stream().filter(x -> x.id().equals(id)).findFirst())
                .map(StationDevices.Device::name).orElse(id);
    }

    /** Records the last {@code seconds} of the chosen device's leads for the chosen patient. */
    public void record(double seconds) {
        begin(seconds, false, seconds > RESTING_SECONDS ? EcgRecording.Kind.RHYTHM_STRIP : null);
    }

    /** Starts a recording that runs until {@link #stop()}, at most {@link #LONGEST_SECONDS}. */
    public void start() {
        begin(LONGEST_SECONDS, true, null);
    }

    public void stop() {
        if (capture != null && capture.isOpen()) {
            capture.stop();
            advance();
        }
    }

    /** {@code kind} null: the service tells by duration and leads (a resting 12-lead ECG or a rhythm strip). */
    private void begin(double seconds, boolean open, EcgRecording.Kind kind) {
        message.set("");
        problem.set("");
        PatientSummary p = search.patient().get();
        if (p == null) {
            problem.set(m.get("ecg.needPatient"));
            return;
        }
        DeviceTrace t = trace.get();
        if (t == null) {
            problem.set(hasDevices() ? m.get("ecg.noSignal") : m.get("ecg.noDevices"));
            return;
        }
        if (capture != null || busy.get()) {
            return;
        }
        capturePatient = p.id();
        captureKind = kind;
        capture = open ? EcgCapture.open(t, seconds) : EcgCapture.fixed(t, seconds);
        recording.set(true);
        openRecording.set(open);
        advance();
    }

    private void advance() {
        EcgCapture c = capture;
        EcgCapture.State state = c.poll();
        progress.set(c.progress());
        switch (state) {
            case WAITING -> progressText.set(m.get("ecg.synchronising"));
            case RUNNING -> progressText.set(c.isOpen() ? m.get("ecg.recordingOpen", number(c.recordedSeconds()))
                    : m.get("ecg.recordingProgress", number(c.recordedSeconds()), number(c.progress() > 0
                            ? c.recordedSeconds() / c.progress() : 0)));
            case FAILED -> {
                end();
                if (c.interrupted()) {
                    problem.set(m.get("ecg.interrupted"));
                }
            }
            case COMPLETE -> {
                end();
                save(c.record(), c.deviceId());
            }
        }
    }

    private void end() {
        capture = null;
        recording.set(false);
        openRecording.set(false);
        progress.set(0);
        progressText.set("");
    }

    private void save(EcgRecord record, String deviceId) {
        long patientId = capturePatient;
        EcgRecording.Kind kind = captureKind;
        busy.set(true);
        message.set(m.get("ecg.saving"));
        async.run(() -> ecg.record(session, patientId, record, deviceId, kind), this::saved, this::failed);
    }

    /** Imports a recording from a file (any format {@code EcgFiles} reads) for the chosen patient. */
    public void importFile(Path file) {
        message.set("");
        problem.set("");
        PatientSummary p = search.patient().get();
        if (p == null) {
            problem.set(m.get("ecg.needPatient"));
            return;
        }
        if (busy.get()) {
            return;
        }
        busy.set(true);
        message.set(m.get("ecg.saving"));
        async.run(() -> ecg.importFile(session, p.id(), file), this::saved,
                e -> {
                    busy.set(false);
                    message.set("");
                    problem.set(m.get("ecg.importFailed", ErrorText.of(e, m)));
                });
    }

    private void saved(EcgRecordingSummary summary) {
        busy.set(false);
        message.set(reviews() ? m.get("ecg.savedOpening") : m.get("ecg.savedAwaiting"));
        loadRecordings();
        if (reviews()) {
            openReview.accept(summary.id());
        }
    }

    private void failed(Throwable e) {
        busy.set(false);
        message.set("");
        problem.set(m.get("ecg.saveFailed", ErrorText.of(e, m)));
    }

    private void loadRecordings() {
        PatientSummary p = search.patient().get();
        if (p == null) {
            recordings.clear();
            return;
        }
        long id = p.id();
        async.run(() -> ecg.list(session, id), list -> {
            PatientSummary now = search.patient().get();
            if (now != null && now.id() == id) {
                recordings.setAll(list);
            }
        }, e -> problem.set(ErrorText.of(e, m)));
    }

    /** Opens a listed recording in the review screen. */
    public void open(EcgRecordingSummary summary) {
        openReview.accept(summary.id());
    }

    public List<Double> speeds() {
        return EcgPaper.SPEEDS;
    }

    public List<Double> gains() {
        return EcgPaper.GAINS;
    }

    @Override
    public void close() throws Exception {
        subscription.close();
    }
}
