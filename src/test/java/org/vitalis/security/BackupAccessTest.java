package org.vitalis.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vitalis.domain.AuditAction;
import org.vitalis.domain.AuditEntry;
import org.vitalis.domain.Role;
import org.vitalis.store.BackupService;
import org.vitalis.store.DatabaseConfig;
import org.vitalis.store.TestClinic;

class BackupAccessTest {
    @TempDir
    Path dir;

    @Test
    void onlyUsersWithTheBackupPermissionMayBackUpAndTheBackupIsAuditedAsThem() throws Exception {
        try (TestClinic c = TestClinic.open(DatabaseConfig.h2File(dir))) {
            BackupAccess access = new BackupAccess(c.db, new BackupService(Clock.systemUTC()), c.trail, c.guard);
            Path file = dir.resolve("b.zip");
            assertThatThrownBy(() -> access.backup(c.nurse, file, p -> { })).isInstanceOf(AccessDeniedException.class);
            assertThat(Files.exists(file)).isFalse();
            long adminId = c.db.inTransaction(s -> s.users().findByUsername("admin").orElseThrow().getId());
            UserSession admin = new UserSession(adminId, "admin", "Admin", Role.ADMIN, "ws-7", Instant.now());
            access.backup(admin, file, p -> { });
            List<AuditEntry> entries = c.db.inTransaction(s -> s.audit().search(null, null, null, AuditAction.BACKUP, null, 5));
            assertThat(entries).singleElement().satisfies(e -> {
                assertThat(e.getUsername()).isEqualTo("admin");
                assertThat(e.getWorkstation()).isEqualTo("ws-7");
            });
            assertThat(BackupService.inspect(file).rows("audit_entry")).isPositive();
            assertThat(c.verify().intact()).isTrue();
        }
    }
}
