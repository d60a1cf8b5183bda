package org.vitalis.ui.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vitalis.ui.TestStation;
import org.vitalis.ui.common.Async;
import org.vitalis.ui.common.Messages;

class LockViewModelTest {
    @TempDir
    Path dir;

    @Test
    void onlyTheUsersPasswordUnlocksAndADisabledAccountEndsTheSession() throws Exception {
        try (TestStation station = new TestStation(dir).withStaff()) {
            var nurse = station.auth.login("nurse", TestStation.NURSE_PW.toCharArray());
            LockViewModel vm = new LockViewModel(station.auth, nurse, Async.direct(), Messages.of("en"));
            assertThat(vm.lockedText()).contains("Nadia Nurse");
            AtomicBoolean unlocked = new AtomicBoolean();
            AtomicReference<String> ended = new AtomicReference<>();
            vm.password().set(TestStation.ADMIN_PW);
            vm.unlock(() -> unlocked.set(true), ended::set);
            assertThat(unlocked).isFalse();
            assertThat(vm.message().get()).isEqualTo("Wrong user name or password.");
            vm.password().set(TestStation.NURSE_PW);
            vm.unlock(() -> unlocked.set(true), ended::set);
            assertThat(unlocked).isTrue();

            var admin = station.auth.login("admin", TestStation.ADMIN_PW.toCharArray());
            station.users.setActive(admin, nurse.userId(), false);
            vm.password().set(TestStation.NURSE_PW);
            vm.unlock(() -> { throw new AssertionError(); }, ended::set);
            assertThat(ended.get()).isEqualTo("This account is disabled. Ask an administrator.");
        }
    }
}
