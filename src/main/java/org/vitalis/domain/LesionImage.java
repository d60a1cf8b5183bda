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
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A photograph of a lesion of a patient: kind, SNOMED CT site and side, the quality checks it passed or the reason
 * it was kept anyway, the model's result when a model read it, and a doctor's review. The picture itself is a
 * {@link LesionImageContent}; this row carries its thumbnail, size and SHA-256. A visit is the patient's sitting: the
 * image's patient, time and workstation, as for ECG recordings. Picture, checks and result never change; the review
 * is added once.
 */
@Entity
@Table(name = "lesion_image")
public class LesionImage {
    public static final int MAX_LABEL_LENGTH = 100;
    public static final int MAX_NOTE_LENGTH = 4000;
    public static final int MAX_REASON_LENGTH = 1000;
    public static final int MAX_SOURCE_LENGTH = 200;
    public static final int MAX_QUALITY_JSON_LENGTH = 20_000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "lesion_image_seq")
    @SequenceGenerator(name = "lesion_image_seq", sequenceName = "lesion_image_seq", allocationSize = 1)
    private Long id;

    /** Optimistic lock: two doctors reviewing the same image must not overwrite each other. */
    @Version
    private long version;

    @Column(name = "patient_id", nullable = false)
    private long patientId;

    @Column(name = "taken_at", nullable = false)
    private Instant takenAt;

    @Column(nullable = false, length = 100)
    private String workstation;

    @Column(name = "taken_by", nullable = false, length = 50)
    private String takenBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private LesionKind kind;

    @Column(name = "site_code", nullable = false, length = 20)
    private String siteCode;

    @Column(name = "site_modifier_code", length = 20)
    private String siteModifierCode;

    @Column(name = "site_display", nullable = false, length = 200)
    private String siteDisplay;

    @Enumerated(EnumType.STRING)
    @Column(length = 10)
    private Laterality laterality;

    /** "camera:" and the camera's name, or "import:" and the file name. */
    @Column(nullable = false, length = MAX_SOURCE_LENGTH)
    private String source;

    @Column(name = "media_type", nullable = false, length = 50)
    private String mediaType;

    @Column(nullable = false)
    private int width;

    @Column(nullable = false)
    private int height;

    @Column(name = "byte_count", nullable = false)
    private long byteCount;

    /** Of the stored picture's bytes, hex. */
    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(name = "thumbnail_png", nullable = false)
    private byte[] thumbnailPng;

    /** The quality checks as the quality gate reported them (versioned JSON, registry.LesionQualityJson). */
    @Column(name = "quality_json", nullable = false, length = MAX_QUALITY_JSON_LENGTH)
    private String qualityJson;

    @Column(name = "quality_passed", nullable = false)
    private boolean qualityPassed;

    /** Who kept a picture that failed a check, and why; null when every check passed. */
    @Column(name = "quality_override_by", length = 50)
    private String qualityOverrideBy;

    @Column(name = "quality_override_reason", length = MAX_REASON_LENGTH)
    private String qualityOverrideReason;

    @Column(name = "ai_label", length = MAX_LABEL_LENGTH)
    private String aiLabel;

    /** The finding the probability is about (e.g. melanoma); {@link #aiLabel} is it or the other label. */
    @Column(name = "ai_positive_label", length = MAX_LABEL_LENGTH)
    private String aiPositiveLabel;

    /** The model's calibrated probability of {@link #aiPositiveLabel}, 0 to 1. */
    @Column(name = "ai_probability", precision = 6, scale = 5)
    private BigDecimal aiProbability;

    /** The model's decision threshold: at or above it the label shown is the positive one. */
    @Column(name = "ai_threshold", precision = 6, scale = 5)
    private BigDecimal aiThreshold;

    @Column(name = "ai_model_name", length = 100)
    private String aiModelName;

    @Column(name = "ai_model_version", length = 50)
    private String aiModelVersion;

    @Column(name = "ai_model_sha256", length = 64)
    private String aiModelSha256;

    @Column(name = "ai_at")
    private Instant aiAt;

    @Column(name = "review_label", length = MAX_LABEL_LENGTH)
    private String reviewLabel;

    @Column(name = "review_note", length = MAX_NOTE_LENGTH)
    private String reviewNote;

    @Enumerated(EnumType.STRING)
    @Column(name = "review_outcome", length = 20)
    private LesionReviewOutcome reviewOutcome;

    @Column(name = "reviewed_by", length = 50)
    private String reviewedBy;

    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    protected LesionImage() {
    }

    public LesionImage(long patientId, Instant takenAt, String workstation, String takenBy, LesionKind kind,
            BodySite site, Laterality laterality, String source, String mediaType, int width, int height,
            long byteCount, String sha256, byte[] thumbnailPng, String qualityJson, boolean qualityPassed,
            String qualityOverrideBy, String qualityOverrideReason) {
        this.patientId = patientId;
        this.takenAt = takenAt;
        this.workstation = workstation;
        this.takenBy = takenBy;
        this.kind = kind;
        this.siteCode = site.code();
        this.siteModifierCode = site.modifierCode();
        this.siteDisplay = site.display();
        this.laterality = laterality;
        this.source = source;
        this.mediaType = mediaType;
        this.width = width;
        this.height = height;
        this.byteCount = byteCount;
        this.sha256 = sha256;
        this.thumbnailPng = thumbnailPng.clone();
        this.qualityJson = qualityJson;
        this.qualityPassed = qualityPassed;
        this.qualityOverrideBy = qualityOverrideBy;
        this.qualityOverrideReason = qualityOverrideReason;
    }

    /** The model's reading; the caller checks there is none yet. */
    public void attachResult(String label, String positiveLabel, BigDecimal probability, BigDecimal threshold,
            String modelName, String modelVersion, String modelSha256, Instant at) {
        this.aiLabel = label;
        this.aiPositiveLabel = positiveLabel;
        this.aiProbability = probability;
        this.aiThreshold = threshold;
        this.aiModelName = modelName;
        this.aiModelVersion = modelVersion;
        this.aiModelSha256 = modelSha256;
        this.aiAt = at;
    }

    /** A doctor's review; the caller checks there is none yet. */
    public void review(LesionReviewOutcome outcome, String label, String note, String by, Instant at) {
        this.reviewOutcome = outcome;
        this.reviewLabel = label;
        this.reviewNote = note;
        this.reviewedBy = by;
        this.reviewedAt = at;
    }

    public boolean hasResult() {
        return aiAt != null;
    }

    public boolean isReviewed() {
        return reviewedAt != null;
    }

    public Long getId() { return id; }
    public long getVersion() { return version; }
    public long getPatientId() { return patientId; }
    public Instant getTakenAt() { return takenAt; }
    public String getWorkstation() { return workstation; }
    public String getTakenBy() { return takenBy; }
    public LesionKind getKind() { return kind; }
    public String getSiteCode() { return siteCode; }
    public String getSiteModifierCode() { return siteModifierCode; }
    public String getSiteDisplay() { return siteDisplay; }
    public Laterality getLaterality() { return laterality; }
    public String getSource() { return source; }
    public String getMediaType() { return mediaType; }
    public int getWidth() { return width; }
    public int getHeight() { return height; }
    public long getByteCount() { return byteCount; }
    public String getSha256() { return sha256; }
    public byte[] getThumbnailPng() { return thumbnailPng.clone(); }
    public String getQualityJson() { return qualityJson; }
    public boolean isQualityPassed() { return qualityPassed; }
    public String getQualityOverrideBy() { return qualityOverrideBy; }
    public String getQualityOverrideReason() { return qualityOverrideReason; }
    public String getAiLabel() { return aiLabel; }
    public String getAiPositiveLabel() { return aiPositiveLabel; }
    public BigDecimal getAiProbability() { return aiProbability; }
    public BigDecimal getAiThreshold() { return aiThreshold; }
    public String getAiModelName() { return aiModelName; }
    public String getAiModelVersion() { return aiModelVersion; }
    public String getAiModelSha256() { return aiModelSha256; }
    public Instant getAiAt() { return aiAt; }
    public String getReviewLabel() { return reviewLabel; }
    public String getReviewNote() { return reviewNote; }
    public LesionReviewOutcome getReviewOutcome() { return reviewOutcome; }
    public String getReviewedBy() { return reviewedBy; }
    public Instant getReviewedAt() { return reviewedAt; }
}
