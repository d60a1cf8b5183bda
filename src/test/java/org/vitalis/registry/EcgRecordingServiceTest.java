package org.vitalis.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vitalis.domain.AuditAction;
import org.vitalis.domain.AuditEntry;
import org.vitalis.domain.EcgRecording;
import org.vitalis.ecg.SharedData;
import org.vitalis.ecg.format.EcgLead;
import org.vitalis.ecg.format.EcgRecord;
import org.vitalis.ecg.format.WfdbFiles;
import org.vitalis.ecg.signal.EcgAnalysis;
import org.vitalis.ecg.signal.EcgAnalyzer;
import org.vitalis.ecg.signal.EcgLoinc;
import org.vitalis.ecg.signal.Intervals;
import org.vitalis.security.AccessDeniedException;
import org.vitalis.security.UserSession;
import org.vitalis.store.ConcurrentChangeException;
import org.vitalis.store.DatabaseConfig;
import org.vitalis.store.TestClinic;
import org.vitalis.store.TestDatabases;

/** Storing, reading and confirming ECG recordings over a real H2 file and a real PostgreSQL database. */
class EcgRecordingServiceTest {
    @TempDir
    Path dir;

    private static void assertSameSignals(EcgRecord actual, EcgRecord expected) {
        assertThat(actual.id()).isEqualTo(expected.id());
        org.vitalis.ecg.format.RecordAssert.sameSamples(actual, expected);
    }

    private static long storedSampleBytes(DatabaseConfig config, long recordingId) throws SQLException {
        try (Connection c = TestDatabases.connect(config);
                PreparedStatement st = c.prepareStatement(
                        "select sum(octet_length(samples)) from ecg_lead where recording_id = ?")) {
            st.setLong(1, recordingId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<AuditEntry> audit(TestClinic c, AuditAction action) {
        return c.db.inTransaction(s -> s.audit().search(null, null, null, action, null, 100));
    }

    @ParameterizedTest
    @MethodSource("org.vitalis.store.TestDatabases#kinds")
    void twelveLeadComesBackWithTheSameIntegersAndItsStoredAnalysis(DatabaseConfig.Kind kind) throws Exception {
        DatabaseConfig config = TestDatabases.fresh(kind, dir);
        try (TestClinic c = TestClinic.open(config)) {
            long patient = c.register("Huda", "Saleh", LocalDate.of(1961, 3, 2), null).getId();
            Instant start = Instant.parse("2026-03-01T09:15:30.123456Z");
            EcgRecord ecg = SyntheticEcgs.twelveLead("cart-0042", start, 1);
            EcgRecordingSummary summary = c.ecg.record(c.nurse, patient, ecg, "cart:MAC-5500 SN 1234");

            assertThat(summary.kind()).isEqualTo("RESTING_12_LEAD");
            assertThat(summary.patientId()).isEqualTo(patient);
            assertThat(summary.recordedAt()).isEqualTo(start);
            assertThat(summary.leadCount()).isEqualTo(12);
            assertThat(summary.samplingFrequency()).isEqualTo(500.0);
            assertThat(summary.durationS()).isEqualTo(10.0);
            assertThat(summary.source()).isEqualTo("cart:MAC-5500 SN 1234");
            assertThat(summary.recordedBy()).isEqualTo("nurse");
            assertThat(summary.heartRateBpm()).isEqualTo(72);
            assertThat(summary.rhythmStatements()).containsExactly("Sinus rhythm 72/min");
            assertThat(summary.review()).isEmpty();

            StoredEcg stored = c.ecg.open(c.nurse, summary.id());
            assertSameSignals(stored.record(), ecg);
            assertThat(stored.record().start()).isEqualTo(start);
            assertThat(stored.summary()).isEqualTo(summary);
            // The stored analysis, equal in content to the analysis of the same samples now.
            EcgAnalysis fresh = EcgRecordingService.analyze(ecg);
            assertThat(stored.analysis()).usingRecursiveComparison()
                    .withEqualsForType(Double::equals, Double.class).isEqualTo(fresh);
            assertThat(stored.analysis().beats().beats()).isEqualTo(fresh.beats().beats());
            assertThat(stored.analysis().algorithmVersion()).isEqualTo(EcgAnalyzer.VERSION);
            assertThat(stored.record().beats()).extracting(b -> b.sample())
                    .containsExactlyElementsOf(java.util.Arrays.stream(fresh.beats().beats()).mapToObj(b -> (long) b).toList());

            long bytes = storedSampleBytes(config, summary.id());
            long samples = 12L * 5000;
            System.out.printf("%s: 12-lead 500 Hz 10 s stored in %d bytes, %.3f bytes/sample%n", kind, bytes,
                    (double) bytes / samples);
            assertThat((double) bytes / samples).isLessThan(1.2);
            assertThat(c.verify().intact()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("org.vitalis.store.TestDatabases#kinds")
    void mitBih100sImportsLosslessly(DatabaseConfig.Kind kind) throws Exception {
        Path wfdb = SharedData.require("ecg-formats/wfdb-100s");
        try (TestClinic c = TestClinic.open(TestDatabases.fresh(kind, dir))) {
            long patient = c.register("Record", "Hundred", LocalDate.of(1957, 1, 1), null).getId();
            EcgRecordingSummary summary = c.ecg.importFile(c.nurse, patient, wfdb.resolve("100s.hea"));
            assertThat(summary.source()).isEqualTo("import:100s.hea");
            assertThat(summary.kind()).isEqualTo("RHYTHM_STRIP");
            assertThat(summary.leadCount()).isEqualTo(2);
            assertThat(summary.durationS()).isEqualTo(60.0);
            assertThat(summary.heartRateBpm()).isBetween(72, 76);

            EcgRecord original = WfdbFiles.read(wfdb.resolve("100s.hea"));
            StoredEcg stored = c.ecg.open(c.nurse, summary.id());
            assertSameSignals(stored.record(), original);
            assertThat(stored.analysis()).usingRecursiveComparison()
                    .withEqualsForType(Double::equals, Double.class).isEqualTo(EcgRecordingService.analyze(original));
        }
    }

    @ParameterizedTest
    @MethodSource("org.vitalis.store.TestDatabases#kinds")
    void measurementsAreStoredAsRowsWithTheirLoincCodes(DatabaseConfig.Kind kind) throws Exception {
        DatabaseConfig config = TestDatabases.fresh(kind, dir);
        try (TestClinic c = TestClinic.open(config)) {
            long patient = c.register("Sami", "Khoury", LocalDate.of(1970, 7, 7), null).getId();
            EcgRecord ecg = SyntheticEcgs.twelveLead("m", Instant.now().minusSeconds(60), 2);
            long id = c.ecg.record(c.nurse, patient, ecg, "cart:1").id();
            EcgAnalysis a = c.ecg.open(c.nurse, id).analysis();
            List<String> expected = new ArrayList<>();
            for (Intervals.Measurement m : a.intervals().measurements()) {
                expected.add(m.loinc() + " " + m.method() + " " + BigDecimal.valueOf(m.value())
                        .setScale(3, java.math.RoundingMode.HALF_UP).toPlainString() + " " + m.unit());
            }
            expected.add(EcgLoinc.HEART_RATE + " mean RR " + BigDecimal.valueOf(a.rhythm().meanHeartRate())
                    .setScale(3, java.math.RoundingMode.HALF_UP).toPlainString() + " /min");
            List<String> rows = new ArrayList<>();
            try (Connection conn = TestDatabases.connect(config); PreparedStatement st = conn.prepareStatement(
                    "select loinc_code, method, value_decimal, unit from ecg_measurement where recording_id = ?"
                            + " order by position")) {
                st.setLong(1, id);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getBigDecimal(3).toPlainString() + " "
                                + rs.getString(4));
                    }
                }
            }
            assertThat(rows).containsExactlyElementsOf(expected);
            assertThat(rows).extracting(r -> r.substring(0, r.indexOf(' ')))
                    .containsExactly(EcgLoinc.PR, EcgLoinc.QRS, EcgLoinc.QT, EcgLoinc.QTC, EcgLoinc.QTC, EcgLoinc.HEART_RATE);
        }
    }

    @ParameterizedTest
    @MethodSource("org.vitalis.store.TestDatabases#kinds")
    void listsAreNewestFirstAndConfirmationIsByADoctorOnce(DatabaseConfig.Kind kind) {
        try (TestClinic c = TestClinic.open(TestDatabases.fresh(kind, dir))) {
            UserSession doctor = c.doctor();
            long p1 = c.register("Lina", "Haddad", LocalDate.of(1980, 1, 1), null).getId();
            long p2 = c.register("Omar", "Haddad", LocalDate.of(1981, 1, 1), null).getId();
            Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(3, ChronoUnit.DAYS);
            long a = c.ecg.record(c.nurse, p1, SyntheticEcgs.twelveLead("a", t0, 3), "cart:1").id();
            long b = c.ecg.record(c.nurse, p2, SyntheticEcgs.twelveLead("b", t0.plusSeconds(3600), 4), "cart:1").id();
            long d = c.ecg.record(doctor, p1, SyntheticEcgs.twelveLead("d", t0.plusSeconds(7200), 5), "cart:1").id();

            assertThat(c.ecg.list(c.nurse, p1)).extracting(EcgRecordingSummary::id).containsExactly(d, a);
            assertThat(c.ecg.list(c.nurse, p2)).extracting(EcgRecordingSummary::id).containsExactly(b);
            assertThat(c.ecg.awaitingReview(doctor)).extracting(EcgRecordingSummary::id).containsExactly(d, b, a);

            StoredEcg read = c.ecg.open(doctor, b);
            assertThatThrownBy(() -> c.ecg.confirm(c.nurse, b, "Sinus rhythm, normal ECG.", read.version()))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> c.ecg.confirm(doctor, b, "   ", read.version()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("Write your interpretation of the ECG before confirming it.");
            assertThatThrownBy(() -> c.ecg.confirm(doctor, b, "Normal.", read.version() + 1))
                    .isInstanceOf(ConcurrentChangeException.class).hasMessageContaining("reload");

            Instant before = Instant.now().minusMillis(1);
            StoredEcg confirmed = c.ecg.confirm(doctor, b, "  Sinus rhythm, normal ECG.  ", read.version());
            Instant after = Instant.now().plusMillis(1);
            EcgReview review = confirmed.summary().review().orElseThrow();
            assertThat(review.interpretation()).isEqualTo("Sinus rhythm, normal ECG.");
            assertThat(review.confirmedBy()).isEqualTo("doctor");
            assertThat(review.confirmedAt()).isBetween(before, after);
            assertThat(confirmed.version()).isGreaterThan(read.version());
            assertThat(c.ecg.open(c.nurse, b).summary().review()).contains(review);
            assertThat(c.ecg.list(c.nurse, p2).getFirst().review()).contains(review);

            // Whoever read the recording before the confirmation cannot confirm over it, nor can anyone later.
            assertThatThrownBy(() -> c.ecg.confirm(doctor, b, "Other reading.", read.version()))
                    .isInstanceOf(ConcurrentChangeException.class);
            assertThatThrownBy(() -> c.ecg.confirm(doctor, b, "Other reading.", confirmed.version()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("already confirmed by doctor");
            assertThat(c.ecg.awaitingReview(doctor)).extracting(EcgRecordingSummary::id).containsExactly(d, a);

            assertThat(audit(c, AuditAction.ECG_RECORD)).hasSize(3)
                    .allSatisfy(e -> assertThat(e.getEntityType()).isEqualTo("patient"));
            assertThat(audit(c, AuditAction.ECG_CONFIRM)).singleElement().satisfies(e -> {
                assertThat(e.getUsername()).isEqualTo("doctor");
                assertThat(e.getEntityId()).isEqualTo(String.valueOf(p2));
                assertThat(e.getDetail()).isEqualTo("ecg=" + b);
            });
            assertThat(audit(c, AuditAction.PATIENT_VIEW)).extracting(AuditEntry::getDetail)
                    .contains("ecg=" + b, "ecg list");
            assertThat(audit(c, AuditAction.ACCESS_DENIED)).extracting(AuditEntry::getEntityId).contains("CLINICAL_CONFIRM");
            assertThat(c.verify().intact()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("org.vitalis.store.TestDatabases#kinds")
    void theReportOfAStoredRecordNamesThePatientAndWhoConfirmedAndIsAudited(DatabaseConfig.Kind kind) throws Exception {
        try (TestClinic c = TestClinic.open(TestDatabases.fresh(kind, dir))) {
            UserSession doctor = c.doctor();
            var patient = c.register("Huda", "Saleh", LocalDate.of(1961, 3, 2), null);
            long p = patient.getId();
            long id = c.ecg.record(c.nurse, p, SyntheticEcgs.twelveLead("r", Instant.now().minusSeconds(60), 7),
                    "cart:1").id();
            c.ecg.confirm(doctor, id, "Sinus rhythm, normal ECG.", c.ecg.open(doctor, id).version());

            java.io.ByteArrayOutputStream pdf = new java.io.ByteArrayOutputStream();
            c.ecg.writeReport(c.nurse, id, java.time.ZoneOffset.UTC, pdf);
            try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toByteArray())) {
                String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
                assertThat(text).contains("Huda Saleh").contains(patient.getMrn()).contains("Sinus rhythm 72/min").contains("Sinus rhythm, normal ECG.").contains("doctor");
            }
            assertThat(audit(c, AuditAction.ECG_REPORT)).singleElement().satisfies(e -> {
                assertThat(e.getUsername()).isEqualTo("nurse");
                assertThat(e.getEntityId()).isEqualTo(String.valueOf(p));
                assertThat(e.getDetail()).isEqualTo("ecg=" + id);
            });
            assertThatThrownBy(() -> c.ecg.writeReport(c.nurse, 999_999, java.time.ZoneOffset.UTC,
                    new java.io.ByteArrayOutputStream())).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("org.vitalis.store.TestDatabases#kinds")
    void implausibleRecordingsAreRefusedWithASentenceAndNothingIsStored(DatabaseConfig.Kind kind) throws Exception {
        DatabaseConfig config = TestDatabases.fresh(kind, dir);
        try (TestClinic c = TestClinic.open(config)) {
            long patient = c.register("Nour", "Aziz", LocalDate.of(1990, 2, 2), null).getId();
            long auditBefore = c.db.inTransaction(s -> s.audit().head().lastSeq());
            EcgRecord good = SyntheticEcgs.twelveLead("x", Instant.now().minusSeconds(10), 6);
            int[] samples = good.leads().get(1).samples();
            List<EcgLead> seventeen = new ArrayList<>();
            for (int i = 0; i < 17; i++) {
                seventeen.add(new EcgLead("L" + i, samples, 1000, 0, "mV"));
            }
            EcgLead pressure = new EcgLead("ABP", samples, 10, 0, "mmHg");
            record Case(EcgRecord recording, String source, long patient, String message) {
            }
            List<Case> cases = List.of(
                    new Case(new EcgRecord("slow", null, 100, good.leads(), null, null), "cart:1", patient, "100.0 Hz"),
                    new Case(new EcgRecord("fast", null, 2000, good.leads(), null, null), "cart:1", patient, "125 to 1000 Hz"),
                    new Case(new EcgRecord("many", null, 500, seventeen, null, null), "cart:1", patient, "17 leads"),
                    new Case(new EcgRecord("short", null, 500, List.of(new EcgLead("II",
                            java.util.Arrays.copyOf(samples, 250), 1000, 0, "mV")), null, null), "cart:1", patient, "0.50 s"),
                    new Case(new EcgRecord("abp", null, 500, List.of(pressure), null, null), "cart:1", patient, "not an ECG"),
                    new Case(new EcgRecord("future", Instant.now().plus(1, ChronoUnit.HOURS), 500, good.leads(), null, null),
                            "cart:1", patient, "in the future"),
                    new Case(good, " ", patient, "where the recording comes from"),
                    new Case(good, "x".repeat(201), patient, "longer than 200"),
                    new Case(good, "cart:1", 987654321L, "No patient with id 987654321"));
            for (Case k : cases) {
                assertThatThrownBy(() -> c.ecg.record(c.nurse, k.patient(), k.recording(), k.source()))
                        .as(k.recording().id()).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining(k.message());
            }
            assertThatThrownBy(() -> c.ecg.importFile(c.nurse, patient, dir.resolve("missing.hea")))
                    .isInstanceOf(IOException.class);
            assertThat(TestDatabases.count(config, "ecg_recording")).isZero();
            assertThat(TestDatabases.count(config, "ecg_lead")).isZero();
            assertThat(TestDatabases.count(config, "ecg_measurement")).isZero();
            assertThat((long) c.db.<Long>inTransaction(s -> s.audit().head().lastSeq())).isEqualTo(auditBefore);
            assertThatThrownBy(() -> c.ecg.open(c.nurse, 42)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("No ECG recording with id 42");
        }
    }

    @ParameterizedTest
    @MethodSource("org.vitalis.store.TestDatabases#kinds")
    void kindFollowsDurationAndLeadsUnlessGivenAndAnAdminMayReadButNotRecord(DatabaseConfig.Kind kind) {
        try (TestClinic c = TestClinic.open(TestDatabases.fresh(kind, dir))) {
            long patient = c.register("Rami", "Odeh", LocalDate.of(1950, 5, 5), null).getId();
            EcgRecord twelve = SyntheticEcgs.twelveLead("k", Instant.now().minusSeconds(30), 7);
            EcgRecord strip = new EcgRecord("strip", null, 500, twelve.leads().subList(0, 2), null, null);
            int[] longSamples = new int[500 * 301];
            for (int i = 0; i < longSamples.length; i++) {
                longSamples[i] = twelve.leads().get(1).samples()[i % 5000];
            }
            EcgRecord monitor = new EcgRecord("monitor", null, 500, List.of(new EcgLead("II", longSamples, 1000, 0, "mV")),
                    null, null);
            assertThat(c.ecg.record(c.nurse, patient, strip, "monitor:1").kind()).isEqualTo("RHYTHM_STRIP");
            assertThat(c.ecg.record(c.nurse, patient, monitor, "monitor:1").kind()).isEqualTo("LONG");
            assertThat(c.ecg.record(c.nurse, patient, twelve, "cart:1", EcgRecording.Kind.RHYTHM_STRIP).kind())
                    .isEqualTo("RHYTHM_STRIP");
            // A recording without a start time is placed at the time it was stored.
            assertThat(c.ecg.list(c.nurse, patient).getFirst().recordedAt()).isAfter(Instant.now().minusSeconds(60));

            UserSession admin = new UserSession(1, "admin", "Admin", org.vitalis.domain.Role.ADMIN, "ws-test", Instant.now());
            assertThat(c.ecg.list(admin, patient)).hasSize(3);
            assertThatThrownBy(() -> c.ecg.record(admin, patient, strip, "monitor:1")).isInstanceOf(AccessDeniedException.class);
        }
    }
}
