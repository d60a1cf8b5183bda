package org.vitalis.ui.ecgreview;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.vitalis.ecg.signal.EcgAnalysis;
import org.vitalis.ecg.signal.Intervals;
import org.vitalis.ecg.signal.LeadQuality;
import org.vitalis.registry.EcgRecordingService;
import org.vitalis.registry.EcgRecordingSummary;
import org.vitalis.registry.EcgReview;
import org.vitalis.registry.PatientService;
import org.vitalis.registry.StoredEcg;
import org.vitalis.security.Permission;
import org.vitalis.security.UserSession;
import org.vitalis.ui.common.Async;
import org.vitalis.ui.common.ErrorText;
import org.vitalis.ui.common.Messages;
import org.vitalis.ui.common.PatientSearch;
import org.vitalis.ui.ecg.EcgText;

/**
 * A doctor's review of stored ECGs: the recordings awaiting review (all patients) or one patient's, the open
 * recording with the computer's measurements and statements, and the doctor's interpretation and confirmation.
 * Others may read everything; only a doctor confirms, and the service checks that again.
 */
public final class EcgReviewViewModel {
    /** One measurement as shown: its name and its value with unit, or "not measurable". */
    public record Measurement(String name, String value) {
    }

    private final EcgRecordingService ecg;
    private final PatientService patients;
    private final UserSession session;
    private final Async async;
    private final Messages m;
    private final Long patientId;
    private final ObservableList<EcgRecordingSummary> recordings = FXCollections.observableArrayList();
    private final ObservableMap<Long, String> patientNames = FXCollections.observableHashMap();
    private final ObjectProperty<StoredEcg> open = new SimpleObjectProperty<>();
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty heading = new SimpleStringProperty("");
    private final ObservableList<Measurement> measurements = FXCollections.observableArrayList();
    private final ObservableList<String> rhythm = FXCollections.observableArrayList();
    private final ObservableList<String> quality = FXCollections.observableArrayList();
    private final StringProperty algorithm = new SimpleStringProperty("");
    private final StringProperty interpretation = new SimpleStringProperty("");
    private final StringProperty confirmation = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty awaiting = new SimpleBooleanProperty();

    /** {@code patientId} null: the recordings awaiting review; otherwise that patient's recordings. */
    public EcgReviewViewModel(EcgRecordingService ecg, PatientService patients, UserSession session, Async async,
            Messages m, Long patientId) {
        this.ecg = ecg;
        this.patients = patients;
        this.session = session;
        this.async = async;
        this.m = m;
        this.patientId = patientId;
        title.set(patientId == null ? m.get("ecgreview.awaiting") : m.get("ecgreview.patientRecordings"));
    }

    public ObservableList<EcgRecordingSummary> recordings() { return recordings; }
    public ObservableMap<Long, String> patientNames() { return patientNames; }
    public ObjectProperty<StoredEcg> open() { return open; }
    public StringProperty title() { return title; }
    public StringProperty heading() { return heading; }
    public ObservableList<Measurement> measurements() { return measurements; }
    public ObservableList<String> rhythm() { return rhythm; }
    public ObservableList<String> quality() { return quality; }
    public StringProperty algorithm() { return algorithm; }
    public StringProperty interpretation() { return interpretation; }
    public StringProperty confirmation() { return confirmation; }
    /** What went wrong, in words for the user. */
    public StringProperty message() { return message; }
    /** What went right. */
    public StringProperty notice() { return notice; }
    public BooleanProperty busy() { return busy; }

    public boolean canConfirm() {
        return session.can(Permission.CLINICAL_CONFIRM);
    }

    /** Whether the open recording still awaits a doctor's confirmation (a recording is confirmed once). */
    public BooleanProperty awaiting() { return awaiting; }

    public boolean patientMode() {
        return patientId != null;
    }

    /** Loads the list; the names of the patients in it are looked up once each. */
    public void load() {
        async.run(() -> patientId == null ? ecg.awaitingReview(session) : ecg.list(session, patientId), list -> {
            recordings.setAll(list);
            lookUpNames(list);
        }, e -> message.set(ErrorText.of(e, m)));
    }

    private void lookUpNames(List<EcgRecordingSummary> list) {
        Set<Long> missing = new LinkedHashSet<>();
        list.forEach(s -> {
            if (!patientNames.containsKey(s.patientId())) {
                missing.add(s.patientId());
            }
        });
        if (missing.isEmpty()) {
            return;
        }
        async.run(() -> {
            Map<Long, String> names = new HashMap<>();
            patients.forList(session, missing).forEach((id, p) -> names.put(id, PatientSearch.nameAndMrn(p, m)));
            return names;
        }, patientNames::putAll, e -> message.set(ErrorText.of(e, m)));
    }

    /** The patient a listed recording belongs to, as the list shows it. */
    public String patientName(long id) {
        return patientNames.getOrDefault(id, "");
    }

    private long openGeneration;

    public void open(long recordingId) {
        message.set("");
        notice.set("");
        // Rows clicked in quick succession: only the last one clicked is shown, whichever loads last.
        long mine = ++openGeneration;
        async.run(() -> ecg.open(session, recordingId), s -> {
            if (mine == openGeneration) {
                show(s);
            }
        }, e -> message.set(ErrorText.of(e, m)));
    }

    private void show(StoredEcg s) {
        open.set(s);
        EcgRecordingSummary sum = s.summary();
        lookUpNames(List.of(sum));
        heading.set(m.get("ecgreview.heading", m.dateTime(sum.recordedAt()), EcgText.kind(sum.kind(), m),
                m.number(sum.leadCount()), EcgText.decimal(sum.samplingFrequency(), m),
                EcgText.decimal(sum.durationS(), m), sum.source(), sum.recordedBy()));
        EcgAnalysis a = s.analysis();
        measurements.setAll(measurements(sum, a));
        rhythm.setAll(RhythmStatements.of(a, m));
        quality.setAll(quality(a.quality()));
        algorithm.set(a.algorithmVersion());
        interpretation.set(sum.review().map(EcgReview::interpretation).orElse(""));
        awaiting.set(sum.review().isEmpty());
        confirmation.set(sum.review().map(r -> m.get("ecgreview.confirmedBy", r.confirmedBy(),
                m.dateTime(r.confirmedAt()))).orElse(m.get("ecgreview.notConfirmed")));
    }

    private List<Measurement> measurements(EcgRecordingSummary sum, EcgAnalysis a) {
        List<Measurement> out = new ArrayList<>();
        double hr = sum.heartRateBpm() != null ? sum.heartRateBpm() : a.rhythm().meanHeartRate();
        out.add(new Measurement(m.get("ecgreview.hr"), Double.isFinite(hr)
                ? m.get("ecgreview.bpm", m.number(Math.round(hr))) : m.get("ecgreview.notMeasurable")));
        Intervals i = a.intervals();
        out.add(ms("ecgreview.pr", i.prMs()));
        out.add(ms("ecgreview.qrs", i.qrsMs()));
        out.add(ms("ecgreview.qt", i.qtMs()));
        out.add(ms("ecgreview.qtcBazett", i.qtcBazettMs()));
        out.add(ms("ecgreview.qtcFridericia", i.qtcFridericiaMs()));
        return out;
    }

    private Measurement ms(String key, double value) {
        return new Measurement(m.get(key), Double.isFinite(value) ? m.get("ecgreview.ms", m.number(Math.round(value)))
                : m.get("ecgreview.notMeasurable"));
    }

    private List<String> quality(List<LeadQuality> leads) {
        List<String> out = new ArrayList<>();
        for (LeadQuality q : leads) {
            for (LeadQuality.Problem p : q.problems()) {
                out.add(m.get("ecgreview.quality", q.label(), m.get("ecgreview.quality." + p.kind().name()),
                        span(p.startS(), p.endS())));
            }
        }
        if (out.isEmpty()) {
            out.add(m.get("ecgreview.qualityGood"));
        }
        return out;
    }

    private String span(double from, double to) {
        return from == to ? m.get("ecgreview.at", EcgText.decimal(from, m))
                : m.get("ecgreview.span", EcgText.decimal(from, m), EcgText.decimal(to, m));
    }

    /** Confirms the open recording with the interpretation; a recording changed meanwhile is reloaded, not overwritten. */
    /** A file name for the open recording's report that says whose and when, without the patient's name. */
    public String reportFileName() {
        StoredEcg s = open.get();
        if (s == null) {
            return "ecg.pdf";
        }
        return "ecg-" + s.summary().id() + "-" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmm")
                .format(s.summary().recordedAt().atZone(m.zone())) + ".pdf";
    }

    /**
     * Writes the open recording's true-scale PDF report to {@code file}. It is written beside the file first and then
     * moved into place, so a failed write never leaves a half report under the chosen name.
     */
    public void saveReport(Path file) {
        StoredEcg s = open.get();
        if (s == null) {
            return;
        }
        long id = s.summary().id();
        message.set("");
        notice.set("");
        busy.set(true);
        async.run(() -> {
            Path part = file.resolveSibling(file.getFileName() + ".part");
            try (OutputStream out = Files.newOutputStream(part)) {
                ecg.writeReport(session, id, m.zone(), out);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(part);
                throw e;
            }
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        }, f -> {
            busy.set(false);
            notice.set(m.get("ecgreview.reportSaved", f.getFileName().toString()));
        }, e -> {
            busy.set(false);
            message.set(ErrorText.of(e, m));
        });
    }

    public void confirm() {
        StoredEcg s = open.get();
        if (s == null || busy.get() || !canConfirm() || s.summary().review().isPresent()) {
            return;
        }
        String text = interpretation.get() == null ? "" : interpretation.get().strip();
        if (text.isEmpty()) {
            message.set(m.get("ecgreview.needInterpretation"));
            return;
        }
        busy.set(true);
        message.set("");
        notice.set("");
        long id = s.summary().id();
        async.run(() -> ecg.confirm(session, id, text, s.version()), confirmed -> {
            busy.set(false);
            show(confirmed);
            notice.set(m.get("ecgreview.confirmed"));
            // It stays in the list, marked confirmed, until the list is next loaded: the doctor sees what was done.
            recordings.replaceAll(r -> r.id() == id ? confirmed.summary() : r);
        }, e -> reloadAfter(e, s, text));
    }

    /** After a refusal: if someone else changed the recording, show their version and keep the doctor's text. */
    private void reloadAfter(Throwable failure, StoredEcg mine, String typed) {
        long id = mine.summary().id();
        async.run(() -> ecg.open(session, id), fresh -> {
            busy.set(false);
            if (fresh.summary().review().isPresent()) {
                // Confirmed by someone else: theirs stands; the text typed here is shown, not lost.
                show(fresh);
                message.set(m.get("ecgreview.confirmedMeanwhile", fresh.summary().review().get().confirmedBy(), typed));
                recordings.replaceAll(r -> r.id() == id ? fresh.summary() : r);
            } else if (fresh.version() != mine.version()) {
                show(fresh);
                interpretation.set(typed);
                message.set(m.get("ecgreview.stale"));
            } else {
                message.set(ErrorText.of(failure, m));
            }
        }, e -> {
            busy.set(false);
            message.set(ErrorText.of(failure, m));
        });
    }
}
