package org.vitalis.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vitalis.domain.AuditAction;
import org.vitalis.security.UserSession;
import org.vitalis.ui.TestStation;
import org.vitalis.ui.common.Async;
import org.vitalis.ui.common.Messages;

class AuditViewModelTest {
    @TempDir
    Path dir;

    @Test
    void toDateIncludesTheWholeLocalDay() {
        AuditViewModel vm = new AuditViewModel(null, null, Async.direct(),
                new Messages(Locale.ENGLISH, ZoneId.of("Europe/Berlin")));
        vm.from().set(LocalDate.of(2026, 3, 1));
        vm.to().set(LocalDate.of(2026, 3, 1));
        vm.user().set("  ");
        var f = vm.filter();
        assertThat(f.from()).isEqualTo(Instant.parse("2026-02-28T23:00:00Z"));
        assertThat(f.to()).isEqualTo(Instant.parse("2026-03-01T23:00:00Z"));
        assertThat(f.username()).isNull();
    }

    @Test
    void searchesAndVerifiesTheChain() throws Exception {
        try (TestStation station = new TestStation(dir).withStaff()) {
            UserSession admin = station.auth.login("admin", TestStation.ADMIN_PW.toCharArray());
            AuditViewModel vm = new AuditViewModel(station.audit, admin, Async.direct(), Messages.of("en"));
            vm.action().set(AuditAction.USER_CREATE);
            vm.search();
            assertThat(vm.entries()).hasSize(2);
            vm.verify();
            assertThat(vm.verification().get()).startsWith("The audit chain is intact");
            assertThat(vm.chainBroken().get()).isFalse();
        }
    }
}
