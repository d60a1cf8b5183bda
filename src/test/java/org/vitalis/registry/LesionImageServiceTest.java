package org.vitalis.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vitalis.domain.AuditAction;
import org.vitalis.domain.AuditEntry;
import org.vitalis.domain.BodySites;
import org.vitalis.domain.Laterality;
import org.vitalis.domain.LesionKind;
import org.vitalis.domain.LesionReviewOutcome;
import org.vitalis.domain.Role;
import org.vitalis.security.AccessDeniedException;
import org.vitalis.security.UserSession;
import org.vitalis.store.ConcurrentChangeException;
import org.vitalis.store.DatabaseConfig;
import org.vitalis.store.TestClinic;
import org.vitalis.store.TestDatabases;

/** Storing, reading, reviewing and exporting lesion pictures over a real H2 file and a real PostgreSQL database. */
class LesionImageServiceTest {
    @TempDir
    Path dir;

    private static List<AuditEntry> audit(TestClinic c, AuditAction action) {
        return c.db.inTransaction(s -> s.audit().search(null, null, null, action, null, 100));
    }

    private static LesionDraft forearm(long patient) {
        return new LesionDraft(patient, LesionKind.DERMOSCOPIC, BodySites.FOREARM_BACK, Laterality.LEFT);
    }

    private static UserSession admin(TestClinic c) {
        long id = c.db.inTransaction(s -> s.users().findByUsername("admin").orElseThrow().getId());
        return new UserSession(id, "admin", "Admin", Role.ADMIN, "ws-test", java.time.Instant.now());
    }

    @ParameterizedTest
    @MethodSource("org.vitalis.store.TestDatabases#kinds")
    void aCameraFrameIsStoredLosslesslyAndAnImportedFileAsItWas(DatabaseConfig.Kind kind) throws Exception {
        try (TestClinic c = TestClinic.open(TestDatabases.fresh(kind, dir))) {
            long patient = c.register("Huda", "Saleh", LocalDate.of(1961, 3, 2), null).getId();
            BufferedImage frame = LesionPictures.lesion(640, 480, 3);
            LesionImageSummary stored = c.lesions.storeFrame(c.nurse, forearm(patient), frame, "Dermatoscope",
                    LesionPictures.passed(), "ignored when checks pass");
            assertThat(stored.mediaType()).isEqualTo("image/png");
            assertThat(stored.source()).isEqualTo("camera:Dermatoscope");
            assertThat(stored.overrideReason()).isNull();
            assertThat(stored.quality()).isEqualTo(LesionPictures.passed());
            assertThat(stored.siteCode()).isEqualTo("41550009");
            assertThat(stored.siteDisplay()).isEqualTo("Skin of posterior surface of forearm");
            BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(stored.thumbnailPng()));
            assertThat(Math.max(thumb.getWidth(), thumb.getHeight())).isEqualTo(256);

            StoredLesion back = c.lesions.open(c.nurse, stored.id());
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(back.picture()));
            for (int y = 0; y < frame.getHeight(); y += 7) {
                for (int x = 0; x < frame.getWidth(); x += 5) {
                    assertThat(decoded.getRGB(x, y) & 0xFFFFFF).isEqualTo(frame.getRGB(x, y) & 0xFFFFFF);
                }
            }
            assertThat(stored.sha256()).isEqualTo(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(back.picture())));

            byte[] jpeg = LesionPictures.jpeg(LesionPictures.lesion(800, 600, 9));
            LesionImageSummary imported = c.lesions.storeFile(c.nurse, new LesionDraft(patient, LesionKind.ORAL,
                    BodySites.BUCCAL_MUCOSA, Laterality.RIGHT), "IMG_0007.JPG", jpeg,
                    ImageIO.read(new ByteArrayInputStream(jpeg)), LesionPictures.passed(), null);
            StoredLesion jpegBack = c.lesions.open(c.nurse, imported.id());
            assertThat(jpegBack.picture()).isEqualTo(jpeg);
            assertThat(jpegBack.mediaType()).isEqualTo("image/jpeg");
            assertThat(imported.source()).isEqualTo("import:IMG_0007.JPG");
            assertThat(imported.width()).isEqualTo(800);

            assertThat(c.lesions.list(c.nurse, patient)).extracting(LesionImageSummary::id)
                    .containsExactly(imported.id(), stored.id());
            assertThat(audit(c, AuditAction.LESION_CAPTURE)).hasSize(2).allSatisfy(e -> {
                assertThat(e.getUsername()).isEqualTo("nurse");
                assertThat(e.getEntityId()).isEqualTo(String.valueOf(patient));
            });
            assertThatThrownBy(() -> c.lesions.storeFile(c.nurse, forearm(patient), "notes.txt",
                    "hello".getBytes(StandardCharsets.UTF_8), frame, LesionPictures.passed(), null))
                    .hasMessageContaining("not a PNG, JPEG or BMP");
            assertThat(c.verify().intact()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("org.vitalis.store.TestDatabases#kinds")
    void aPictureThatFailedACheckIsKeptOnlyWithAReasonAndWhoGaveIt(DatabaseConfig.Kind kind) throws Exception {
        try (TestClinic c = TestClinic.open(TestDatabases.fresh(kind, dir))) {
            long patient = c.register("Omar", "Khalil", LocalDate.of(1980, 5, 6), null).getId();
            BufferedImage frame = LesionPictures.lesion(320, 240, 1);
            for (String reason : new String[] {null, "", "   "}) {
                assertThatThrownBy(() -> c.lesions.storeFrame(c.nurse, forearm(patient), frame, "Cam",
                        LesionPictures.blurred(), reason)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("failed the quality check (BLUR)")
                        .hasMessageContaining("retake it, or say why");
            }
            assertThat(c.db.<Long>inTransaction(s -> s.lesionImages().count())).isZero();
            assertThat(audit(c, AuditAction.LESION_CAPTURE)).isEmpty();

            LesionImageSummary kept = c.lesions.storeFrame(c.nurse, forearm(patient), frame, "Cam",
                    LesionPictures.blurred(), "  Patient cannot hold still; best of three.  ");
            assertThat(kept.overrideBy()).isEqualTo("nurse");
            assertThat(kept.overrideReason()).isEqualTo("Patient cannot hold still; best of three.");
            assertThat(kept.quality().failed()).extracting(LesionQuality.Check::kind).containsExactly("BLUR");
            assertThat(audit(c, AuditAction.LESION_CAPTURE)).singleElement()
                    .satisfies(e -> assertThat(e.getDetail()).contains("quality=overridden"));
            assertThatThrownBy(() -> c.lesions.storeFrame(c.nurse, forearm(patient), frame, "Cam",
                    LesionPictures.blurred(), "x".repeat(1001))).hasMessageContaining("at most 1000");
            // The database itself refuses a failed picture without a reason, whoever writes it.
            assertThatThrownBy(() -> TestDatabases.update(c.db.config(),
                    "update lesion_image set quality_override_by = null, quality_override_reason = null"))
                    .isInstanceOf(java.sql.SQLException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("org.vitalis.store.TestDatabases#kinds")
    void sitesMustFitTheKindAndPairedSitesNameTheSide(DatabaseConfig.Kind kind) throws Exception {
        try (TestClinic c = TestClinic.open(TestDatabases.fresh(kind, dir))) {
            long patient = c.register("Rana", "Aziz", LocalDate.of(1990, 2, 3), null).getId();
            BufferedImage frame = LesionPictures.lesion(64, 64, 2);
            LesionQuality ok = LesionPictures.passed();
            assertThatThrownBy(() -> c.lesions.storeFrame(c.nurse, new LesionDraft(patient, LesionKind.SKIN_CLINICAL,
                    BodySites.TONGUE_DORSUM, null), frame, "Cam", ok, null)).hasMessageContaining("not a site for a skin clinical");
            assertThatThrownBy(() -> c.lesions.storeFrame(c.nurse, new LesionDraft(patient, LesionKind.SKIN_CLINICAL,
                    BodySites.HAND, null), frame, "Cam", ok, null)).hasMessageContaining("say which side");
            assertThatThrownBy(() -> c.lesions.storeFrame(c.nurse, new LesionDraft(patient, LesionKind.SKIN_CLINICAL,
                    BodySites.FACE, Laterality.LEFT), frame, "Cam", ok, null)).hasMessageContaining("no left or right");
            assertThatThrownBy(() -> c.lesions.storeFrame(c.nurse, forearm(patient + 1000), frame, "Cam", ok, null))
                    .hasMessageContaining("No patient");
            assertThatThrownBy(() -> c.lesions.storeFrame(c.nurse, forearm(patient), frame, "Cam", null, null))
                    .hasMessageContaining("quality was not checked");

            // The same site over time: oldest first, each side apart.
            long a = c.lesions.storeFrame(c.nurse, forearm(patient), frame, "Cam", ok, null).id();
            long b = c.lesions.storeFrame(c.nurse, new LesionDraft(patient, LesionKind.DERMOSCOPIC,
                    BodySites.FOREARM_BACK, Laterality.RIGHT), frame, "Cam", ok, null).id();
            long d = c.lesions.storeFrame(c.nurse, forearm(patient), frame, "Cam", ok, null).id();
            assertThat(c.lesions.bySite(c.nurse, patient, "41550009", null, Laterality.LEFT))
                    .extracting(LesionImageSummary::id).containsExactly(a, d);
            assertThat(c.lesions.bySite(c.nurse, patient, "41550009", null, Laterality.RIGHT))
                    .extracting(LesionImageSummary::id).containsExactly(b);
            assertThat(c.lesions.bySite(c.nurse, patient, "73897004", null, null)).isEmpty();

            // Parts of one structure are different sites: the tongue's dorsum is not its left border.
            assertThatThrownBy(() -> c.lesions.storeFrame(c.nurse, new LesionDraft(patient, LesionKind.ORAL,
                    BodySites.TONGUE_BORDER, null), frame, "Cam", ok, null)).hasMessageContaining("say which side");
            long dorsum = c.lesions.storeFrame(c.nurse, new LesionDraft(patient, LesionKind.ORAL,
                    BodySites.TONGUE_DORSUM, null), frame, "Cam", ok, null).id();
            LesionImageSummary border = c.lesions.storeFrame(c.nurse, new LesionDraft(patient, LesionKind.ORAL,
                    BodySites.TONGUE_BORDER, Laterality.LEFT), frame, "Cam", ok, null);
            assertThat(border.siteCode()).isEqualTo("8001006");
            assertThat(border.siteModifierCode()).isEqualTo("49370004");
            assertThat(border.siteKey()).isEqualTo(BodySites.TONGUE_BORDER.key());
            assertThat(c.lesions.bySite(c.nurse, patient, "8001006", "264217000", null))
                    .extracting(LesionImageSummary::id).containsExactly(dorsum);
            assertThat(c.lesions.bySite(c.nurse, patient, "8001006", "49370004", Laterality.LEFT))
                    .extracting(LesionImageSummary::id).containsExactly(border.id());
            assertThat(c.lesions.bySite(c.nurse, patient, "8001006", null, null)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("org.vitalis.store.TestDatabases#kinds")
    void doctorsConfirmOrOverrideOnceNursesCannot(DatabaseConfig.Kind kind) throws Exception {
        try (TestClinic c = TestClinic.open(TestDatabases.fresh(kind, dir))) {
            long patient = c.register("Sami", "Nader", LocalDate.of(1970, 7, 8), null).getId();
            UserSession doctor = c.doctor();
            BufferedImage frame = LesionPictures.lesion(128, 96, 4);
            long first = c.lesions.storeFrame(c.nurse, forearm(patient), frame, "Cam", LesionPictures.passed(), null).id();
            long second = c.lesions.storeFrame(c.nurse, forearm(patient), frame, "Cam", LesionPictures.passed(), null).id();
            long oral = c.lesions.storeFrame(c.nurse, new LesionDraft(patient, LesionKind.ORAL, BodySites.TONGUE_DORSUM, null),
                    frame, "Cam", LesionPictures.passed(), null).id();
            assertThat(c.lesions.awaitingReview(doctor)).isEmpty();

            LesionImageSummary withResult = c.lesions.attachResult(c.nurse, first, LesionPictures.result("melanoma", 0.8123456));
            assertThat(withResult.result()).hasValueSatisfying(r -> {
                assertThat(r.probability()).isEqualTo(0.81235);
                assertThat(r.positiveLabel()).isEqualTo("melanoma");
                assertThat(r.threshold()).isEqualTo(0.35);
                assertThat(r.modelName()).isEqualTo("skin-lesion-test");
            });
            c.lesions.attachResult(c.nurse, second, LesionPictures.result("nevus", 0.91));
            assertThatThrownBy(() -> c.lesions.attachResult(c.nurse, first, LesionPictures.result("nevus", 0.5)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("already has the result");
            assertThatThrownBy(() -> c.lesions.attachResult(c.nurse, oral, LesionPictures.result("x", 1.5)))
                    .hasMessageContaining("between 0 and 1");
            assertThat(c.lesions.awaitingReview(c.nurse)).extracting(LesionImageSummary::id).containsExactly(first, second);

            assertThatThrownBy(() -> c.lesions.confirm(c.nurse, first, null, withResult.version()))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(audit(c, AuditAction.ACCESS_DENIED)).singleElement()
                    .satisfies(e -> assertThat(e.getEntityId()).isEqualTo("CLINICAL_CONFIRM"));
            assertThatThrownBy(() -> c.lesions.confirm(doctor, first, null, withResult.version() - 1))
                    .isInstanceOf(ConcurrentChangeException.class);

            LesionImageSummary confirmed = c.lesions.confirm(doctor, first, "Asymmetric, two colours.", withResult.version());
            assertThat(confirmed.review()).hasValueSatisfying(r -> {
                assertThat(r.outcome()).isEqualTo(LesionReviewOutcome.CONFIRMED);
                assertThat(r.label()).isEqualTo("melanoma");
                assertThat(r.note()).isEqualTo("Asymmetric, two colours.");
                assertThat(r.reviewedBy()).isEqualTo("doctor");
            });
            assertThatThrownBy(() -> c.lesions.override(doctor, first, "nevus", null, confirmed.version()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("already reviewed by doctor");

            long v2 = c.lesions.list(doctor, patient).stream().filter(s -> s.id() == second).findFirst().orElseThrow().version();
            assertThatThrownBy(() -> c.lesions.override(doctor, second, "NEVUS", null, v2))
                    .hasMessageContaining("model's own label");
            assertThatThrownBy(() -> c.lesions.override(doctor, second, " ", null, v2)).hasMessageContaining("Write the label");
            assertThat(c.lesions.override(doctor, second, "seborrhoeic keratosis", "Stuck-on look.", v2).review())
                    .hasValueSatisfying(r -> assertThat(r.outcome()).isEqualTo(LesionReviewOutcome.OVERRIDDEN));

            long vo = c.lesions.list(doctor, patient).stream().filter(s -> s.id() == oral).findFirst().orElseThrow().version();
            assertThatThrownBy(() -> c.lesions.confirm(doctor, oral, null, vo)).hasMessageContaining("no model result");
            assertThat(c.lesions.override(doctor, oral, "leukoplakia", null, vo).review())
                    .hasValueSatisfying(r -> assertThat(r.outcome()).isEqualTo(LesionReviewOutcome.LABELLED));

            assertThat(c.lesions.awaitingReview(doctor)).isEmpty();
            assertThat(audit(c, AuditAction.LESION_REVIEW)).hasSize(3).allSatisfy(e -> assertThat(e.getUsername())
                    .isEqualTo("doctor"));
            assertThat(audit(c, AuditAction.LESION_RESULT)).hasSize(2);
            assertThat(c.verify().intact()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("org.vitalis.store.TestDatabases#kinds")
    void reviewedPicturesExportAsAPseudonymousLabelledDataSet(DatabaseConfig.Kind kind) throws Exception {
        try (TestClinic c = TestClinic.open(TestDatabases.fresh(kind, dir))) {
            long huda = c.register("Huda", "Saleh", LocalDate.of(1961, 3, 2), "+962 6 555 0101").getId();
            long omar = c.register("Omar", "Khalil", LocalDate.of(1980, 5, 6), null).getId();
            UserSession doctor = c.doctor();
            byte[] jpeg = LesionPictures.jpeg(LesionPictures.lesion(300, 200, 5));
            long a = c.lesions.storeFile(c.nurse, forearm(huda), "a.jpg", jpeg, ImageIO.read(new ByteArrayInputStream(jpeg)),
                    LesionPictures.passed(), null).id();
            long b = c.lesions.storeFrame(c.nurse, new LesionDraft(huda, LesionKind.SKIN_CLINICAL, BodySites.FACE, null),
                    LesionPictures.lesion(200, 200, 6), "Cam", LesionPictures.passed(), null).id();
            long d = c.lesions.storeFrame(c.nurse, forearm(omar), LesionPictures.lesion(200, 200, 7), "Cam",
                    LesionPictures.passed(), null).id();
            long unreviewed = c.lesions.storeFrame(c.nurse, forearm(omar), LesionPictures.lesion(90, 90, 8), "Cam",
                    LesionPictures.passed(), null).id();
            c.lesions.confirm(doctor, a, null, c.lesions.attachResult(c.nurse, a, LesionPictures.result("nevus", 0.7)).version());
            c.lesions.override(doctor, b, "basal cell carcinoma, \"nodular\"", null,
                    c.lesions.attachResult(c.nurse, b, LesionPictures.result("nevus", 0.6)).version());
            c.lesions.override(doctor, d, "=HYPERLINK(1)", null, c.lesions.list(doctor, omar).stream()
                    .filter(s -> s.id() == d).findFirst().orElseThrow().version());

            Path out = dir.resolve("dataset");
            assertThatThrownBy(() -> c.lesions.exportDataset(c.nurse, out)).isInstanceOf(AccessDeniedException.class);
            DatasetExport export = c.lesions.exportDataset(doctor, out);
            assertThat(export.images()).isEqualTo(3);
            List<String> lines = Files.readAllLines(export.labelsCsv());
            assertThat(lines.getFirst()).isEqualTo("image_id,file,patient,kind,site_code,site_modifier_code,site,laterality,"
                    + "label,outcome,"
                    + "model_label,model_positive_label,model_probability,model_threshold,model,model_version,reviewer,"
                    + "reviewed_on");
            assertThat(lines).hasSize(4);
            assertThat(lines.get(1)).startsWith(a + ",images/" + a + ".jpg,").contains(",DERMOSCOPIC,41550009,,")
                    .contains(",LEFT,nevus,CONFIRMED,nevus,melanoma,0.70000,0.35000,skin-lesion-test,1.0.0,doctor,");
            assertThat(lines.get(2)).contains(",\"basal cell carcinoma, \"\"nodular\"\"\",OVERRIDDEN,");
            assertThat(lines.get(3)).contains(",'=HYPERLINK(1),LABELLED,,,,,,,doctor,");
            String pseudonymA = lines.get(1).split(",")[2];
            assertThat(lines.get(2).split(",")[2]).as("one patient, one pseudonym").isEqualTo(pseudonymA);
            assertThat(lines.get(3).split(",")[2]).isNotEqualTo(pseudonymA).hasSize(16);
            String all = String.join("\n", lines);
            assertThat(all).doesNotContain("Huda", "Saleh", "Omar", "Khalil", "555", String.valueOf(unreviewed) + ",images");
            assertThat(Files.readAllBytes(out.resolve("images/" + a + ".jpg"))).isEqualTo(jpeg);
            assertThat(ImageIO.read(out.resolve("images/" + b + ".png").toFile()).getWidth()).isEqualTo(200);
            assertThat(audit(c, AuditAction.DATASET_EXPORT)).singleElement().satisfies(e -> {
                assertThat(e.getUsername()).isEqualTo("doctor");
                assertThat(e.getDetail()).contains("images=3");
            });
            assertThatThrownBy(() -> c.lesions.exportDataset(doctor, out)).hasMessageContaining("already holds a data set");

            DatasetExport byAdmin = c.lesions.exportDataset(admin(c), dir.resolve("admin-export"));
            assertThat(byAdmin.images()).isEqualTo(3);
            String adminPseudonym = Files.readAllLines(byAdmin.labelsCsv()).get(1).split(",")[2];
            assertThat(adminPseudonym).as("pseudonyms do not link exports").isNotEqualTo(pseudonymA);
        }
    }
}
