package org.vitalis.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One measured value for one patient. Observations are never edited: a correction is a new
 * observation, so the chart always shows what was recorded and by whom.
 */
@Entity
@Table(name = "observation")
public class Observation {
    /** Source of a value typed in by a user; device readings carry the device id instead. */
    public static final String SOURCE_MANUAL = "manual";
    /** Source of a value computed from other observations of the same entry (BMI). */
    public static final String SOURCE_DERIVED = "derived";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "observation_seq")
    @SequenceGenerator(name = "observation_seq", sequenceName = "observation_seq", allocationSize = 50)
    private Long id;

    @Column(name = "patient_id", nullable = false)
    private long patientId;

    /** Observations entered together (a BP pair, a weight and the BMI derived from it) share this id. */
    @Column(name = "entry_id", nullable = false, length = 36)
    private String entryId;

    /** LOINC code of the panel this value belongs to, e.g. 85354-9 for the blood-pressure panel. */
    @Column(name = "panel_code", length = 20)
    private String panelCode;

    @Column(nullable = false, length = 20)
    private String code;

    @Column(name = "value_decimal", nullable = false, precision = 12, scale = 3)
    private BigDecimal value;

    @Column(nullable = false, length = 20)
    private String unit;

    @Column(name = "effective_at", nullable = false)
    private Instant effectiveAt;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "recorded_by", nullable = false, length = 50)
    private String recordedBy;

    @Column(nullable = false, length = 100)
    private String source;

    @Column(name = "raw_payload", length = 4000)
    private String rawPayload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Flag flag;

    @Column(length = 1000)
    private String note;

    protected Observation() {
    }

    public Observation(long patientId, String entryId, String panelCode, VitalSign sign, BigDecimal value,
            Instant effectiveAt, Instant recordedAt, String recordedBy, String source, String rawPayload,
            Flag flag, String note) {
        this.patientId = patientId;
        this.entryId = entryId;
        this.panelCode = panelCode;
        this.code = sign.loinc();
        this.unit = sign.ucum();
        this.value = value;
        this.effectiveAt = effectiveAt;
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
        this.source = source;
        this.rawPayload = rawPayload;
        this.flag = flag;
        this.note = note;
    }

    public Long getId() {
        return id;
    }

    public long getPatientId() {
        return patientId;
    }

    public String getEntryId() {
        return entryId;
    }

    public String getPanelCode() {
        return panelCode;
    }

    public String getCode() {
        return code;
    }

    public VitalSign sign() {
        return VitalSign.byLoinc(code);
    }

    public BigDecimal getValue() {
        return value;
    }

    public String getUnit() {
        return unit;
    }

    public Instant getEffectiveAt() {
        return effectiveAt;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public String getSource() {
        return source;
    }

    public String getRawPayload() {
        return rawPayload;
    }

    public Flag getFlag() {
        return flag;
    }

    public String getNote() {
        return note;
    }
}
