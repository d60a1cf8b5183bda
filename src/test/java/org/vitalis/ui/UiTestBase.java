package org.vitalis.ui;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.vitalis.ui.common.FileDialogs;

/** Opens the real workstation window on a real database; subclasses drive it like a user. */
abstract class UiTestBase {
    @TempDir
    Path dir;
    TestStation station;
    Stage stage;
    WorkstationWindow window;
    Parent root;
    /** What the "file chooser" answers next. */
    Path nextFile;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    void open(UiContext ctx, Duration idle) {
        FileDialogs files = new FileDialogs() {
            @Override
            public Optional<Path> open(String title, String filterDescription, String... extensions) {
                return Optional.ofNullable(nextFile);
            }

            @Override
            public Optional<Path> save(String title, String initialName, String filterDescription, String... ext) {
                return Optional.ofNullable(nextFile);
            }

            @Override
            public Optional<Path> folder(String title) {
                return Optional.ofNullable(nextFile);
            }
        };
        Fx.run(() -> {
            stage = new Stage();
            window = new WorkstationWindow(ctx, stage, idle, files);
            stage.setScene(window.scene());
            stage.show();
            root = window.root();
        });
    }

    @AfterEach
    void closeWindow() {
        if (window != null) {
            Fx.run(() -> {
                window.close();
                stage.close();
            });
        }
        if (station != null) {
            station.close();
        }
    }

    void type(String id, String text) {
        Fx.waitUntil("#" + id + " exists", () -> root.lookup("#" + id) != null);
        TextField tf = Fx.find(root, id);
        if (tf == null) {
            throw new AssertionError("No text field #" + id);
        }
        Fx.run(() -> tf.setText(text));
    }

    void press(String id) {
        Fx.waitUntil("#" + id + " exists", () -> root.lookup("#" + id) != null);
        Button b = Fx.find(root, id);
        if (b == null) {
            throw new AssertionError("No button #" + id);
        }
        Fx.run(b::fire);
    }

    void login(String user, String password) {
        Fx.waitUntil("the login screen shows", () -> root.lookup("#login-username") != null);
        type("login-username", user);
        type("login-password", password);
        press("login-submit");
        Fx.waitUntil("the main window shows", () -> root.lookup("#shell") != null);
    }

    String text(String id) {
        return Fx.call(() -> {
            var n = root.lookup("#" + id);
            return n instanceof javafx.scene.control.Labeled l ? l.getText() : null;
        });
    }
}
