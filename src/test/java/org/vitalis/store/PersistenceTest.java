package org.vitalis.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vitalis.domain.Flag;
import org.vitalis.domain.Observation;
import org.vitalis.domain.Patient;
import org.vitalis.domain.PatientSummary;
import org.vitalis.domain.Sex;
import org.vitalis.domain.VitalSign;
import org.vitalis.registry.ImplausibleValuesException;
import org.vitalis.registry.PatientDraft;
import org.vitalis.registry.VitalsEntry;

/** The registry and vitals over a real H2 file and a real PostgreSQL database. */
class PersistenceTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("org.vitalis.store.TestDatabases#kinds")
    void migrationsApplyAndHibernateValidates(DatabaseConfig.Kind kind) throws Exception {
        DatabaseConfig config = TestDatabases.fresh(kind, dir);
        try (Database db = Database.open(config)) {
            assertThat((long) db.<Long>inTransaction(s -> s.patients().count())).isZero();
        }
        // Opening again finds the schema current and still valid.
        try (Database db = Database.open(config)) {
            assertThat((long) db.<Long>inTransaction(s -> s.audit().head().lastSeq())).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("org.vitalis.store.TestDatabases#kinds")
    void searchByNameFragmentMrnPhoneAndBirthDate(DatabaseConfig.Kind kind) {
        try (TestClinic c = TestClinic.open(TestDatabases.fresh(kind, dir))) {
            Patient zoe = c.register("Zoë", "Müller-Lüdenscheidt", LocalDate.of(1980, 5, 3), "+49 30 1234567");
            Patient arabic = c.patients.register(c.nurse, new PatientDraft("Ahmad", "Haddad", "أَحْمَد", "الحَدّاد",
                    LocalDate.of(1975, 1, 31), Sex.MALE, "+963 11 222 3344", null, null, null, null, List.of(), List.of()));
            Patient other = c.register("Zoltan", "Mueller", LocalDate.of(1990, 2, 2), null);

            assertThat(ids(c.patients.search(c.nurse, "zoe"))).containsExactly(zoe.getId());
            assertThat(ids(c.patients.search(c.nurse, "ZOË MÜL"))).containsExactly(zoe.getId());
            assertThat(ids(c.patients.search(c.nurse, "lüden"))).containsExactly(zoe.getId());
            assertThat(ids(c.patients.search(c.nurse, "zo"))).containsExactlyInAnyOrder(zoe.getId(), other.getId());
            // Typed without diacritics, and with the hamza-less alef people type.
            assertThat(ids(c.patients.search(c.nurse, "احمد"))).containsExactly(arabic.getId());
            assertThat(ids(c.patients.search(c.nurse, "الحداد"))).containsExactly(arabic.getId());
            assertThat(ids(c.patients.search(c.nurse, "أَحْمَد"))).containsExactly(arabic.getId());
            assertThat(ids(c.patients.search(c.nurse, arabic.getMrn()))).containsExactly(arabic.getId());
            assertThat(ids(c.patients.search(c.nurse, "+963 11 222 3344"))).containsExactly(arabic.getId());
            assertThat(ids(c.patients.search(c.nurse, "112223344"))).containsExactly(arabic.getId());
            // The number as stored on a phone: international form, no spaces.
            assertThat(ids(c.patients.search(c.nurse, "+963112223344"))).containsExactly(arabic.getId());
            assertThat(ids(c.patients.search(c.nurse, "+49301234567"))).containsExactly(zoe.getId());
            assertThat(ids(c.patients.search(c.nurse, "31/1/1975"))).containsExactly(arabic.getId());
            assertThat(ids(c.patients.search(c.nurse, "1980-05-03"))).containsExactly(zoe.getId());
            assertThat(ids(c.patients.search(c.nurse, "zoe 1990-02-02"))).isEmpty();
            assertThat(c.patients.findByMrn(c.nurse, zoe.getMrn())).map(PatientSummary::id).contains(zoe.getId());
            assertThat(c.verify().intact()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("org.vitalis.store.TestDatabases#kinds")
    void possibleDuplicatesByNameAndBirthDateOrPhone(DatabaseConfig.Kind kind) {
        try (TestClinic c = TestClinic.open(TestDatabases.fresh(kind, dir))) {
            Patient zoe = c.register("Zoë", "Müller", LocalDate.of(1980, 5, 3), "+49 30 1234567");
            c.register("Zoë", "Müller", LocalDate.of(1981, 5, 3), null);
            var sameNameAndDob = c.patients.possibleDuplicates(c.nurse,
                    PatientDraft.basic("zoe", "MULLER", LocalDate.of(1980, 5, 3), Sex.FEMALE, null));
            assertThat(ids(sameNameAndDob)).containsExactly(zoe.getId());
            var samePhone = c.patients.possibleDuplicates(c.nurse,
                    PatientDraft.basic("Anna", "Other", LocalDate.of(2000, 1, 1), Sex.FEMALE, "+49 (30) 123-4567"));
            assertThat(ids(samePhone)).containsExactly(zoe.getId());
        }
    }

    @ParameterizedTest
    @MethodSource("org.vitalis.store.TestDatabases#kinds")
    void concurrentEditIsRefused(DatabaseConfig.Kind kind) {
        try (TestClinic c = TestClinic.open(TestDatabases.fresh(kind, dir))) {
            Patient p = c.register("Lina", "Saleh", LocalDate.of(1970, 1, 1), null);
            long readVersion = p.getVersion();
            var first = PatientDraft.basic("Lina", "Saleh-Khoury", LocalDate.of(1970, 1, 1), Sex.FEMALE, null);
            var second = PatientDraft.basic("Leena", "Saleh", LocalDate.of(1970, 1, 1), Sex.FEMALE, null);
            c.patients.update(c.nurse, p.getId(), readVersion, first);
            assertThatThrownBy(() -> c.patients.update(c.nurse, p.getId(), readVersion, second))
                    .isInstanceOf(ConcurrentChangeException.class);
            assertThat(c.patients.open(c.nurse, p.getId()).getFamilyName()).isEqualTo("Saleh-Khoury");
            assertThat(ids(c.patients.search(c.nurse, "khoury"))).containsExactly(p.getId());
        }
    }

    @ParameterizedTest
    @MethodSource("org.vitalis.store.TestDatabases#kinds")
    void staleEntityMergeIsRefusedByTheVersionColumn(DatabaseConfig.Kind kind) {
        try (TestClinic c = TestClinic.open(TestDatabases.fresh(kind, dir))) {
            Patient p = c.register("Omar", "Nasser", LocalDate.of(1960, 6, 6), null);
            Patient staleA = c.db.inTransaction(s -> s.patients().find(p.getId()).orElseThrow());
            Patient staleB = c.db.inTransaction(s -> s.patients().find(p.getId()).orElseThrow());
            staleA.setNotes("A");
            c.db.run(s -> s.patients().save(staleA));
            staleB.setNotes("B");
            assertThatThrownBy(() -> c.db.run(s -> s.patients().save(staleB)))
                    .isInstanceOf(ConcurrentChangeException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("org.vitalis.store.TestDatabases#kinds")
    void vitalsRecordHistoryFlagsAndBmi(DatabaseConfig.Kind kind) {
        try (TestClinic c = TestClinic.open(TestDatabases.fresh(kind, dir))) {
            Patient p = c.register("Sara", "Khalil", LocalDate.of(1985, 3, 3), null);
            Instant earlier = Instant.now().minus(1, ChronoUnit.HOURS);
            c.vitals.record(c.nurse, p.getId(), new VitalsEntry(earlier,
                    Map.of(VitalSign.BODY_HEIGHT, new BigDecimal("165")), null));
            List<Observation> stored = c.vitals.record(c.nurse, p.getId(), new VitalsEntry(Instant.now(), Map.of(
                    VitalSign.SYSTOLIC_BP, new BigDecimal("118"), VitalSign.DIASTOLIC_BP, new BigDecimal("76"),
                    VitalSign.BODY_WEIGHT, new BigDecimal("68.5")), "after rest"));
            // BMI from this weight and the height on file: 68.5 / 1.65² = 25.2
            Observation bmi = stored.stream().filter(o -> o.getCode().equals(VitalSign.BMI.loinc())).findFirst().orElseThrow();
            assertThat(bmi.getValue()).isEqualByComparingTo("25.2");
            assertThat(stored).filteredOn(o -> o.getCode().equals(VitalSign.SYSTOLIC_BP.loinc()))
                    .extracting(Observation::getFlag).containsExactly(Flag.NORMAL);
            List<Observation> history = c.vitals.history(c.nurse, p.getId());
            assertThat(history).hasSize(5);
            assertThat(history.getLast().getCode()).isEqualTo(VitalSign.BODY_HEIGHT.loinc());
            assertThat(history.getFirst().getEffectiveAt()).isAfter(earlier);
            assertThat(history).filteredOn(o -> o.getCode().equals(VitalSign.BODY_WEIGHT.loinc()))
                    .extracting(Observation::getValue).first().satisfies(v -> assertThat(v).isEqualByComparingTo("68.5"));
            c.recordBp(p.getId(), 165, 95);
            assertThat(c.vitals.history(c.nurse, p.getId())).filteredOn(o -> o.getCode().equals(VitalSign.SYSTOLIC_BP.loinc()))
                    .extracting(Observation::getFlag).contains(Flag.ABNORMAL);
            long before = c.db.inTransaction(s -> s.observations().count());
            assertThatThrownBy(() -> c.recordBp(p.getId(), 300, 80)).isInstanceOf(ImplausibleValuesException.class);
            assertThat((long) c.db.<Long>inTransaction(s -> s.observations().count())).isEqualTo(before);
            assertThat(c.verify().intact()).isTrue();
        }
    }

    private static List<Long> ids(List<PatientSummary> found) {
        return found.stream().map(PatientSummary::id).toList();
    }
}
