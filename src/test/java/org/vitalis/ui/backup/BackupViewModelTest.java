package org.vitalis.ui.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.vitalis.domain.Role;
import org.vitalis.security.UserSession;
import org.vitalis.ui.common.Async;
import org.vitalis.ui.common.Messages;

class BackupViewModelTest {
    private static final UserSession ADMIN = new UserSession(1, "admin", "Admin", Role.ADMIN, "ws", Instant.now());

    @Test
    void progressAndSuccess() {
        BackupViewModel vm = new BackupViewModel((s, f, p) -> p.accept(0.5), ADMIN, Async.direct(), Messages.of("en"));
        vm.run();
        assertThat(vm.running().get()).isFalse();
        assertThat(vm.result().get()).isEmpty(); // no file chosen, nothing ran
        vm.target().set(Path.of("backup.zip"));
        vm.run();
        assertThat(vm.progress().get()).isEqualTo(1.0);
        assertThat(vm.failed().get()).isFalse();
        assertThat(vm.result().get()).isEqualTo("The backup was written to the chosen file.");
    }

    @Test
    void failureIsShownWithItsReason() {
        BackupViewModel vm = new BackupViewModel((s, f, p) -> {
            throw new java.io.IOException("No space left on device");
        }, ADMIN, Async.direct(), Messages.of("ar"));
        vm.target().set(Path.of("backup.zip"));
        vm.run();
        assertThat(vm.failed().get()).isTrue();
        assertThat(vm.result().get()).isEqualTo("فشل النسخ الاحتياطي: No space left on device");
    }
}
