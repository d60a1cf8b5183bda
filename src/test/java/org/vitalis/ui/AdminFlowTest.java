package org.vitalis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.Test;

class AdminFlowTest extends UiTestBase {
    @Test
    void firstRunCreatesTheAdminWhoManagesUsersAuditAndBackups() throws Exception {
        station = new TestStation(dir);
        open(station.context("en", false, false), Duration.ofMinutes(15));

        Fx.waitUntil("the first-run form shows", () -> root.lookup("#first-username") != null);
        type("first-username", "boss");
        type("first-display-name", "Bashir Boss");
        type("first-password", "short");
        type("first-confirm", "short");
        press("first-submit");
        assertThat(text("first-message")).contains("at least 8");
        type("first-password", "long-enough-1");
        type("first-confirm", "long-enough-1");
        press("first-submit");
        Fx.waitUntil("the main window shows", () -> root.lookup("#shell") != null);
        assertThat(Fx.present(root, "nav-users")).isTrue();
        assertThat(Fx.present(root, "nav-audit")).isTrue();
        assertThat(Fx.present(root, "nav-backup")).isTrue();
        assertThat(text("status-user")).contains("Bashir Boss").contains("Administrator");
        assertThat(text("status-workstation")).contains("ws-test");

        Fx.run(() -> ((ToggleButton) Fx.find(root, "shell-theme")).fire());
        assertThat(Fx.call(() -> root.getStyleClass())).contains("theme-dark");
        Fx.run(() -> ((ToggleButton) Fx.find(root, "shell-theme")).fire());
        assertThat(Fx.call(() -> root.getStyleClass())).contains("theme-light");

        // Users: the admin creates a nurse account.
        TableView<?> users = Fx.find(root, "users-table");
        Fx.waitUntil("the admin is listed", () -> users.getItems().size() == 1);
        type("users-new-username", "nina");
        type("users-new-display-name", "Nina Nurse");
        javafx.scene.control.ComboBox<?> role = Fx.find(root, "users-new-role");
        Fx.run(() -> role.getSelectionModel().select(org.vitalis.domain.Role.NURSE.ordinal()));
        type("users-new-password", "nina-pass-1");
        press("users-create");
        Fx.waitUntil("the nurse is listed", () -> users.getItems().size() == 2);
        assertThat(text("users-message")).contains("nina");

        // Audit: entries, chain verification, CSV export to an injected path.
        Fx.run(() -> ((ToggleButton) Fx.find(root, "nav-audit")).fire());
        TableView<?> audit = Fx.find(root, "audit-table");
        Fx.waitUntil("audit entries show", () -> !audit.getItems().isEmpty());
        press("audit-verify");
        Fx.waitUntil("the chain is verified", () -> text("audit-verification").contains("intact"));
        nextFile = dir.resolve("audit.csv");
        press("audit-export");
        Fx.waitUntil("the export is written", () -> text("audit-status").contains("audit.csv"));
        assertThat(Files.readString(nextFile)).startsWith("seq,occurred_at");

        // Backup with progress and a clear result.
        Fx.run(() -> ((ToggleButton) Fx.find(root, "nav-backup")).fire());
        nextFile = dir.resolve("backup.zip");
        press("backup-choose");
        press("backup-run");
        Fx.waitUntil("the backup finishes", () -> text("backup-result").contains("was written"));
        assertThat(station.backups).containsExactly(nextFile);

        // The nurse sees patients but none of the admin screens.
        press("shell-logout");
        login("nina", "nina-pass-1");
        assertThat(Fx.present(root, "nav-patients")).isTrue();
        assertThat(Fx.present(root, "nav-users")).isFalse();
        assertThat(Fx.present(root, "nav-audit")).isFalse();
        assertThat(Fx.present(root, "nav-backup")).isFalse();
    }
}
