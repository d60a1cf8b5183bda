package org.vitalis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import javafx.scene.Node;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;
import org.vitalis.domain.Flag;
import org.vitalis.domain.Observation;

class ClinicalFlowTest extends UiTestBase {
    @Test
    void nurseRegistersFindsAndChartsAPatient() throws Exception {
        station = new TestStation(dir).withStaff();
        open(station.context("en", false, false), Duration.ofMinutes(15));
        login("nurse", TestStation.NURSE_PW);

        // Ctrl+N opens registration; a missing family name is shown next to its field.
        Fx.key(Fx.find(root, "patients-search"), KeyCode.N, true);
        Fx.waitUntil("the registration form shows", () -> root.lookup("#reg-givenName") != null);
        type("reg-givenName", "Zoë");
        type("reg-givenNameArabic", "زوي");
        type("reg-familyNameArabic", "مولر");
        DatePicker birth = Fx.find(root, "reg-birthDate");
        Fx.run(() -> birth.getEditor().setText("5/3/1980"));
        type("reg-phone", "+49 30 1234567");
        Fx.key(Fx.find(root, "reg-givenName"), KeyCode.S, true);
        Fx.waitUntil("the field error shows", () -> !text("reg-error-familyName").isEmpty());
        assertThat(text("reg-error-familyName")).contains("family name");

        type("reg-familyName", "Müller");
        type("reg-contact-name", "Hans Müller");
        type("reg-contact-relationship", "husband");
        type("reg-contact-phone", "+49 30 7654321");
        press("reg-contact-add");
        press("reg-save");
        Fx.waitUntil("the chart opens", () -> root.lookup("#chart-name") != null);
        assertThat(text("chart-name")).isEqualTo("Müller, Zoë");
        assertThat(text("chart-name-ar")).isEqualTo("زوي مولر");
        String mrn = station.patients.search(station.auth.login("nurse", TestStation.NURSE_PW.toCharArray()), "zoe")
                .getFirst().mrn();
        assertThat(text("chart-facts")).contains(mrn);

        // Systolic 150 is stored and flagged amber, with the word as well as the colour.
        type("vitals-SYSTOLIC_BP", "150");
        type("vitals-DIASTOLIC_BP", "85");
        type("vitals-HEART_RATE", "٧٢");
        press("vitals-record");
        FlowPane recorded = Fx.find(root, "vitals-recorded");
        Fx.waitUntil("the new flags show", () -> !recorded.getChildren().isEmpty());
        Label systolic = Fx.call(() -> (Label) recorded.getChildren().stream()
                .filter(n -> ((Label) n).getText().startsWith("Systolic")).findFirst().orElseThrow());
        assertThat(systolic.getText()).contains("150").contains("Abnormal");
        assertThat(systolic.getStyleClass()).contains("flag-abnormal");
        @SuppressWarnings("unchecked")
        TableView<Observation> table = (TableView<Observation>) (TableView<?>) Fx.find(root, "chart-vitals-table");
        Fx.waitUntil("the table shows the entry", () -> table.getItems().size() == 3);
        assertThat(table.getItems()).anyMatch(o -> o.getFlag() == Flag.ABNORMAL);

        // Systolic 300 is refused with a sentence that says why, and nothing is stored.
        type("vitals-SYSTOLIC_BP", "300");
        type("vitals-DIASTOLIC_BP", "80");
        press("vitals-record");
        VBox problems = Fx.find(root, "vitals-problems");
        Fx.waitUntil("the refusal shows", () -> !problems.getChildren().isEmpty());
        String why = Fx.call(() -> ((Label) problems.getChildren().getFirst()).getText());
        assertThat(why).contains("Systolic BP 300 mmHg").contains("60–279").contains("nothing was saved");
        assertThat(station.vitals.history(station.auth.login("nurse", TestStation.NURSE_PW.toCharArray()),
                station.patients.search(station.auth.login("nurse", TestStation.NURSE_PW.toCharArray()), "zoe")
                        .getFirst().id())).hasSize(3);

        // Search as you type, then Enter opens the only result.
        press("chart-back");
        TextField search = Fx.find(root, "patients-search");
        type("patients-search", "zoe mül");
        TableView<?> results = Fx.find(root, "patients-table");
        Fx.waitUntil("the search finds her", () -> results.getItems().size() == 1);
        Fx.key(search, KeyCode.ENTER, false);
        Fx.waitUntil("the chart opens", () -> root.lookup("#chart-name") != null);

        // A scanned wristband (MRN + Enter) opens the chart straight away.
        press("chart-back");
        type("patients-search", mrn);
        Fx.key(search, KeyCode.ENTER, false);
        Fx.waitUntil("the scanned chart opens", () -> root.lookup("#chart-facts") != null);
        assertThat(text("chart-facts")).contains(mrn);
    }

    @Test
    void lockKeepsTheScreenAndAsksForThePassword() {
        station = new TestStation(dir).withStaff();
        open(station.context("en", false, false), Duration.ofMinutes(15));
        login("nurse", TestStation.NURSE_PW);
        type("patients-search", "nobody");
        BorderPane shell = Fx.find(root, "shell");
        Node screen = Fx.call(shell::getCenter);

        Fx.key(Fx.find(root, "patients-search"), KeyCode.L, true);
        Fx.waitUntil("the lock covers the window", () -> root.lookup("#lock-overlay") != null);
        assertThat(Fx.call(shell::isDisabled)).isTrue();
        type("lock-password", "wrong-password");
        press("lock-unlock");
        Fx.waitUntil("the refusal shows", () -> !text("lock-message").isEmpty());
        assertThat(text("lock-message")).isEqualTo("Wrong user name or password.");
        type("lock-password", TestStation.NURSE_PW);
        press("lock-unlock");
        Fx.waitUntil("the lock is gone", () -> root.lookup("#lock-overlay") == null);
        assertThat(Fx.call(shell::getCenter)).isSameAs(screen);
        assertThat(Fx.call(() -> ((TextField) root.lookup("#patients-search")).getText())).isEqualTo("nobody");
        assertThat(Fx.call(shell::isDisabled)).isFalse();

        Fx.key(Fx.find(root, "patients-table"), KeyCode.F, true);
        Fx.waitUntil("Ctrl+F focuses the search", () -> root.lookup("#patients-search").isFocused());
    }

    @Test
    void idleSessionLocksAndRepeatedFailuresEndIt() {
        station = new TestStation(dir).withStaff();
        open(station.context("en", false, false), Duration.ofMillis(600));
        login("nurse", TestStation.NURSE_PW);
        Fx.waitUntil("the idle lock comes down", () -> root.lookup("#lock-overlay") != null);
        for (int i = 0; i < org.vitalis.security.AuthService.MAX_FAILURES - 1; i++) {
            type("lock-password", "wrong-password");
            press("lock-unlock");
            Fx.waitUntil("refusal " + i, () -> !text("lock-message").isEmpty()
                    && !((javafx.scene.control.Button) root.lookup("#lock-unlock")).isDisabled());
        }
        type("lock-password", "wrong-password");
        press("lock-unlock");
        Fx.waitUntil("the session ends at the login screen", () -> root.lookup("#login-username") != null);
        assertThat(text("login-message")).contains("locked");
    }
}
