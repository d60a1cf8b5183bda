package org.vitalis.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vitalis.domain.Flag;
import org.vitalis.security.UserSession;

class DemoClinicTest {
    @Test
    void createsAccountsPatientsAndMonthsOfFlaggedVitalsThroughTheServices(@TempDir Path dir) throws Exception {
        AppConfig cfg = AppConfig.load(new AppConfig.Overrides(dir, null, true, null, null), Map.of());
        try (Station st = Station.open(cfg)) {
            assertThat(DemoClinic.needsSeeding(st)).isTrue();
            double[] last = {0};
            DemoClinic.seed(st, p -> {
                assertThat(p).isGreaterThanOrEqualTo(last[0]);
                last[0] = p;
            });
            assertThat(last[0]).isEqualTo(1.0);
            assertThat(DemoClinic.needsSeeding(st)).isFalse();
            for (DemoClinic.Account a : DemoClinic.ACCOUNTS) {
                UserSession s = st.auth.login(a.username(), a.password().toCharArray());
                assertThat(s.role()).isEqualTo(a.role());
            }
            UserSession nurse = st.auth.login("nurse", "nurse-demo-2026".toCharArray());
            assertThat(st.patients.count(nurse)).isEqualTo(DemoClinic.PATIENTS);
            var found = st.patients.search(nurse, "haddad");
            assertThat(found).isNotEmpty();
            var history = st.vitals.history(nurse, found.get(0).id());
            assertThat(history).hasSizeGreaterThanOrEqualTo(3 * 7);
            assertThat(history.get(0).getEffectiveAt()).isAfter(history.get(history.size() - 1).getEffectiveAt());
            long flagged = 0;
            for (var p : st.patients.search(nurse, "a")) {
                flagged += st.vitals.history(nurse, p.id()).stream().filter(o -> o.getFlag() != Flag.NORMAL).count();
            }
            assertThat(flagged).as("some demo readings are abnormal").isPositive();
            assertThat(st.trail.verify(st.db, n -> { }).intact()).isTrue();
        }
    }
}
