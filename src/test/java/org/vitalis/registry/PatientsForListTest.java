package org.vitalis.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vitalis.domain.AuditAction;
import org.vitalis.domain.AuditEntry;
import org.vitalis.domain.LesionKind;
import org.vitalis.domain.BodySites;
import org.vitalis.domain.PatientSummary;
import org.vitalis.store.DatabaseConfig;
import org.vitalis.store.TestClinic;
import org.vitalis.store.TestDatabases;

/**
 * Worklists spanning patients (recordings or photos awaiting review) name their rows through one lookup, audited as
 * one entry naming every patient listed, not as a chart opened per patient; and an opened photo says whose it is.
 */
class PatientsForListTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("org.vitalis.store.TestDatabases#kinds")
    void aWorklistNamesItsPatientsInOneAuditEntry(DatabaseConfig.Kind kind) throws Exception {
        try (TestClinic c = TestClinic.open(TestDatabases.fresh(kind, dir))) {
            long a = c.register("Huda", "Saleh", LocalDate.of(1980, 1, 2), null).getId();
            long b = c.register("Omar", "Khalil", LocalDate.of(1975, 3, 4), null).getId();
            long before = listed(c).size();

            Map<Long, PatientSummary> names = c.patients.forList(c.nurse, List.of(b, a, b, a + b + 1000));
            assertThat(names.keySet()).containsExactlyInAnyOrder(a, b);
            assertThat(names.get(a).familyName()).isEqualTo("Saleh");
            assertThat(names.get(b).mrn()).isEqualTo(c.patients.open(c.nurse, b).getMrn());
            List<AuditEntry> entries = listed(c);
            assertThat(entries).hasSize((int) before + 1);
            assertThat(entries.getFirst().getDetail()).startsWith("listed: ").contains(String.valueOf(a))
                    .contains(String.valueOf(b));
            assertThat(entries.getFirst().getUsername()).isEqualTo("nurse");

            assertThat(c.patients.forList(c.nurse, List.of())).isEmpty();
            assertThat(listed(c)).as("an empty list looks at no one").hasSize((int) before + 1);
            assertThat(c.verify().intact()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("org.vitalis.store.TestDatabases#kinds")
    void anOpenedPhotoSaysWhoseItIs(DatabaseConfig.Kind kind) throws Exception {
        try (TestClinic c = TestClinic.open(TestDatabases.fresh(kind, dir))) {
            long patient = c.register("Rana", "Aziz", LocalDate.of(1990, 2, 3), null).getId();
            long photo = c.lesions.storeFrame(c.nurse, new LesionDraft(patient, LesionKind.ORAL,
                    BodySites.TONGUE_VENTRAL, null), LesionPictures.lesion(64, 64, 2), "Cam", LesionPictures.passed(),
                    null).id();
            StoredLesion opened = c.lesions.open(c.doctor(), photo);
            assertThat(opened.patient().id()).isEqualTo(patient);
            assertThat(opened.patient().givenName()).isEqualTo("Rana");
        }
    }

    private static List<AuditEntry> listed(TestClinic c) {
        List<AuditEntry> out = new ArrayList<>();
        for (AuditEntry e : c.db.inTransaction(s -> s.audit().search(null, null, null, AuditAction.PATIENT_SEARCH,
                null, 1000))) {
            if (e.getDetail() != null && e.getDetail().startsWith("listed: ")) {
                out.add(e);
            }
        }
        return out;
    }
}
