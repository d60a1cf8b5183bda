package org.vitalis.registry;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitalis.domain.AuditAction;
import org.vitalis.domain.BodySite;
import org.vitalis.domain.BodySites;
import org.vitalis.domain.Laterality;
import org.vitalis.domain.LesionImage;
import org.vitalis.domain.LesionImageContent;
import org.vitalis.domain.LesionReviewOutcome;
import org.vitalis.domain.PatientSummary;
import org.vitalis.security.AccessGuard;
import org.vitalis.security.AuditTrail;
import org.vitalis.security.Permission;
import org.vitalis.security.UserSession;
import org.vitalis.store.ConcurrentChangeException;
import org.vitalis.store.Database;

/**
 * Lesion photographs of patients: storing a camera frame (as lossless PNG) or an imported file (its own bytes) with
 * the quality checks shown when it was taken, a model's result, the same site over time, the doctor's review and the
 * labelled data set for re-training. A picture that failed a check is kept only with a reason, and who gave it. Every
 * read and change is audited; a change and its audit entry commit together.
 */
public final class LesionImageService {
    private static final Logger LOG = LoggerFactory.getLogger(LesionImageService.class);
    private static final String CAMERA_PREFIX = "camera:";
    private static final String IMPORT_PREFIX = "import:";
    private static final String CSV_HEADER = "image_id,file,patient,kind,site_code,site_modifier_code,site,laterality,"
            + "label,outcome,model_label,model_positive_label,model_probability,model_threshold,model,model_version,reviewer,reviewed_on";

    private final Database db;
    private final AuditTrail audit;
    private final AccessGuard guard;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public LesionImageService(Database db, AuditTrail audit, AccessGuard guard, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.guard = guard;
        this.clock = clock;
    }

    /**
     * Stores a camera frame as lossless PNG. Nurses and doctors may. Audited.
     *
     * @param overrideReason why a picture that failed a check is kept; ignored when every check passed
     * @throws IllegalArgumentException with a sentence when the site does not fit, a failed check has no reason, the
     *                                  patient does not exist or the picture is too large; nothing is stored then
     */
    public LesionImageSummary storeFrame(UserSession session, LesionDraft draft, BufferedImage frame, String cameraName,
            LesionQuality quality, String overrideReason) {
        guard.require(session, Permission.VITALS_RECORD);
        if (frame == null) {
            throw new IllegalArgumentException("There is no picture to store.");
        }
        String source = source(CAMERA_PREFIX, cameraName);
        return store(session, draft, Pictures.png(frame), Pictures.PNG, frame, source, quality, overrideReason);
    }

    /**
     * Stores an imported picture file as it is (a JPEG stays the JPEG it was); {@code decoded} is its picture, used
     * for the size and the thumbnail. Nurses and doctors may. Audited.
     *
     * @throws IllegalArgumentException as {@link #storeFrame}, and when the bytes are not a PNG, JPEG or BMP file
     */
    public LesionImageSummary storeFile(UserSession session, LesionDraft draft, String fileName, byte[] fileBytes,
            BufferedImage decoded, LesionQuality quality, String overrideReason) {
        guard.require(session, Permission.VITALS_RECORD);
        if (fileBytes == null || decoded == null) {
            throw new IllegalArgumentException("There is no picture to store.");
        }
        String mediaType = Pictures.mediaType(fileBytes).orElseThrow(() -> new IllegalArgumentException(
                "The file " + fileName + " is not a PNG, JPEG or BMP picture."));
        return store(session, draft, fileBytes, mediaType, decoded, source(IMPORT_PREFIX, fileName), quality,
                overrideReason);
    }

    private static String source(String prefix, String name) {
        String n = name == null || name.isBlank() ? "?" : name.strip();
        String s = prefix + n;
        return s.length() <= LesionImage.MAX_SOURCE_LENGTH ? s : s.substring(0, LesionImage.MAX_SOURCE_LENGTH);
    }

    private LesionImageSummary store(UserSession session, LesionDraft draft, byte[] bytes, String mediaType,
            BufferedImage picture, String source, LesionQuality quality, String overrideReason) {
        BodySite site = checkDraft(draft);
        if (quality == null) {
            throw new IllegalArgumentException("The picture's quality was not checked; check it before storing.");
        }
        String reason = null;
        if (!quality.passed()) {
            if (overrideReason == null || overrideReason.isBlank()) {
                throw new IllegalArgumentException("The picture failed the quality check ("
                        + String.join(", ", quality.failed().stream().map(LesionQuality.Check::kind).toList())
                        + "): retake it, or say why it is kept anyway.");
            }
            reason = overrideReason.strip();
            if (reason.length() > LesionImage.MAX_REASON_LENGTH) {
                throw new IllegalArgumentException("The reason is " + reason.length() + " characters long; at most "
                        + LesionImage.MAX_REASON_LENGTH + " can be stored.");
            }
        }
        if (bytes.length > LesionImageContent.MAX_BYTES) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "The picture is %.1f MiB; at most %d MiB "
                    + "can be stored. Use a smaller resolution.", bytes.length / 1048576.0,
                    LesionImageContent.MAX_BYTES >> 20));
        }
        String qualityJson = LesionQualityJson.write(quality);
        if (qualityJson.length() > LesionImage.MAX_QUALITY_JSON_LENGTH) {
            throw new IllegalArgumentException("The quality report is too large to store.");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LesionImage image = new LesionImage(draft.patientId(), now, session.workstation(), session.username(),
                draft.kind(), site, draft.laterality(), source, mediaType, picture.getWidth(), picture.getHeight(),
                bytes.length, Pictures.sha256(bytes), Pictures.thumbnail(picture), qualityJson, quality.passed(),
                reason == null ? null : session.username(), reason);
        String overriding = reason;
        return db.inTransaction(s -> {
            s.patients().find(draft.patientId()).orElseThrow(() -> new IllegalArgumentException(
                    "No patient with id " + draft.patientId()));
            LesionImage saved = s.lesionImages().insert(image, mediaType, bytes);
            audit.record(s, session.actor(), AuditAction.LESION_CAPTURE, "patient", String.valueOf(draft.patientId()),
                    "lesion=" + saved.getId() + " kind=" + draft.kind() + " site=" + site.code()
                            + (draft.laterality() == null ? "" : " side=" + draft.laterality())
                            + (overriding == null ? " quality=passed" : " quality=overridden"));
            LOG.debug("Lesion picture {} stored: {} bytes {}", saved.getId(), bytes.length, mediaType);
            return summary(saved);
        });
    }

    private static BodySite checkDraft(LesionDraft d) {
        if (d == null || d.kind() == null || d.site() == null) {
            throw new IllegalArgumentException("Choose the kind of picture and the site it shows.");
        }
        BodySite site = BodySites.find(d.site().code(), d.site().modifierCode())
                .orElseThrow(() -> new IllegalArgumentException("The site " + d.site().key() + " is not one Vitalis knows."));
        if (!site.fits(d.kind())) {
            throw new IllegalArgumentException(site.display() + " is not a site for a "
                    + d.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " picture.");
        }
        if (site.paired() && d.laterality() == null) {
            throw new IllegalArgumentException(site.display() + " is on both sides of the body: say which side.");
        }
        if (!site.paired() && d.laterality() != null) {
            throw new IllegalArgumentException(site.display() + " has no left or right side.");
        }
        return site;
    }

    /**
     * Keeps a model's reading of a stored picture, once. Nurses and doctors may (whoever stored the picture runs the
     * model). Audited.
     *
     * @throws IllegalArgumentException for an incomplete result or no such picture
     * @throws IllegalStateException    when the picture already has a result
     */
    public LesionImageSummary attachResult(UserSession session, long imageId, LesionResult result) {
        guard.require(session, Permission.VITALS_RECORD);
        checkResult(result);
        BigDecimal probability = BigDecimal.valueOf(result.probability()).setScale(5, RoundingMode.HALF_UP);
        BigDecimal threshold = BigDecimal.valueOf(result.threshold()).setScale(5, RoundingMode.HALF_UP);
        return db.inTransaction(s -> {
            LesionImage e = find(s, imageId);
            if (e.hasResult()) {
                throw new IllegalStateException("This picture already has the result of " + e.getAiModelName() + " "
                        + e.getAiModelVersion() + ".");
            }
            e.attachResult(result.label().strip(), result.positiveLabel().strip(), probability, threshold,
                    result.modelName().strip(),
                    result.modelVersion().strip(), result.modelSha256(), result.at().truncatedTo(ChronoUnit.MICROS));
            LesionImage saved = s.lesionImages().save(e);
            audit.record(s, session.actor(), AuditAction.LESION_RESULT, "patient", String.valueOf(saved.getPatientId()),
                    "lesion=" + imageId + " model=" + saved.getAiModelName() + " " + saved.getAiModelVersion());
            return summary(saved);
        });
    }

    private static void checkResult(LesionResult r) {
        if (r == null || blank(r.label()) || blank(r.positiveLabel()) || blank(r.modelName())
                || blank(r.modelVersion()) || r.at() == null
                || r.modelSha256() == null || !r.modelSha256().matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("The model's result is incomplete: it needs its labels, the model's "
                    + "name, version and SHA-256, and the time.");
        }
        if (!(r.probability() >= 0 && r.probability() <= 1) || !(r.threshold() >= 0 && r.threshold() <= 1)) {
            throw new IllegalArgumentException("A probability and a threshold lie between 0 and 1, not "
                    + r.probability() + " and " + r.threshold() + ".");
        }
        if (r.label().strip().length() > LesionImage.MAX_LABEL_LENGTH
                || r.positiveLabel().strip().length() > LesionImage.MAX_LABEL_LENGTH
                || r.modelName().strip().length() > 100
                || r.modelVersion().strip().length() > 50) {
            throw new IllegalArgumentException("The model's label, name or version is too long to store.");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The patient's pictures, newest first. Audited as a look at the patient's chart. */
    public List<LesionImageSummary> list(UserSession session, long patientId) {
        guard.require(session, Permission.PATIENT_READ);
        return db.inTransaction(s -> {
            audit.record(s, session.actor(), AuditAction.PATIENT_VIEW, "patient", String.valueOf(patientId),
                    "lesion list");
            return s.lesionImages().listByPatient(patientId).stream().map(LesionImageService::summary).toList();
        });
    }

    /**
     * The same site (the same part of it, and side) of the patient over time, oldest first; {@code siteModifierCode}
     * null for a whole structure. Audited as a look at the patient's chart.
     */
    public List<LesionImageSummary> bySite(UserSession session, long patientId, String siteCode,
            String siteModifierCode, Laterality laterality) {
        guard.require(session, Permission.PATIENT_READ);
        return db.inTransaction(s -> {
            audit.record(s, session.actor(), AuditAction.PATIENT_VIEW, "patient", String.valueOf(patientId),
                    "lesion site " + BodySite.key(siteCode, siteModifierCode)
                            + (laterality == null ? "" : " " + laterality));
            return s.lesionImages().listBySite(patientId, siteCode, siteModifierCode, laterality).stream()
                    .map(LesionImageService::summary).toList();
        });
    }

    /** Pictures of every patient with a model's result and no doctor's review yet, oldest first. Audited. */
    public List<LesionImageSummary> awaitingReview(UserSession session) {
        guard.require(session, Permission.PATIENT_READ);
        return db.inTransaction(s -> {
            List<LesionImageSummary> out = s.lesionImages().listAwaitingReview().stream()
                    .map(LesionImageService::summary).toList();
            audit.record(s, session.actor(), AuditAction.PATIENT_SEARCH, "lesion_image", null,
                    "awaiting review: " + out.size());
            return out;
        });
    }

    /**
     * One picture with its stored bytes. Audited as a look at the patient's chart.
     *
     * @throws IllegalArgumentException when there is no such picture
     */
    public StoredLesion open(UserSession session, long imageId) {
        guard.require(session, Permission.PATIENT_READ);
        return db.inTransaction(s -> {
            LesionImage e = find(s, imageId);
            LesionImageContent c = s.lesionImages().content(imageId).orElseThrow(() -> new IllegalStateException(
                    "The picture of lesion image " + imageId + " is missing."));
            audit.record(s, session.actor(), AuditAction.PATIENT_VIEW, "patient", String.valueOf(e.getPatientId()),
                    "lesion=" + imageId);
            PatientSummary patient = s.patients().summaries(List.of(e.getPatientId())).getFirst();
            return new StoredLesion(summary(e), c.getData(), c.getMediaType(), patient);
        });
    }

    /**
     * The doctor agrees with the model's label; the note is optional. Doctors only; once per picture. Audited.
     *
     * @param expectedVersion the {@link LesionImageSummary#version()} the doctor saw
     * @throws IllegalArgumentException  when there is no such picture or no model result to confirm
     * @throws IllegalStateException     when the picture was already reviewed
     * @throws ConcurrentChangeException when it changed since {@code expectedVersion} was read
     */
    public LesionImageSummary confirm(UserSession session, long imageId, String note, long expectedVersion) {
        guard.require(session, Permission.CLINICAL_CONFIRM);
        String n = note(note);
        return review(session, imageId, expectedVersion, e -> {
            if (!e.hasResult()) {
                throw new IllegalArgumentException("There is no model result to confirm; give your own label.");
            }
            return new Decision(LesionReviewOutcome.CONFIRMED, e.getAiLabel(), n);
        });
    }

    /**
     * The doctor's own label, in place of the model's (or where no model read the picture), with a note. Doctors
     * only; once per picture. Audited.
     *
     * @throws IllegalArgumentException for a blank or too long label or note, the model's own label, or no such
     *                                  picture
     * @throws IllegalStateException     when the picture was already reviewed
     * @throws ConcurrentChangeException when it changed since {@code expectedVersion} was read
     */
    public LesionImageSummary override(UserSession session, long imageId, String label, String note,
            long expectedVersion) {
        guard.require(session, Permission.CLINICAL_CONFIRM);
        if (blank(label)) {
            throw new IllegalArgumentException("Write the label you give this picture.");
        }
        String l = label.strip();
        if (l.length() > LesionImage.MAX_LABEL_LENGTH) {
            throw new IllegalArgumentException("The label is " + l.length() + " characters long; at most "
                    + LesionImage.MAX_LABEL_LENGTH + " can be stored.");
        }
        String n = note(note);
        return review(session, imageId, expectedVersion, e -> {
            if (!e.hasResult()) {
                return new Decision(LesionReviewOutcome.LABELLED, l, n);
            }
            if (e.getAiLabel().equalsIgnoreCase(l)) {
                throw new IllegalArgumentException("\"" + l + "\" is the model's own label: confirm it instead.");
            }
            return new Decision(LesionReviewOutcome.OVERRIDDEN, l, n);
        });
    }

    private static String note(String note) {
        String n = note == null || note.isBlank() ? null : note.strip();
        if (n != null && n.length() > LesionImage.MAX_NOTE_LENGTH) {
            throw new IllegalArgumentException("The note is " + n.length() + " characters long; at most "
                    + LesionImage.MAX_NOTE_LENGTH + " can be stored.");
        }
        return n;
    }

    private record Decision(LesionReviewOutcome outcome, String label, String note) {
    }

    private LesionImageSummary review(UserSession session, long imageId, long expectedVersion,
            java.util.function.Function<LesionImage, Decision> decide) {
        return db.inTransaction(s -> {
            LesionImage e = find(s, imageId);
            if (e.getVersion() != expectedVersion) {
                throw new ConcurrentChangeException(
                        "Someone else changed this picture meanwhile; reload it and try again.", null);
            }
            if (e.isReviewed()) {
                throw new IllegalStateException("This picture was already reviewed by " + e.getReviewedBy() + " at "
                        + e.getReviewedAt() + ".");
            }
            Decision d = decide.apply(e);
            e.review(d.outcome(), d.label(), d.note(), session.username(),
                    clock.instant().truncatedTo(ChronoUnit.MICROS));
            LesionImage saved = s.lesionImages().save(e);
            audit.record(s, session.actor(), AuditAction.LESION_REVIEW, "patient", String.valueOf(saved.getPatientId()),
                    "lesion=" + imageId + " outcome=" + d.outcome());
            return summary(saved);
        });
    }

    /**
     * Writes every reviewed picture to {@code dir}/images and a {@code labels.csv} beside it, for re-training a
     * model. No names or record numbers: patients appear as pseudonyms that group one patient's pictures within this
     * export only (a salted hash, the salt discarded). Refuses a folder that already holds a data set. Audited.
     *
     * @throws UncheckedIOException when the folder cannot be written
     */
    public DatasetExport exportDataset(UserSession session, Path dir) {
        guard.require(session, Permission.DATASET_EXPORT);
        Path labels = dir.resolve("labels.csv");
        if (Files.exists(labels)) {
            throw new IllegalArgumentException("The folder " + dir + " already holds a data set (labels.csv); choose "
                    + "an empty folder.");
        }
        List<LesionImage> reviewed = db.inTransaction(s -> {
            List<LesionImage> all = s.lesionImages().listReviewed();
            audit.record(s, session.actor(), AuditAction.DATASET_EXPORT, "lesion_image", null,
                    "images=" + all.size() + " folder=" + dir.getFileName());
            return all;
        });
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        try {
            Path images = Files.createDirectories(dir.resolve("images"));
            Path partial = dir.resolve("labels.csv.partial");
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                out.write(CSV_HEADER);
                out.write("\r\n");
                for (LesionImage e : reviewed) {
                    LesionImageContent c = db.inTransaction(s -> s.lesionImages().content(e.getId())).orElseThrow(
                            () -> new IllegalStateException("The picture of lesion image " + e.getId() + " is missing."));
                    String file = "images/" + e.getId() + "." + Pictures.extension(c.getMediaType());
                    Files.write(dir.resolve(file), c.getData());
                    out.write(row(e, file, pseudonym(salt, e.getPatientId())));
                    out.write("\r\n");
                }
            }
            Files.move(partial, labels, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Labelled data set exported: {} pictures", reviewed.size());
            return new DatasetExport(reviewed.size(), labels);
        } catch (IOException e) {
            throw new UncheckedIOException("The data set could not be written to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String pseudonym(byte[] salt, long patientId) {
        byte[] input = new byte[salt.length + 8];
        System.arraycopy(salt, 0, input, 0, salt.length);
        for (int i = 0; i < 8; i++) {
            input[salt.length + i] = (byte) (patientId >>> (56 - 8 * i));
        }
        return Pictures.sha256(input).substring(0, 16);
    }

    private static String row(LesionImage e, String file, String patient) {
        return String.join(",", e.getId().toString(), file, patient, e.getKind().name(), e.getSiteCode(),
                e.getSiteModifierCode() == null ? "" : e.getSiteModifierCode(), csv(e.getSiteDisplay()), e.getLaterality() == null ? "" : e.getLaterality().name(),
                csv(e.getReviewLabel()), e.getReviewOutcome().name(), csv(e.getAiLabel()), csv(e.getAiPositiveLabel()),
                e.getAiProbability() == null ? "" : e.getAiProbability().toPlainString(),
                e.getAiThreshold() == null ? "" : e.getAiThreshold().toPlainString(), csv(e.getAiModelName()),
                csv(e.getAiModelVersion()), csv(e.getReviewedBy()),
                e.getReviewedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString());
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break; a leading =, +, - or @ is defused for spreadsheets. */
    static String csv(String v) {
        if (v == null) {
            return "";
        }
        String s = v;
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    private static LesionImage find(org.vitalis.store.StoreSession s, long imageId) {
        return s.lesionImages().findById(imageId).orElseThrow(() -> new IllegalArgumentException(
                "No lesion picture with id " + imageId));
    }

    static LesionImageSummary summary(LesionImage e) {
        LesionQuality quality;
        try {
            quality = LesionQualityJson.read(e.getQualityJson());
        } catch (IllegalArgumentException damaged) {
            LOG.warn("Lesion image {}: stored quality report unreadable", e.getId());
            quality = new LesionQuality(List.of(new LesionQuality.Check("UNREADABLE", false, Double.NaN, Double.NaN,
                    damaged.getMessage())));
        }
        Optional<LesionResult> result = e.hasResult()
                ? Optional.of(new LesionResult(e.getAiLabel(), e.getAiPositiveLabel(), e.getAiProbability().doubleValue(),
                        e.getAiThreshold().doubleValue(), e.getAiModelName(), e.getAiModelVersion(),
                        e.getAiModelSha256(), e.getAiAt()))
                : Optional.empty();
        Optional<LesionReview> review = e.isReviewed()
                ? Optional.of(new LesionReview(e.getReviewOutcome(), e.getReviewLabel(), e.getReviewNote(),
                        e.getReviewedBy(), e.getReviewedAt()))
                : Optional.empty();
        return new LesionImageSummary(e.getId(), e.getPatientId(), e.getTakenAt(), e.getTakenBy(), e.getWorkstation(),
                e.getKind(), e.getSiteCode(), e.getSiteModifierCode(), e.getSiteDisplay(), e.getLaterality(), e.getSource(), e.getMediaType(),
                e.getWidth(), e.getHeight(), e.getByteCount(), e.getSha256(), e.getThumbnailPng(), quality,
                e.getQualityOverrideBy(), e.getQualityOverrideReason(), result, review, e.getVersion());
    }
}
