package org.vitalis.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An ECG recording of a patient with the analysis made when it was stored. The samples and the analysis are never
 * changed; the only change is a doctor's confirmation (interpretation, who, when), once. A visit is the patient's
 * sitting: the recording's patient, time and workstation, as observations of one sitting share an entry id.
 */
@Entity
@Table(name = "ecg_recording")
public class EcgRecording {
    public static final int MAX_INTERPRETATION_LENGTH = 4000;
    public static final int MAX_SOURCE_LENGTH = 200;
    public static final int MAX_ANALYSIS_JSON_LENGTH = 10_000_000;

    /** What sort of recording it is; set by duration and lead count unless the caller says. */
    public enum Kind {
        /** A standard ECG at rest: 8 or more leads (I, II, V1-V6 give all twelve), up to a few minutes. */
        RESTING_12_LEAD,
        /** A short recording of one or a few leads, as a monitor or a handheld device prints. */
        RHYTHM_STRIP,
        /** Longer than a resting ECG: monitoring, Holter-like sessions. */
        LONG
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ecg_recording_seq")
    @SequenceGenerator(name = "ecg_recording_seq", sequenceName = "ecg_recording_seq", allocationSize = 1)
    private Long id;

    /** Optimistic lock: two doctors confirming the same recording must not overwrite each other. */
    @Version
    private long version;

    @Column(name = "patient_id", nullable = false)
    private long patientId;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "stored_at", nullable = false)
    private Instant storedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Kind kind;

    @Column(nullable = false, length = MAX_SOURCE_LENGTH)
    private String source;

    /** The record's name in its source (file stem or device record id). */
    @Column(name = "record_name", nullable = false, length = 200)
    private String recordName;

    @Column(nullable = false, length = 100)
    private String workstation;

    @Column(name = "recorded_by", nullable = false, length = 50)
    private String recordedBy;

    @Column(name = "sampling_frequency", nullable = false)
    private double samplingFrequency;

    @Column(name = "sample_count", nullable = false)
    private int sampleCount;

    @Column(name = "lead_count", nullable = false)
    private int leadCount;

    /** Up to {@link #MAX_ANALYSIS_JSON_LENGTH} characters (the migration sizes the column; see EcgLeadData's samples). */
    @Column(name = "analysis_json", nullable = false)
    private String analysisJson;

    @Column(name = "algorithm_version", nullable = false, length = 1000)
    private String algorithmVersion;

    /** Mean rate, /min, rounded; null when too few beats were found. */
    @Column(name = "heart_rate")
    private Integer heartRate;

    @Column(length = MAX_INTERPRETATION_LENGTH)
    private String interpretation;

    @Column(name = "confirmed_by", length = 50)
    private String confirmedBy;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    /** Loaded only when the samples are needed; a list of recordings does not read them. */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "ecg_lead", joinColumns = @JoinColumn(name = "recording_id"))
    @OrderColumn(name = "lead_index")
    private List<EcgLeadData> leads = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "ecg_measurement", joinColumns = @JoinColumn(name = "recording_id"))
    @OrderColumn(name = "position")
    private List<EcgMeasurement> measurements = new ArrayList<>();

    protected EcgRecording() {
    }

    public EcgRecording(long patientId, Instant recordedAt, Instant storedAt, Kind kind, String source,
            String recordName, String workstation, String recordedBy, double samplingFrequency, int sampleCount,
            List<EcgLeadData> leads, String analysisJson, String algorithmVersion, Integer heartRate,
            List<EcgMeasurement> measurements) {
        this.patientId = patientId;
        this.recordedAt = recordedAt;
        this.storedAt = storedAt;
        this.kind = kind;
        this.source = source;
        this.recordName = recordName;
        this.workstation = workstation;
        this.recordedBy = recordedBy;
        this.samplingFrequency = samplingFrequency;
        this.sampleCount = sampleCount;
        this.leadCount = leads.size();
        this.leads = new ArrayList<>(leads);
        this.analysisJson = analysisJson;
        this.algorithmVersion = algorithmVersion;
        this.heartRate = heartRate;
        this.measurements = new ArrayList<>(measurements);
    }

    /** Records a doctor's reading of the recording; the caller checks it is not confirmed yet. */
    public void confirm(String interpretation, String confirmedBy, Instant confirmedAt) {
        this.interpretation = interpretation;
        this.confirmedBy = confirmedBy;
        this.confirmedAt = confirmedAt;
    }

    public boolean isConfirmed() {
        return confirmedAt != null;
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public long getPatientId() {
        return patientId;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public Instant getStoredAt() {
        return storedAt;
    }

    public Kind getKind() {
        return kind;
    }

    public String getSource() {
        return source;
    }

    public String getRecordName() {
        return recordName;
    }

    public String getWorkstation() {
        return workstation;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public double getSamplingFrequency() {
        return samplingFrequency;
    }

    public int getSampleCount() {
        return sampleCount;
    }

    public int getLeadCount() {
        return leadCount;
    }

    public String getAnalysisJson() {
        return analysisJson;
    }

    public String getAlgorithmVersion() {
        return algorithmVersion;
    }

    public Integer getHeartRate() {
        return heartRate;
    }

    public String getInterpretation() {
        return interpretation;
    }

    public String getConfirmedBy() {
        return confirmedBy;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }

    public List<EcgLeadData> getLeads() {
        return List.copyOf(leads);
    }

    public List<EcgMeasurement> getMeasurements() {
        return List.copyOf(measurements);
    }
}
