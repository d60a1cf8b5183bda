package org.vitalis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.util.WaitForAsyncUtils;
import org.vitalis.domain.EmergencyContact;
import org.vitalis.domain.Sex;
import org.vitalis.domain.VitalSign;
import org.vitalis.registry.PatientDraft;
import org.vitalis.registry.VitalsEntry;
import org.vitalis.security.UserSession;

/**
 * Renders every main screen to target/screens/ so a person can look at them. By default English
 * light and Arabic dark; {@code -Dvitalis.screens=all} adds the other two combinations.
 */
class ScreenshotTest extends UiTestBase {
    private static final Path OUT = Path.of("target", "screens");

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> looks() {
        var all = java.util.stream.Stream.of(new Object[] {"en", false}, new Object[] {"ar", true},
                new Object[] {"en", true}, new Object[] {"ar", false});
        return all.limit("all".equals(System.getProperty("vitalis.screens")) ? 4 : 2)
                .map(org.junit.jupiter.params.provider.Arguments::of);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("looks")
    void rendersEachScreen(String language, boolean dark) throws Exception {
        System.setProperty("java.awt.headless", "true");
        station = new TestStation(dir).withStaff();
        seed();
        String tag = language + "-" + (dark ? "dark" : "light");
        open(station.context(language, dark, true), Duration.ofMinutes(15));
        Fx.run(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        Fx.waitUntil("the login screen shows", () -> root.lookup("#login-username") != null);
        shoot("login", tag);

        login("nurse", TestStation.NURSE_PW);
        type("patients-search", "sal");
        Fx.waitUntil("results show", () -> !((javafx.scene.control.TableView<?>) root.lookup("#patients-table"))
                .getItems().isEmpty());
        shoot("patients", tag);
        Fx.run(() -> ((javafx.scene.control.Button) root.lookup("#patients-new")).fire());
        Fx.waitUntil("the registration form shows", () -> root.lookup("#reg-givenName") != null);
        type("reg-givenName", "Omar");
        press("reg-save");
        Fx.waitUntil("field errors show", () -> !text("reg-error-familyName").isEmpty());
        shoot("registration", tag);
        type("reg-givenName", "Salma");
        type("reg-familyName", "Haddad");
        Fx.run(() -> ((javafx.scene.control.DatePicker) root.lookup("#reg-birthDate")).setValue(LocalDate.of(1975, 11, 2)));
        press("reg-save");
        Fx.waitUntil("possible duplicates show", () -> root.lookup("#reg-duplicates") != null);
        assertThat(Fx.call(() -> ((javafx.scene.control.ListView<?>) root.lookup("#reg-duplicates")).getItems()))
                .hasSize(1);
        shoot("registration-duplicates", tag);
        press("reg-cancel");
        Fx.run(() -> {
            @SuppressWarnings("unchecked")
            var table = (javafx.scene.control.TableView<org.vitalis.domain.PatientSummary>) root.lookup("#patients-table");
            table.getSelectionModel().select(table.getItems().stream()
                    .filter(p -> p.givenName().equals("Salma")).findFirst().orElseThrow());
            table.fireEvent(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "",
                    javafx.scene.input.KeyCode.ENTER, false, false, false, false));
        });
        Fx.waitUntil("the chart shows", () -> root.lookup("#chart-name") != null
                && !((javafx.scene.control.TableView<?>) root.lookup("#chart-vitals-table")).getItems().isEmpty());
        type("vitals-SYSTOLIC_BP", "150");
        type("vitals-DIASTOLIC_BP", "85");
        type("vitals-SPO2", "91");
        press("vitals-record");
        Fx.waitUntil("the new flags show", () -> !((javafx.scene.layout.FlowPane) root.lookup("#vitals-recorded"))
                .getChildren().isEmpty());
        shoot("chart-recorded", tag);
        type("vitals-SYSTOLIC_BP", "300");
        type("vitals-DIASTOLIC_BP", "80");
        press("vitals-record");
        Fx.waitUntil("the refusal shows", () -> !((javafx.scene.layout.VBox) root.lookup("#vitals-problems"))
                .getChildren().isEmpty());
        shoot("chart", tag);
        press("shell-lock");
        Fx.waitUntil("the lock shows", () -> root.lookup("#lock-overlay") != null);
        shoot("lock", tag);
        type("lock-password", TestStation.NURSE_PW);
        press("lock-unlock");
        Fx.waitUntil("the lock is gone", () -> root.lookup("#lock-overlay") == null);
        press("shell-logout");

        login("admin", TestStation.ADMIN_PW);
        Fx.waitUntil("users show", () -> !((javafx.scene.control.TableView<?>) root.lookup("#users-table"))
                .getItems().isEmpty());
        shoot("users", tag);
        Fx.run(() -> ((ToggleButton) root.lookup("#nav-audit")).fire());
        press("audit-verify");
        Fx.waitUntil("audit shows", () -> !((javafx.scene.control.TableView<?>) root.lookup("#audit-table"))
                .getItems().isEmpty() && !text("audit-verification").isEmpty());
        shoot("audit", tag);
        Fx.run(() -> ((ToggleButton) root.lookup("#nav-backup")).fire());
        nextFile = dir.resolve("clinic-backup.zip");
        press("backup-choose");
        press("backup-run");
        Fx.waitUntil("the backup finishes", () -> !text("backup-result").isEmpty());
        shoot("backup", tag);
    }

    @ParameterizedTest
    @CsvSource({"en,false", "ar,true"})
    void rendersFirstRun(String language, boolean dark) throws Exception {
        station = new TestStation(dir);
        open(station.context(language, dark, false), Duration.ofMinutes(15));
        Fx.run(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        Fx.waitUntil("the first-run form shows", () -> root.lookup("#first-username") != null);
        type("first-username", "admin");
        type("first-password", "12345678");
        type("first-confirm", "12345679");
        press("first-submit");
        shoot("first-run", language + "-" + (dark ? "dark" : "light"));
    }

    private void seed() throws Exception {
        UserSession nurse = station.auth.login("nurse", TestStation.NURSE_PW.toCharArray());
        var p = station.patients.register(nurse, new PatientDraft("Salma", "Haddad", "سلمى", "حداد",
                LocalDate.of(1975, 11, 2), Sex.FEMALE, "+962 6 555 0101", "salma@example.org", "Amman", null, null,
                List.of(new EmergencyContact("Karim Haddad", "son", "+962 79 555 0102")), List.of()));
        station.patients.register(nurse, PatientDraft.basic("Salim", "Nasser", LocalDate.of(1990, 1, 20), Sex.MALE,
                "+962 6 555 0199"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        int[][] bp = {{128, 82}, {136, 88}, {152, 94}, {145, 90}, {181, 112}};
        for (int i = 0; i < bp.length; i++) {
            station.vitals.record(nurse, p.getId(), new VitalsEntry(now.minus(Duration.ofDays(bp.length - i)), Map.of(
                    VitalSign.SYSTOLIC_BP, BigDecimal.valueOf(bp[i][0]), VitalSign.DIASTOLIC_BP, BigDecimal.valueOf(bp[i][1]),
                    VitalSign.HEART_RATE, BigDecimal.valueOf(70 + 4 * i)), null));
        }
    }

    private void shoot(String screen, String tag) throws Exception {
        Path file = OUT.resolve(screen + "-" + tag + ".png");
        Fx.writePng(root.getScene(), file);
        assertThat(file).exists();
    }
}
