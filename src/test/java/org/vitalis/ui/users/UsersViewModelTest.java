package org.vitalis.ui.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vitalis.domain.Role;
import org.vitalis.ui.TestStation;
import org.vitalis.ui.common.Async;
import org.vitalis.ui.common.Messages;

class UsersViewModelTest {
    @TempDir
    Path dir;

    @Test
    void adminManagesAccountsAndRefusalsAreShown() throws Exception {
        try (TestStation station = new TestStation(dir).withStaff()) {
            var admin = station.auth.login("admin", TestStation.ADMIN_PW.toCharArray());
            UsersViewModel vm = new UsersViewModel(station.users, admin, Async.direct(), Messages.of("en"));
            vm.refresh();
            assertThat(vm.rows()).extracting(r -> r.username()).containsExactlyInAnyOrder("admin", "nurse");

            vm.selected().set(vm.rows().stream().filter(r -> r.username().equals("admin")).findFirst().orElseThrow());
            vm.newRole().set(Role.NURSE);
            vm.changeRole();
            assertThat(vm.error().get()).contains("last active administrator");

            vm.selected().set(vm.rows().stream().filter(r -> r.username().equals("nurse")).findFirst().orElseThrow());
            vm.toggleActive();
            assertThat(vm.message().get()).isEqualTo("Account nurse disabled.");
            assertThat(vm.selected().get().active()).isFalse();

            vm.newPassword().set("short");
            vm.resetPassword();
            assertThat(vm.error().get()).contains("at least 8");

            vm.username().set("dr.omar");
            vm.displayName().set("Dr Omar");
            vm.role().set(Role.DOCTOR);
            vm.password().set("doctor-pass-1");
            vm.create();
            assertThat(vm.rows()).hasSize(3);
            assertThat(vm.password().get()).isEmpty();
        }
    }

    @Test
    void aNurseIsToldTheRoleMayNotManageUsers() throws Exception {
        try (TestStation station = new TestStation(dir).withStaff()) {
            var nurse = station.auth.login("nurse", TestStation.NURSE_PW.toCharArray());
            UsersViewModel vm = new UsersViewModel(station.users, nurse, Async.direct(), Messages.of("en"));
            vm.refresh();
            assertThat(vm.error().get()).isEqualTo("Your role may not manage user accounts.");
        }
    }
}
