package org.vitalis.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vitalis.domain.Flag;
import org.vitalis.security.UserSession;

class DemoClinicTest {
    @Test
    void createsAccountsPatientsAndMonthsOfFlaggedVitalsThroughTheServices(@TempDir Path dir) throws Exception {
        AppConfig cfg = AppConfig.load(new AppConfig.Overrides(dir, null, true, null, null), Map.of());
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
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

            // DESIGN.md rule 7: nothing that identifies a patient reaches a log line.
            List<String> identifying = new ArrayList<>();
            for (var p : st.patients.search(nurse, "a")) {
                identifying.addAll(List.of(p.familyName(), p.mrn(), p.phone()));
            }
            assertThat(logs.list).isNotEmpty();
            for (ILoggingEvent e : logs.list) {
                for (String s : identifying) {
                    assertThat(e.getFormattedMessage()).doesNotContain(s);
                }
            }
        } finally {
            root.detachAppender(logs);
        }
    }
}
