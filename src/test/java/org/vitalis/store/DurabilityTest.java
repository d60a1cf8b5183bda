package org.vitalis.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vitalis.domain.Observation;

/** A second, real process writes to the H2 file; the first kills it or competes with it. */
class DurabilityTest {
    @TempDir
    Path dir;

    @Test
    void everyReportedCommitSurvivesKillDashNine() throws Exception {
        int commits = 40;
        List<Long> patients = new ArrayList<>();
        List<Long> observations = new ArrayList<>();
        Process child = ChildStation.start("write", dir);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && patients.size() + observations.size() < commits) {
                if (line.startsWith("P ")) {
                    patients.add(Long.parseLong(line.substring(2)));
                } else if (line.startsWith("O ")) {
                    observations.add(Long.parseLong(line.substring(2)));
                }
            }
            // SIGKILL while the child is in the middle of further writes.
            child.destroyForcibly();
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(patients.size() + observations.size()).isEqualTo(commits);
        try (TestClinic c = TestClinic.open(DatabaseConfig.h2File(dir))) {
            for (long id : patients) {
                assertThat(c.db.<java.util.Optional<org.vitalis.domain.Patient>>inTransaction(s -> s.patients().find(id))).as("patient %d", id).isPresent();
            }
            List<Long> stored = c.db.inTransaction(s -> {
                List<Long> ids = new ArrayList<>();
                for (long p : patients) {
                    s.observations().forPatient(p).stream().map(Observation::getId).forEach(ids::add);
                }
                return ids;
            });
            assertThat(stored).containsAll(observations);
            assertThat(c.verify().intact()).isTrue();
        }
    }

    @Test
    void restoreRefusesWhileAnotherProcessHasTheDatabaseOpen() throws Exception {
        DatabaseConfig config = DatabaseConfig.h2File(dir);
        Path file = dir.resolve("b.zip");
        BackupService backups = new BackupService(Clock.systemUTC());
        try (TestClinic c = TestClinic.open(config)) {
            c.register("Held", "Open", LocalDate.of(1980, 1, 1), null);
            backups.backup(c.db, file, p -> { }, c.trail.logFor(c.admin()));
            c.register("Second", "Patient", LocalDate.of(1981, 1, 1), null);
        }
        Process child = ChildStation.start("hold", dir);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("ready");
            assertThatThrownBy(() -> backups.restore(config, file, p -> { }, BackupRestoreTest.auditLog(config)))
                    .isInstanceOf(StoreException.class).hasMessageContaining("close Vitalis on this workstation first");
            // A backup, though, works while the other process runs, through its AUTO_SERVER.
            Path live = dir.resolve("live.zip");
            new BackupService(Clock.systemUTC()).write(config, live, p -> { });
            assertThat(BackupService.inspect(live).rows("patient")).isEqualTo(2);
        } finally {
            child.getOutputStream().close();
            if (!child.waitFor(20, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
        assertThat(Files.exists(file)).isTrue();
        RestoreResult r = backups.restore(config, file, p -> { }, BackupRestoreTest.auditLog(config));
        assertThat(r.rowCounts().get("patient")).isEqualTo(1);
    }
}
