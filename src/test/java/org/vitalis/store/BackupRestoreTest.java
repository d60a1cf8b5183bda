package org.vitalis.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vitalis.domain.AuditAction;
import org.vitalis.domain.AuditEntry;
import org.vitalis.domain.Patient;
import org.vitalis.domain.PatientSummary;
import org.vitalis.ecg.format.EcgLead;
import org.vitalis.ecg.format.EcgRecord;
import org.vitalis.domain.BodySites;
import org.vitalis.domain.Laterality;
import org.vitalis.domain.LesionKind;
import org.vitalis.registry.EcgRecordingSummary;
import org.vitalis.registry.LesionDraft;
import org.vitalis.registry.LesionImageSummary;
import org.vitalis.registry.LesionPictures;
import org.vitalis.registry.EcgReview;
import org.vitalis.registry.PatientDraft;
import org.vitalis.registry.StoredEcg;
import org.vitalis.registry.SyntheticEcgs;
import org.vitalis.security.UserSession;
import org.vitalis.domain.Sex;

class BackupRestoreTest {
    @TempDir
    Path dir;

    private final BackupService backups = new BackupService(Clock.systemUTC());

    private static final Instant ECG_START = Instant.parse("2026-02-01T08:30:00Z");

    /** The recording {@link #populate} stores for the first patient. */
    private static EcgRecord ecg() {
        return SyntheticEcgs.twelveLead("backup", ECG_START, 11);
    }

    /** Patients (one with a photo and Arabic names and a confirmed 12-lead ECG), vitals, audit rows. */
    private static List<Long> populate(TestClinic c, int patients) {
        List<Long> ids = new ArrayList<>();
        byte[] photo = new byte[3000];
        for (int i = 0; i < photo.length; i++) {
            photo[i] = (byte) (i * 31);
        }
        ids.add(c.patients.register(c.nurse, new PatientDraft("Ahmad", "Haddad", "أَحْمَد", "الحَدّاد",
                LocalDate.of(1975, 1, 31), Sex.MALE, "+963 11 222 3344", "a@example.org", "Damascus", photo, "notes",
                List.of(), List.of())).getId());
        long ecgId = c.ecg.record(c.nurse, ids.getFirst(), ecg(), "cart:1").id();
        UserSession doctor = c.doctor();
        c.ecg.confirm(doctor, ecgId, "Sinus rhythm. Normal ECG.", c.ecg.open(doctor, ecgId).version());
        long lesion = c.lesions.storeFile(c.nurse, new LesionDraft(ids.getFirst(), LesionKind.DERMOSCOPIC,
                BodySites.HAND, Laterality.RIGHT), "hand.jpg", LESION_JPEG, LesionPictures.lesion(320, 240, 3),
                LesionPictures.blurred(), "Tremor; best of three").id();
        c.lesions.override(doctor, lesion, "nevus", "Regular network.", c.lesions.list(doctor, ids.getFirst())
                .getFirst().version());
        for (int i = 1; i < patients; i++) {
            Patient p = c.register("Given" + i, "Family" + i, LocalDate.of(1950 + i % 50, 1 + i % 12, 1 + i % 28), null);
            c.recordBp(p.getId(), 110 + i % 60, 70);
            ids.add(p.getId());
        }
        return ids;
    }

    private static final byte[] LESION_JPEG = LesionPictures.jpeg(LesionPictures.lesion(320, 240, 3));

    /** The first patient's lesion picture came back byte for byte, with its override and review. */
    private static void assertLesionRestored(TestClinic c, long patientId) {
        List<LesionImageSummary> pictures = c.lesions.list(c.nurse, patientId);
        assertThat(pictures).singleElement().satisfies(p -> {
            assertThat(p.overrideReason()).isEqualTo("Tremor; best of three");
            assertThat(p.quality()).isEqualTo(LesionPictures.blurred());
            assertThat(p.review()).hasValueSatisfying(r -> assertThat(r.label()).isEqualTo("nevus"));
            assertThat(c.lesions.open(c.nurse, p.id()).picture()).isEqualTo(LESION_JPEG);
        });
    }

    /** The first patient's ECG came back with the same integers, scale and confirmation. */
    private static long assertEcgRestored(TestClinic c, long patientId) {
        List<EcgRecordingSummary> ecgs = c.ecg.list(c.nurse, patientId);
        assertThat(ecgs).hasSize(1);
        StoredEcg back = c.ecg.open(c.nurse, ecgs.getFirst().id());
        EcgRecord expected = ecg();
        assertThat(back.record().samplingFrequency()).isEqualTo(expected.samplingFrequency());
        assertThat(back.record().start()).isEqualTo(ECG_START);
        for (int k = 0; k < expected.leads().size(); k++) {
            EcgLead a = back.record().leads().get(k);
            EcgLead e = expected.leads().get(k);
            assertThat(a.label()).isEqualTo(e.label());
            assertThat(a.samples()).isEqualTo(e.samples());
            assertThat(a.gain()).isEqualTo(e.gain());
            assertThat(a.baseline()).isEqualTo(e.baseline());
        }
        assertThat(back.summary().review()).map(EcgReview::confirmedBy).contains("doctor");
        assertThat(back.analysis().algorithmVersion()).isNotBlank();
        return back.summary().id();
    }

    @ParameterizedTest
    @MethodSource("org.vitalis.store.TestDatabases#kinds")
    void roundTripRestoresEverythingAndTheChainVerifies(DatabaseConfig.Kind kind) throws Exception {
        DatabaseConfig source = TestDatabases.fresh(kind, dir);
        Path file = dir.resolve("backup.vitalis.zip");
        List<Long> ids;
        long auditRows;
        BackupService.Manifest manifest;
        List<Double> progress = new ArrayList<>();
        try (TestClinic c = TestClinic.open(source)) {
            ids = populate(c, 30);
            auditRows = c.db.inTransaction(s -> s.audit().head().lastSeq());
            long t0 = System.nanoTime();
            manifest = backups.backup(c.db, file, progress::add, c.trail.logFor(c.admin()));
            System.out.printf("%s backup of %d rows: %d ms, %d bytes%n", kind, manifest.tables().stream()
                    .mapToLong(BackupService.TableEntry::rows).sum(), (System.nanoTime() - t0) / 1_000_000, Files.size(file));
            assertThat(lastAction(c.db)).isEqualTo(AuditAction.BACKUP);
            // New work after the backup is what a restore takes back.
            c.register("After", "Backup", LocalDate.of(2000, 1, 1), null);
        }
        assertThat(progress).isNotEmpty().isSorted();
        assertThat(progress.getLast()).isEqualTo(1.0);
        assertThat(manifest.rows("patient")).isEqualTo(30);
        assertThat(manifest.rows("ecg_recording")).isEqualTo(1);
        assertThat(manifest.rows("ecg_lead")).isEqualTo(12);
        assertThat(manifest.rows("ecg_measurement")).isPositive();
        assertThat(manifest.rows("lesion_image")).isEqualTo(1);
        assertThat(manifest.rows("lesion_image_content")).isEqualTo(1);
        assertThat(manifest.rows("audit_entry")).isEqualTo(auditRows);
        assertThat(BackupService.inspect(file).schemaVersion()).isEqualTo(manifest.schemaVersion());

        long t0 = System.nanoTime();
        RestoreResult result = backups.restore(source, file, p -> { }, auditLog(source));
        System.out.printf("%s restore: %d ms%n", kind, (System.nanoTime() - t0) / 1_000_000);
        assertThat(result.auditChainProblem()).isNull();
        assertThat(result.rowCounts().get("patient")).isEqualTo(30);
        assertThat(result.auditEntries()).isEqualTo(auditRows);

        try (TestClinic c = TestClinic.open(source)) {
            assertThat(c.patients.count(c.nurse)).isEqualTo(30);
            assertThat(c.patients.search(c.nurse, "after")).isEmpty();
            Patient ahmad = c.patients.open(c.nurse, ids.getFirst());
            assertThat(ahmad.getPhoto()).hasSize(3000);
            assertThat(ahmad.getPhoto()[7]).isEqualTo((byte) (7 * 31));
            assertThat(ahmad.getFamilyNameArabic()).isEqualTo("الحَدّاد");
            assertThat(c.patients.search(c.nurse, "احمد")).extracting(PatientSummary::id).containsExactly(ids.getFirst());
            assertThat(c.vitals.history(c.nurse, ids.get(5))).hasSize(2);
            long ecgId = assertEcgRestored(c, ids.getFirst());
            assertLesionRestored(c, ids.getFirst());
            // Sequences moved past the restored ids and MRNs: new registrations do not collide.
            Patient fresh = c.register("New", "Patient", LocalDate.of(2001, 1, 1), null);
            assertThat(fresh.getId()).isNotIn(ids);
            c.recordBp(fresh.getId(), 120, 80);
            assertThat(c.ecg.record(c.nurse, fresh.getId(), ecg(), "cart:1").id()).isNotEqualTo(ecgId);
            assertThat(c.verify().intact()).isTrue();
            assertThat(c.db.<List<AuditEntry>>inTransaction(s -> s.audit().search(null, null, "admin", AuditAction.RESTORE, null, 10)))
                    .singleElement().satisfies(e -> assertThat(e.getDetail()).contains("chain=intact"));
        }
    }

    @Test
    void crossDatabaseRestoreH2ToPostgresAndBack() throws Exception {
        DatabaseConfig h2 = TestDatabases.fresh(DatabaseConfig.Kind.H2, dir);
        DatabaseConfig pg = TestDatabases.fresh(DatabaseConfig.Kind.POSTGRESQL, dir);
        Path fromH2 = dir.resolve("from-h2.zip");
        Path fromPg = dir.resolve("from-pg.zip");
        List<Long> ids;
        try (TestClinic c = TestClinic.open(h2)) {
            ids = populate(c, 10);
            backups.backup(c.db, fromH2, p -> { }, c.trail.logFor(c.admin()));
        }
        RestoreResult intoPg = backups.restore(pg, fromH2, p -> { }, auditLog(pg));
        assertThat(intoPg.sourceKind()).isEqualTo(DatabaseConfig.Kind.H2);
        assertThat(intoPg.auditChainProblem()).isNull();
        try (TestClinic c = TestClinic.open(pg)) {
            assertThat(c.patients.open(c.nurse, ids.getFirst()).getGivenNameArabic()).isEqualTo("أَحْمَد");
            assertEcgRestored(c, ids.getFirst());
            assertLesionRestored(c, ids.getFirst());
            c.register("Only", "Postgres", LocalDate.of(1999, 9, 9), null);
            backups.backup(c.db, fromPg, p -> { }, c.trail.logFor(c.admin()));
        }
        DatabaseConfig h2Again = TestDatabases.fresh(DatabaseConfig.Kind.H2, dir);
        RestoreResult intoH2 = backups.restore(h2Again, fromPg, p -> { }, auditLog(h2Again));
        assertThat(intoH2.sourceKind()).isEqualTo(DatabaseConfig.Kind.POSTGRESQL);
        assertThat(intoH2.auditChainProblem()).isNull();
        try (TestClinic c = TestClinic.open(h2Again)) {
            assertThat(c.patients.count(c.nurse)).isEqualTo(11);
            assertThat(c.patients.open(c.nurse, ids.getFirst()).getPhoto()).hasSize(3000);
            assertEcgRestored(c, ids.getFirst());
            assertThat(c.verify().intact()).isTrue();
        }
    }

    /** A backup made before ECG recordings existed (schema 2) restores into the newest schema, without ECGs. */
    @ParameterizedTest
    @MethodSource("org.vitalis.store.TestDatabases#kinds")
    void aBackupOfAnOlderSchemaWithoutTheNewerTablesRestores(DatabaseConfig.Kind kind) throws Exception {
        DatabaseConfig config = TestDatabases.fresh(kind, dir);
        Path file = dir.resolve("current.zip");
        try (TestClinic c = TestClinic.open(config)) {
            populate(c, 3);
            backups.backup(c.db, file, p -> { }, c.trail.logFor(c.admin()));
        }
        byte[] zip = Files.readAllBytes(file);
        for (String t : List.of("ecg_recording", "ecg_lead", "ecg_measurement", "lesion_image", "lesion_image_content")) {
            zip = withoutEntry(zip, "tables/" + t + ".jsonl");
        }
        byte[] old = rewrite(zip, "manifest.json", m -> {
            try {
                var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
                var root = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(m);
                root.put("schemaVersion", "2");
                var tables = (com.fasterxml.jackson.databind.node.ArrayNode) root.get("tables");
                for (int i = tables.size() - 1; i >= 0; i--) {
                    String name = tables.get(i).get("name").asText();
                    if (name.startsWith("ecg_") || name.startsWith("lesion_")) {
                        tables.remove(i);
                    }
                }
                return mapper.writeValueAsString(root);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Path oldFile = dir.resolve("schema-2.zip");
        Files.write(oldFile, old);
        assertThat(BackupService.inspect(oldFile).schemaVersion()).isEqualTo("2");
        // The same file claiming the newest schema lacks tables that schema has: refused.
        Path lying = dir.resolve("lying.zip");
        Files.write(lying, rewrite(old, "manifest.json", m -> m.replace("\"schemaVersion\":\"2\"", "\"schemaVersion\":\"3\"")));
        assertThatThrownBy(() -> BackupService.inspect(lying)).isInstanceOf(NotAVitalisBackupException.class)
                .hasMessageContaining("expects");

        RestoreResult r = backups.restore(config, oldFile, p -> { }, auditLog(config));
        assertThat(r.auditChainProblem()).isNull();
        try (TestClinic c = TestClinic.open(config)) {
            assertThat(c.patients.count(c.nurse)).isEqualTo(3);
            assertThat(TestDatabases.count(config, "ecg_recording")).isZero();
            long patient = c.register("After", "Restore", LocalDate.of(1999, 1, 1), null).getId();
            assertThat(c.ecg.record(c.nurse, patient, ecg(), "cart:1").id()).isPositive();
            assertThat(c.verify().intact()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("org.vitalis.store.TestDatabases#kinds")
    void backupWhileAnotherConnectionKeepsWritingIsConsistent(DatabaseConfig.Kind kind) throws Exception {
        DatabaseConfig config = TestDatabases.fresh(kind, dir);
        Path file = dir.resolve("live.zip");
        try (TestClinic c = TestClinic.open(config)) {
            List<Long> ids = populate(c, 5);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger written = new AtomicInteger();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            // Another workstation on PostgreSQL; on H2 another thread of the running app.
            Database writerDb = kind == DatabaseConfig.Kind.POSTGRESQL ? Database.open(config) : c.db;
            TestClinic writer = kind == DatabaseConfig.Kind.POSTGRESQL ? TestClinic.open(config) : c;
            Thread t = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        writer.recordBp(ids.get(written.get() % ids.size()), 120, 80);
                        written.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            t.start();
            try {
                while (written.get() < 5) {
                    Thread.sleep(10);
                }
                for (int round = 0; round < 3; round++) {
                    backups.backup(c.db, file, p -> { }, c.trail.logFor(c.admin()));
                }
                while (written.get() < 20) {
                    Thread.sleep(10);
                }
            } finally {
                stop.set(true);
                t.join();
                if (writer != c) {
                    writer.close();
                    writerDb.close();
                }
            }
            assertThat(failure.get()).isNull();
            assertThat(written.get()).isGreaterThanOrEqualTo(20);
        }
        BackupService.Manifest m = BackupService.inspect(file);
        // Every observation entry writes one audit row in the same transaction: a torn snapshot
        // would show observations without their audit rows or the reverse.
        DatabaseConfig target = TestDatabases.fresh(kind, dir);
        RestoreResult r = backups.restore(target, file, p -> { }, auditLog(target));
        assertThat(r.auditChainProblem()).isNull();
        try (Database db = Database.open(target)) {
            long obsCreates = db.<Long>inTransaction(s -> (long) s.audit().search(null, null, null,
                    AuditAction.OBSERVATION_CREATE, null, Integer.MAX_VALUE).size());
            assertThat(m.rows("observation")).isEqualTo(obsCreates * 2);
        }
    }

    @ParameterizedTest
    @MethodSource("org.vitalis.store.TestDatabases#kinds")
    void refusedFilesChangeNothing(DatabaseConfig.Kind kind) throws Exception {
        DatabaseConfig config = TestDatabases.fresh(kind, dir);
        Path good = dir.resolve("good.zip");
        long patients;
        long audit;
        try (TestClinic c = TestClinic.open(config)) {
            populate(c, 3);
            backups.backup(c.db, good, p -> { }, c.trail.logFor(c.admin()));
            c.register("Kept", "Afterwards", LocalDate.of(1990, 1, 1), null);
            patients = c.patients.count(c.nurse);
            audit = c.db.inTransaction(s -> s.audit().head().lastSeq());
        }
        byte[] zip = Files.readAllBytes(good);
        List<byte[]> bad = List.of(
                "just some text".getBytes(StandardCharsets.UTF_8),
                new byte[0],
                java.util.Arrays.copyOf(zip, zip.length / 2),
                rewrite(zip, "manifest.json", s -> s.replace("vitalis-backup", "other-backup")),
                rewrite(zip, "manifest.json", s -> s.substring(0, s.length() / 2)),
                rewrite(zip, "manifest.json", s -> s.replaceFirst("\"schemaVersion\" : \"[0-9.]+\"", "\"schemaVersion\" : \"999\"")),
                rewrite(zip, "tables/patient.jsonl", s -> s.replace("Given1", "Given7")),
                rewrite(zip, "tables/audit_entry.jsonl", s -> s.substring(0, s.lastIndexOf('\n', s.length() - 2) + 1)),
                withoutEntry(zip, "tables/observation.jsonl"),
                withoutEntry(zip, "manifest.json"));
        for (int i = 0; i < bad.size(); i++) {
            Path f = dir.resolve("bad-" + i + ".zip");
            Files.write(f, bad.get(i));
            assertThatThrownBy(() -> backups.restore(config, f, p -> { }, auditLog(config)))
                    .as("bad file %d", i).isInstanceOf(NotAVitalisBackupException.class);
        }
        assertThatThrownBy(() -> backups.restore(config, dir.resolve("missing.zip"), p -> { }, auditLog(config)))
                .isInstanceOf(NotAVitalisBackupException.class).hasMessageContaining("no backup file");
        try (TestClinic c = TestClinic.open(config)) {
            assertThat(c.patients.count(c.nurse)).isEqualTo(patients);
            assertThat((long) c.db.<Long>inTransaction(s -> s.audit().head().lastSeq())).isEqualTo(audit);
            assertThat(c.verify().intact()).isTrue();
            // While the database is open here, restore refuses and changes nothing.
            assertThatThrownBy(() -> backups.restore(config, good, p -> { }, c.trail.logFor(c.admin())))
                    .isInstanceOf(StoreException.class).hasMessageContaining("close Vitalis on this workstation first");
            assertThat(c.patients.count(c.nurse)).isEqualTo(patients);
        }
    }

    @ParameterizedTest
    @MethodSource("org.vitalis.store.TestDatabases#kinds")
    void aRestoreThatFailsWhileWritingPutsThePreviousDataBack(DatabaseConfig.Kind kind) throws Exception {
        DatabaseConfig config = TestDatabases.fresh(kind, dir);
        Path good = dir.resolve("good.zip");
        long patients;
        try (TestClinic c = TestClinic.open(config)) {
            populate(c, 3);
            backups.backup(c.db, good, p -> { }, c.trail.logFor(c.admin()));
            c.register("Only", "Here", LocalDate.of(1990, 1, 1), null);
            patients = c.patients.count(c.nurse);
        }
        // Well-formed, checksums right, but two patients share an id: the database refuses half-way.
        byte[] hostile = withTable(Files.readAllBytes(good), "patient", rows -> rows + rows.substring(0, rows.indexOf('\n') + 1));
        Path file = dir.resolve("duplicate-id.zip");
        Files.write(file, hostile);
        assertThat(BackupService.inspect(file).rows("patient")).isEqualTo(4);
        assertThatThrownBy(() -> backups.restore(config, file, p -> { }, auditLog(config)))
                .isInstanceOf(StoreException.class).hasMessageContaining("has been put back");
        try (TestClinic c = TestClinic.open(config)) {
            assertThat(c.patients.count(c.nurse)).isEqualTo(patients);
            assertThat(c.patients.search(c.nurse, "only here")).hasSize(1);
            assertThat(c.verify().intact()).isTrue();
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("vitalis-before-restore"));
        }
    }

    /** Changes one table's rows and fixes the manifest's row count and checksum to match. */
    static byte[] withTable(byte[] zip, String table, java.util.function.UnaryOperator<String> change) throws Exception {
        String entry = "tables/" + table + ".jsonl";
        String[] changed = new String[1];
        byte[] step = transform(zip, entry, s -> changed[0] = change.apply(s));
        byte[] data = changed[0].getBytes(StandardCharsets.UTF_8);
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
        long rows = changed[0].chars().filter(ch -> ch == '\n').count();
        return transform(step, "manifest.json", m -> {
            try {
                var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
                var root = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(m);
                for (var t : root.get("tables")) {
                    if (t.get("name").asText().equals(table)) {
                        ((com.fasterxml.jackson.databind.node.ObjectNode) t).put("rows", rows).put("sha256", sha);
                    }
                }
                return mapper.writeValueAsString(root);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void restoreRefusesWhileAnotherPostgresSessionIsConnected() throws Exception {
        DatabaseConfig config = TestDatabases.fresh(DatabaseConfig.Kind.POSTGRESQL, dir);
        Path file = dir.resolve("pg.zip");
        try (TestClinic c = TestClinic.open(config)) {
            populate(c, 2);
            backups.backup(c.db, file, p -> { }, c.trail.logFor(c.admin()));
        }
        try (var other = TestDatabases.connect(config)) {
            assertThat(other.isValid(5)).isTrue();
            assertThatThrownBy(() -> backups.restore(config, file, p -> { }, auditLog(config)))
                    .isInstanceOf(StoreException.class).hasMessageContaining("close Vitalis on every workstation");
        }
        assertThat(TestDatabases.count(config, "patient")).isEqualTo(2);
    }

    static AuditLog auditLog(DatabaseConfig config) {
        return new org.vitalis.security.AuditTrail(Clock.systemUTC()).logFor(new org.vitalis.security.Actor("admin", "ws-test"));
    }

    private static AuditAction lastAction(Database db) {
        return lastActions(db, 1).getFirst();
    }

    private static List<AuditAction> lastActions(Database db, int n) {
        return db.inTransaction(s -> s.audit().search(null, null, null, null, null, n)).stream()
                .map(AuditEntry::getAction).toList();
    }

    static byte[] rewrite(byte[] zip, String entry, java.util.function.UnaryOperator<String> change) throws IOException {
        return transform(zip, entry, change);
    }

    static byte[] withoutEntry(byte[] zip, String entry) throws IOException {
        return transform(zip, entry, null);
    }

    private static byte[] transform(byte[] zip, String entry, java.util.function.UnaryOperator<String> change)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip));
                ZipOutputStream z = new ZipOutputStream(out)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] data = ((InputStream) in).readAllBytes();
                if (e.getName().equals(entry)) {
                    if (change == null) {
                        continue;
                    }
                    data = change.apply(new String(data, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(data);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
