package org.vitalis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import javafx.geometry.NodeOrientation;
import javafx.scene.control.ComboBox;
import org.junit.jupiter.api.Test;

class LoginAndLanguageTest extends UiTestBase {
    @Test
    void demoLoginShowsAccountsAndRefusesWrongPasswords() {
        station = new TestStation(dir).withStaff();
        open(station.context("en", false, true), Duration.ofMinutes(15));
        Fx.waitUntil("the login screen shows", () -> root.lookup("#login-username") != null);
        assertThat(Fx.present(root, "login-demo-accounts")).isTrue();
        type("login-username", "nurse");
        type("login-password", "not-the-password");
        press("login-submit");
        Fx.waitUntil("the refusal shows", () -> !text("login-message").isEmpty());
        assertThat(text("login-message")).isEqualTo("Wrong user name or password.");
    }

    @Test
    void noDemoAccountsOutsideTheDemo() {
        station = new TestStation(dir).withStaff();
        open(station.context("en", false, false), Duration.ofMinutes(15));
        Fx.waitUntil("the login screen shows", () -> root.lookup("#login-username") != null);
        assertThat(Fx.present(root, "login-demo-accounts")).isFalse();
    }

    @Test
    void arabicTurnsTheWholeWindowRightToLeft() {
        station = new TestStation(dir).withStaff();
        open(station.context("en", false, false), Duration.ofMinutes(15));
        login("nurse", TestStation.NURSE_PW);
        assertThat(Fx.call(() -> root.getEffectiveNodeOrientation())).isEqualTo(NodeOrientation.LEFT_TO_RIGHT);
        @SuppressWarnings("unchecked")
        ComboBox<String> language = (ComboBox<String>) (ComboBox<?>) Fx.find(root, "shell-language");
        Fx.run(() -> language.setValue("ar"));
        Fx.waitUntil("the Arabic shell shows", () -> "المرضى".equals(text("nav-patients")));
        assertThat(Fx.call(() -> root.lookup("#shell").getEffectiveNodeOrientation()))
                .isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
        assertThat(text("status-user")).contains("ممرض");
    }
}
