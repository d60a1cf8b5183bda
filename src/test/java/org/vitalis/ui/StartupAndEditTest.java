package org.vitalis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.DoubleConsumer;
import javafx.geometry.NodeOrientation;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ProgressBar;
import org.junit.jupiter.api.Test;
import org.vitalis.domain.Sex;
import org.vitalis.registry.PatientDraft;

class StartupAndEditTest extends UiTestBase {
    @Test
    void startupWorkShowsProgressThenTheLogin() throws Exception {
        station = new TestStation(dir).withStaff();
        CountDownLatch release = new CountDownLatch(1);
        StartupTask task = new StartupTask() {
            @Override
            public String messageKey() {
                return "startup.demo";
            }

            @Override
            public void run(DoubleConsumer progress) throws Exception {
                progress.accept(0.4);
                release.await();
            }
        };
        UiContext base = station.context("en", false, false);
        open(new UiContext(base.auth(), base.users(), base.patients(), base.vitals(), base.ecg(), base.audit(), base.backups(),
                base.station(), base.settings(), Optional.of(task), Optional.empty(), Optional.empty()),
                Duration.ofMinutes(15));
        Fx.waitUntil("progress shows", () -> ((ProgressBar) root.lookup("#startup-progress")).getProgress() == 0.4);
        assertThat(text("startup-message")).isEqualTo("Creating the demo clinic…");
        release.countDown();
        Fx.waitUntil("the login screen shows", () -> root.lookup("#login-username") != null);
    }

    @Test
    void failedStartupSaysWhy() {
        station = new TestStation(dir);
        StartupTask task = new StartupTask() {
            @Override
            public String messageKey() {
                return "startup.prepare";
            }

            @Override
            public void run(DoubleConsumer progress) {
                throw new IllegalStateException("The data folder is read-only.");
            }
        };
        UiContext base = station.context("en", false, false);
        open(new UiContext(base.auth(), base.users(), base.patients(), base.vitals(), base.ecg(), base.audit(), base.backups(),
                base.station(), base.settings(), Optional.of(task), Optional.empty(), Optional.empty()),
                Duration.ofMinutes(15));
        Fx.waitUntil("the error shows", () -> !text("startup-error").isEmpty());
        assertThat(text("startup-error")).isEqualTo("The workstation could not start: The data folder is read-only.");
    }

    @Test
    void loginScreenSwitchesToArabic() {
        station = new TestStation(dir).withStaff();
        open(station.context("en", false, false), Duration.ofMinutes(15));
        Fx.waitUntil("the login screen shows", () -> root.lookup("#login-language") != null);
        @SuppressWarnings("unchecked")
        ComboBox<String> language = (ComboBox<String>) (ComboBox<?>) Fx.find(root, "login-language");
        Fx.run(() -> language.setValue("ar"));
        Fx.waitUntil("the Arabic login shows", () -> "تسجيل الدخول".equals(text("login-submit")));
        assertThat(Fx.call(() -> root.lookup("#login-submit").getEffectiveNodeOrientation()))
                .isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
    }

    @Test
    void editingFromTheChartUpdatesTheHeader() throws Exception {
        station = new TestStation(dir).withStaff();
        var nurse = station.auth.login("nurse", TestStation.NURSE_PW.toCharArray());
        var p = station.patients.register(nurse, PatientDraft.basic("Rami", "Aziz", LocalDate.of(1999, 9, 9), Sex.MALE,
                null));
        open(station.context("en", false, false), Duration.ofMinutes(15));
        login("nurse", TestStation.NURSE_PW);
        type("patients-search", p.getMrn());
        Fx.key(Fx.find(root, "patients-search"), javafx.scene.input.KeyCode.ENTER, false);
        Fx.waitUntil("the chart opens", () -> root.lookup("#chart-name") != null);
        press("chart-edit");
        Fx.waitUntil("the edit form shows", () -> root.lookup("#reg-givenName") != null);
        assertThat(Fx.call(() -> ((javafx.scene.control.TextField) root.lookup("#reg-givenName")).getText()))
                .isEqualTo("Rami");
        type("reg-phone", "+962 7 9000 1111");
        press("reg-save");
        Fx.waitUntil("the chart shows the new phone", () -> root.lookup("#chart-name") != null
                && root.lookup("#chart-header").lookupAll(".label").stream()
                        .anyMatch(n -> ((javafx.scene.control.Label) n).getText().contains("9000 1111")));
    }
}
