package org.vitalis.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitalis.domain.AuditAction;
import org.vitalis.domain.EcgLeadData;
import org.vitalis.domain.EcgMeasurement;
import org.vitalis.domain.EcgRecording;
import org.vitalis.domain.Patient;
import org.vitalis.ecg.format.Annotation;
import org.vitalis.ecg.format.AnnotationCodes;
import org.vitalis.ecg.format.EcgFiles;
import org.vitalis.ecg.format.EcgLead;
import org.vitalis.ecg.format.EcgRecord;
import org.vitalis.ecg.format.EcgSampleCodec;
import org.vitalis.ecg.signal.EcgAnalysis;
import org.vitalis.ecg.signal.EcgAnalyzer;
import org.vitalis.ecg.signal.EcgLoinc;
import org.vitalis.ecg.signal.Intervals;
import org.vitalis.report.EcgReportContent;
import org.vitalis.report.EcgReportPdf;
import org.vitalis.security.AccessGuard;
import org.vitalis.security.AuditTrail;
import org.vitalis.security.Permission;
import org.vitalis.security.UserSession;
import org.vitalis.store.ConcurrentChangeException;
import org.vitalis.store.Database;

/**
 * Storing ECG recordings with their analysis, listing them, and a doctor's confirmation. The samples are stored
 * losslessly (the source's integers, compressed); the analysis is computed once, when the recording is stored, and
 * kept with its algorithm version, so what a doctor confirmed stays what was shown even after the algorithm changes.
 * A recording that cannot be right is refused with a sentence before anything is stored; a recording, its
 * measurements and its audit entry commit together.
 */
public final class EcgRecordingService {
    /** Twelve leads, plus Frank X, Y, Z (15 in the PTB database) or a 16-channel biosignal board. */
    public static final int MAX_LEADS = 16;
    /** Shorter than a second holds at most one beat: no rate, no rhythm, nothing to confirm. */
    public static final double MIN_DURATION_S = 1;
    /** A resting ECG lasts 10 s and a printed rhythm strip rarely more than a few minutes; longer is monitoring. */
    static final double LONG_AFTER_S = 300;
    /** I, II and V1-V6 are the eight independent leads of a 12-lead ECG; the other four follow from I and II. */
    static final int FULL_ECG_MIN_LEADS = 8;
    /** Workstation and device clocks drift; a recording up to this far "in the future" is still accepted. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final String IMPORT_PREFIX = "import:";
    private static final Logger LOG = LoggerFactory.getLogger(EcgRecordingService.class);

    private final Database db;
    private final AuditTrail audit;
    private final AccessGuard guard;
    private final Clock clock;

    public EcgRecordingService(Database db, AuditTrail audit, AccessGuard guard, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.guard = guard;
        this.clock = clock;
    }

    /**
     * Analyses ({@link EcgAnalyzer}) and stores the recording with its analysis, losslessly; its kind follows from
     * its duration and leads. Nurses and doctors may. Audited.
     *
     * @param source the device id, or "import:" and the file name
     * @throws IllegalArgumentException with a sentence saying why, when the recording cannot be right or the patient
     *                                  does not exist; nothing is stored then
     */
    public EcgRecordingSummary record(UserSession session, long patientId, EcgRecord recording, String source) {
        return record(session, patientId, recording, source, null);
    }

    /** As {@link #record(UserSession, long, EcgRecord, String)}, with the kind given (null: by duration and leads). */
    public EcgRecordingSummary record(UserSession session, long patientId, EcgRecord recording, String source,
            EcgRecording.Kind kind) {
        guard.require(session, Permission.VITALS_RECORD);
        check(recording, source);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant recordedAt = recording.start() == null ? now : recording.start().truncatedTo(ChronoUnit.MICROS);
        if (recordedAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw new IllegalArgumentException("The recording says it starts at " + recordedAt + ", in the future; check "
                    + "the device's clock.");
        }
        EcgAnalysis analysis = analyze(recording);
        String json = EcgAnalysisJson.write(analysis);
        if (json.length() > EcgRecording.MAX_ANALYSIS_JSON_LENGTH) {
            throw new IllegalArgumentException("The recording's analysis is too large to store (" + json.length()
                    + " characters); store shorter recordings.");
        }
        List<EcgLeadData> leads = new ArrayList<>();
        for (EcgLead lead : recording.leads()) {
            byte[] samples = EcgSampleCodec.encode(lead.samples());
            if (samples.length > EcgLeadData.MAX_SAMPLE_BYTES) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "Lead %s compresses to %.1f MiB; at most %d MiB per lead can be stored. Store the recording "
                                + "in shorter parts.", lead.label(), samples.length / 1048576.0,
                        EcgLeadData.MAX_SAMPLE_BYTES >> 20));
            }
            leads.add(new EcgLeadData(lead.label(), lead.gain(), lead.baseline(), lead.unit(), samples));
        }
        OptionalInt rate = EcgStatements.heartRate(analysis);
        EcgRecording entity = new EcgRecording(patientId, recordedAt, now, kind == null ? kindOf(recording) : kind,
                source.strip(), recording.id(), session.workstation(), session.username(), recording.samplingFrequency(),
                recording.sampleCount(), leads, json, analysis.algorithmVersion(),
                rate.isPresent() ? rate.getAsInt() : null, measurements(analysis));
        return db.inTransaction(s -> {
            s.patients().find(patientId).orElseThrow(() -> new IllegalArgumentException("No patient with id " + patientId));
            EcgRecording saved = s.ecgRecordings().save(entity);
            audit.record(s, session.actor(), AuditAction.ECG_RECORD, "patient", String.valueOf(patientId),
                    "ecg=" + saved.getId() + " kind=" + saved.getKind() + " leads=" + saved.getLeadCount());
            long bytes = leads.stream().mapToLong(EcgLeadData::storedBytes).sum();
            LOG.debug("ECG recording {} stored: {} samples in {} bytes", saved.getId(),
                    (long) saved.getSampleCount() * saved.getLeadCount(), bytes);
            return summary(saved, analysis);
        });
    }

    /**
     * Reads a file in any format {@link EcgFiles} reads (chosen by extension; clock times without a zone are taken
     * in this workstation's zone), then {@link #record}; the source is "import:" and the file name.
     *
     * @throws IOException when the file cannot be read; a malformed file throws its format's EcgFormatException
     */
    public EcgRecordingSummary importFile(UserSession session, long patientId, Path file) throws IOException {
        guard.require(session, Permission.VITALS_RECORD);
        EcgRecord recording = EcgFiles.read(file, ZoneId.systemDefault());
        return record(session, patientId, recording, IMPORT_PREFIX + file.getFileName());
    }

    /** The patient's recordings, newest first. Audited as a look at the patient's chart. */
    public List<EcgRecordingSummary> list(UserSession session, long patientId) {
        guard.require(session, Permission.PATIENT_READ);
        return db.inTransaction(s -> {
            audit.record(s, session.actor(), AuditAction.PATIENT_VIEW, "patient", String.valueOf(patientId), "ecg list");
            return s.ecgRecordings().listByPatient(patientId).stream().map(EcgRecordingService::summaryForList).toList();
        });
    }

    /** Recordings of every patient that no doctor has confirmed yet, newest first. Audited. */
    public List<EcgRecordingSummary> awaitingReview(UserSession session) {
        guard.require(session, Permission.PATIENT_READ);
        return db.inTransaction(s -> {
            List<EcgRecordingSummary> out = s.ecgRecordings().listAwaitingReview().stream()
                    .map(EcgRecordingService::summaryForList).toList();
            audit.record(s, session.actor(), AuditAction.PATIENT_SEARCH, "ecg_recording", null,
                    "awaiting review: " + out.size());
            return out;
        });
    }

    /**
     * One recording with its samples and its stored analysis. Audited as a look at the patient's chart.
     *
     * @throws IllegalArgumentException when there is no such recording
     */
    public StoredEcg open(UserSession session, long recordingId) {
        guard.require(session, Permission.PATIENT_READ);
        return db.inTransaction(s -> {
            EcgRecording e = s.ecgRecordings().findById(recordingId)
                    .orElseThrow(() -> new IllegalArgumentException("No ECG recording with id " + recordingId));
            audit.record(s, session.actor(), AuditAction.PATIENT_VIEW, "patient", String.valueOf(e.getPatientId()),
                    "ecg=" + recordingId);
            return stored(e);
        });
    }

    /**
     * Writes a stored recording's report as a PDF at true scale (see {@link EcgReportPdf}), with the patient, the
     * stored analysis and, once confirmed, the interpretation and who confirmed it. Anyone who may read the chart may
     * print it; every report is audited, as it carries patient data off the screen.
     *
     * @param zone the zone the report shows times in (the workstation's)
     */
    public void writeReport(UserSession session, long recordingId, ZoneId zone, OutputStream out) throws IOException {
        guard.require(session, Permission.PATIENT_READ);
        EcgReportContent content = db.inTransaction(s -> {
            EcgRecording e = s.ecgRecordings().findById(recordingId)
                    .orElseThrow(() -> new IllegalArgumentException("No ECG recording with id " + recordingId));
            Patient p = s.patients().find(e.getPatientId()).orElseThrow();
            StoredEcg stored = stored(e);
            audit.record(s, session.actor(), AuditAction.ECG_REPORT, "patient", String.valueOf(e.getPatientId()),
                    "ecg=" + recordingId);
            return new EcgReportContent(Optional.of(patientLine(p)), stored.record(), stored.analysis(),
                    stored.summary().rhythmStatements(),
                    stored.summary().review().map(r -> new EcgReportContent.Confirmation(r.interpretation(),
                            r.confirmedBy(), r.confirmedAt())),
                    session.workstation(), clock.instant(), zone);
        });
        EcgReportPdf.write(content, out);
    }

    private static EcgReportContent.PatientLine patientLine(Patient p) {
        String arabic = p.arabicDisplayName();
        return new EcgReportContent.PatientLine(p.getGivenName() + " " + p.getFamilyName(),
                arabic == null || arabic.isEmpty() ? null : arabic, p.getMrn(), p.getBirthDate(),
                p.getSex() == null ? null : p.getSex().name().toLowerCase(Locale.ROOT));
    }

    /**
     * A doctor's interpretation, with who confirmed and when. Doctors only. A recording is confirmed once: what a
     * doctor signed is not overwritten afterwards.
     *
     * @param expectedVersion the {@link StoredEcg#version()} the doctor read
     * @throws IllegalArgumentException    for a blank or too long interpretation, or no such recording
     * @throws IllegalStateException       when the recording is already confirmed
     * @throws ConcurrentChangeException   when it changed since {@code expectedVersion} was read
     */
    public StoredEcg confirm(UserSession session, long recordingId, String interpretation, long expectedVersion) {
        guard.require(session, Permission.CLINICAL_CONFIRM);
        if (interpretation == null || interpretation.isBlank()) {
            throw new IllegalArgumentException("Write your interpretation of the ECG before confirming it.");
        }
        String text = interpretation.strip();
        if (text.length() > EcgRecording.MAX_INTERPRETATION_LENGTH) {
            throw new IllegalArgumentException("The interpretation is " + text.length() + " characters long; at most "
                    + EcgRecording.MAX_INTERPRETATION_LENGTH + " can be stored.");
        }
        return db.inTransaction(s -> {
            EcgRecording e = s.ecgRecordings().findById(recordingId)
                    .orElseThrow(() -> new IllegalArgumentException("No ECG recording with id " + recordingId));
            if (e.getVersion() != expectedVersion) {
                throw new ConcurrentChangeException(
                        "Someone else changed this ECG recording meanwhile; reload it and try again.", null);
            }
            if (e.isConfirmed()) {
                throw new IllegalStateException("This ECG was already confirmed by " + e.getConfirmedBy() + " at "
                        + e.getConfirmedAt() + ".");
            }
            e.confirm(text, session.username(), clock.instant().truncatedTo(ChronoUnit.MICROS));
            EcgRecording saved = s.ecgRecordings().save(e);
            audit.record(s, session.actor(), AuditAction.ECG_CONFIRM, "patient", String.valueOf(saved.getPatientId()),
                    "ecg=" + recordingId);
            return stored(saved);
        });
    }

    // ------------------------------------------------------------------ checks and conversions

    private static void check(EcgRecord r, String source) {
        if (r == null) {
            throw new IllegalArgumentException("There is no recording to store.");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("Say where the recording comes from (a device id, or the imported file).");
        }
        if (source.strip().length() > EcgRecording.MAX_SOURCE_LENGTH) {
            throw new IllegalArgumentException("The recording's source name is longer than "
                    + EcgRecording.MAX_SOURCE_LENGTH + " characters; rename the file or device.");
        }
        if (r.id().length() > 200) {
            throw new IllegalArgumentException("The record's name is longer than 200 characters.");
        }
        double fs = r.samplingFrequency();
        if (!(fs >= EcgAnalyzer.MIN_FS && fs <= EcgAnalyzer.MAX_FS)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "The recording is sampled at %s Hz; ECGs are stored at %.0f to %.0f Hz.", fs, EcgAnalyzer.MIN_FS,
                    EcgAnalyzer.MAX_FS));
        }
        int leads = r.leads().size();
        if (leads == 0 || leads > MAX_LEADS) {
            throw new IllegalArgumentException("The recording has " + leads + " leads; an ECG has 1 to " + MAX_LEADS + ".");
        }
        if (r.durationSeconds() < MIN_DURATION_S) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "The recording lasts %.2f s; at least %.0f s is needed for a rate or rhythm.", r.durationSeconds(),
                    MIN_DURATION_S));
        }
        for (EcgLead lead : r.leads()) {
            if (lead.label().length() > 50 || lead.unit().length() > 10) {
                throw new IllegalArgumentException("Lead \"" + abbreviate(lead.label()) + "\" has a name or unit too "
                        + "long to store.");
            }
        }
        if (r.leads().stream().noneMatch(EcgLead::isVoltage)) {
            throw new IllegalArgumentException("No lead of the recording is in volts (mV, uV or V): it is not an ECG.");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "...";
    }

    /**
     * The analysis of the leads in volts: what is stored with a recording, and what {@code ecg analyze} and
     * {@code ecg report} print.
     *
     * @throws IllegalArgumentException when no lead is in volts
     */
    public static EcgAnalysis analyze(EcgRecord r) {
        List<EcgLead> leads = r.leads().stream().filter(EcgLead::isVoltage).toList();
        if (leads.isEmpty()) {
            throw new IllegalArgumentException("No lead of the recording is in volts (mV, uV or V): it is not an ECG.");
        }
        double[][] mv = leads.stream().map(EcgLead::millivolts).toArray(double[][]::new);
        String[] labels = leads.stream().map(EcgLead::label).toArray(String[]::new);
        return EcgAnalyzer.analyze(mv, labels, r.samplingFrequency());
    }

    static EcgRecording.Kind kindOf(EcgRecord r) {
        if (r.durationSeconds() > LONG_AFTER_S) {
            return EcgRecording.Kind.LONG;
        }
        return r.leads().size() >= FULL_ECG_MIN_LEADS ? EcgRecording.Kind.RESTING_12_LEAD : EcgRecording.Kind.RHYTHM_STRIP;
    }

    /** The intervals with their LOINC codes and the mean heart rate (LOINC 8867-4, UCUM "/min"). */
    private static List<EcgMeasurement> measurements(EcgAnalysis a) {
        List<EcgMeasurement> out = new ArrayList<>();
        for (Intervals.Measurement m : a.intervals().measurements()) {
            out.add(new EcgMeasurement(m.loinc(), m.name(), m.method(), decimal(m.value()), m.unit()));
        }
        double rate = a.rhythm().meanHeartRate();
        if (Double.isFinite(rate)) {
            out.add(new EcgMeasurement(EcgLoinc.HEART_RATE, "Heart rate", "mean RR", decimal(rate), "/min"));
        }
        return out;
    }

    private static BigDecimal decimal(double v) {
        return BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_UP);
    }

    private static StoredEcg stored(EcgRecording e) {
        EcgAnalysis analysis;
        try {
            analysis = EcgAnalysisJson.read(e.getAnalysisJson());
        } catch (IllegalArgumentException damaged) {
            throw new IllegalStateException("ECG recording " + e.getId() + ": " + damaged.getMessage(), damaged);
        }
        List<EcgLead> leads = new ArrayList<>();
        for (EcgLeadData l : e.getLeads()) {
            leads.add(new EcgLead(l.getLabel(), EcgSampleCodec.decode(l.getSamples(), e.getSampleCount()), l.getGain(),
                    l.getBaseline(), l.getUnit()));
        }
        // The analysis's beats, labelled N as detectors that do not classify beats label them (as WFDB's gqrs does).
        List<Annotation> beats = new ArrayList<>();
        for (int b : analysis.beats().beats()) {
            beats.add(Annotation.of(b, AnnotationCodes.NORMAL));
        }
        EcgRecord record = new EcgRecord(e.getRecordName(), e.getRecordedAt(), e.getSamplingFrequency(), leads, beats,
                List.of());
        return new StoredEcg(summary(e, analysis), record, analysis, e.getVersion());
    }

    /** A list row; a damaged stored analysis shows as such rather than hiding the row or the whole list. */
    private static EcgRecordingSummary summaryForList(EcgRecording e) {
        try {
            return summary(e, EcgAnalysisJson.read(e.getAnalysisJson()));
        } catch (IllegalArgumentException damaged) {
            LOG.warn("ECG recording {}: stored analysis unreadable: {}", e.getId(), damaged.getMessage());
            return summary(e, List.of("The stored analysis could not be read"));
        }
    }

    private static EcgRecordingSummary summary(EcgRecording e, EcgAnalysis analysis) {
        return summary(e, EcgStatements.summary(analysis));
    }

    private static EcgRecordingSummary summary(EcgRecording e, List<String> statements) {
        Optional<EcgReview> review = e.isConfirmed()
                ? Optional.of(new EcgReview(e.getInterpretation(), e.getConfirmedBy(), e.getConfirmedAt()))
                : Optional.empty();
        return new EcgRecordingSummary(e.getId(), e.getPatientId(), e.getRecordedAt(), e.getKind().name(),
                e.getLeadCount(), e.getSamplingFrequency(), e.getSampleCount() / e.getSamplingFrequency(), e.getSource(),
                e.getRecordedBy(), e.getHeartRate(), statements, review);
    }
}
