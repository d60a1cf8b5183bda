package org.vitalis.ui.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vitalis.security.AuthService;
import org.vitalis.security.UserSession;
import org.vitalis.ui.TestStation;
import org.vitalis.ui.common.Async;
import org.vitalis.ui.common.Messages;

class LoginViewModelTest {
    @TempDir
    Path dir;

    @Test
    void wrongPasswordsThenLockOutWithTheTime() {
        try (TestStation station = new TestStation(dir).withStaff()) {
            LoginViewModel vm = new LoginViewModel(station.auth, station.context("en", false, false).station(),
                    Async.direct(), Messages.of("en"));
            assertThat(vm.demoAccounts()).isEmpty();
            vm.login(s -> { throw new AssertionError(); });
            assertThat(vm.message().get()).isEqualTo("Enter your user name and password.");
            for (int i = 0; i < AuthService.MAX_FAILURES; i++) {
                vm.username().set("nurse");
                vm.password().set("wrong-one");
                vm.login(s -> { throw new AssertionError(); });
            }
            assertThat(vm.message().get()).startsWith("This account is locked").contains("until");
            assertThat(vm.password().get()).isEmpty();
        }
    }

    @Test
    void goodPasswordStartsASession() {
        try (TestStation station = new TestStation(dir).withStaff()) {
            LoginViewModel vm = new LoginViewModel(station.auth, station.context("en", false, true).station(),
                    Async.direct(), Messages.of("en"));
            assertThat(vm.demoAccounts()).hasSize(2);
            AtomicReference<UserSession> session = new AtomicReference<>();
            vm.username().set("admin");
            vm.password().set(TestStation.ADMIN_PW);
            vm.login(session::set);
            assertThat(session.get().displayName()).isEqualTo("Amira Admin");
        }
    }
}
