package org.vitalis.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vitalis.domain.Role;
import org.vitalis.domain.Sex;
import org.vitalis.registry.PatientDraft;
import org.vitalis.security.UserSession;

class BackupCommandsTest {
    private static Station station(Path dir) {
        return Station.open(AppConfig.load(new AppConfig.Overrides(dir, null, false, null, null), Map.of()));
    }

    @Test
    void backupThenRestoreIntoAnotherStationBringsThePatientsAcross(@TempDir Path tmp) throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        try (Station st = station(a)) {
            UserSession admin = st.auth.createFirstAdmin("admin", "Admin", "admin-password".toCharArray());
            st.users.create(admin, "nurse", "Nurse", Role.NURSE, "nurse-password".toCharArray());
            UserSession nurse = st.auth.login("nurse", "nurse-password".toCharArray());
            st.patients.register(nurse, PatientDraft.basic("Layla", "Haddad", LocalDate.of(1975, 2, 1), Sex.FEMALE, null));
        }
        Path file = tmp.resolve("clinic.zip");
        var backup = CommandLineTest.run("backup", "--data-dir", a.toString(), file.toString());
        assertThat(backup.code()).as(backup.err()).isZero();
        assertThat(backup.out()).contains("Backup written to").contains("rows");
        assertThat(backup.err()).contains("backup: 100%");

        var refused = CommandLineTest.run("restore", "--data-dir", b.toString(), file.toString());
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("--yes");

        var restore = CommandLineTest.run("restore", "--yes", "--data-dir", b.toString(), file.toString());
        assertThat(restore.code()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("Restored into").contains("patient 1").contains("Audit trail intact");
        try (Station st = station(b)) {
            UserSession nurse = st.auth.login("nurse", "nurse-password".toCharArray());
            assertThat(st.patients.search(nurse, "hadd")).hasSize(1);
        }
        var verify = CommandLineTest.run("audit", "verify", "--data-dir", b.toString());
        assertThat(verify.code()).isZero();
    }

    @Test
    void aFileThatIsNotABackupIsRefusedWithOneClearLineAndNothingChanges(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("station");
        try (Station st = station(dir)) {
            st.auth.createFirstAdmin("admin", "Admin", "admin-password".toCharArray());
        }
        Path junk = tmp.resolve("holiday.jpg");
        Files.write(junk, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00, 0x10});
        var r = CommandLineTest.run("restore", "--yes", "--data-dir", dir.toString(), junk.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("vitalis: ").doesNotContain("\tat ");
        var missing = CommandLineTest.run("restore", "--yes", "--data-dir", dir.toString(), tmp.resolve("nope.zip").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("no backup file");
        try (Station st = station(dir)) {
            assertThat(st.auth.needsFirstAdmin()).isFalse();
        }
    }
}
