package org.vitalis.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vitalis.domain.Role;
import org.vitalis.security.UserSession;
import org.vitalis.ui.UiContext;
import org.vitalis.ui.common.Messages;

class ShellViewModelTest {
    private static final UiContext.Station STATION = new UiContext.Station("desk-1", "H2 file", false, List.of());

    private static ShellViewModel shell(Role role, String lang) {
        return new ShellViewModel(new UserSession(1, "u", "Una User", role, "desk-1", Instant.now()), STATION,
                Messages.of(lang));
    }

    @Test
    void screensFollowThePermissionsOfTheRole() {
        assertThat(shell(Role.NURSE, "en").screens()).containsExactly(Screen.PATIENTS, Screen.INTAKE, Screen.ECG,
                Screen.DEVICES, Screen.IMAGING);
        assertThat(shell(Role.DOCTOR, "en").screens()).containsExactly(Screen.PATIENTS, Screen.INTAKE, Screen.ECG,
                Screen.ECG_REVIEW, Screen.DEVICES, Screen.IMAGING);
        ShellViewModel admin = shell(Role.ADMIN, "en");
        assertThat(admin.screens()).containsExactly(Screen.PATIENTS, Screen.USERS, Screen.AUDIT, Screen.BACKUP,
                Screen.IMAGING);
        assertThat(admin.current().get()).isEqualTo(Screen.USERS);
        assertThat(shell(Role.NURSE, "en").current().get()).isEqualTo(Screen.PATIENTS);
    }

    @Test
    void statusBarTextIsLocalised() {
        assertThat(shell(Role.DOCTOR, "en").userText()).isEqualTo("User: Una User (Doctor)");
        assertThat(shell(Role.DOCTOR, "ar").userText()).isEqualTo("المستخدم: Una User (طبيب)");
        ShellViewModel vm = shell(Role.NURSE, "en");
        vm.tick(Instant.parse("2026-03-01T10:15:00Z"));
        assertThat(vm.clock().get()).contains("2026");
        assertThat(vm.databaseText()).isEqualTo("Database: H2 file");
    }
}
