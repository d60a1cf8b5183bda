package org.vitalis.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.NodeOrientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitalis.security.UserSession;
import org.vitalis.ui.common.Async;
import org.vitalis.ui.common.FileDialogs;
import org.vitalis.ui.common.FxFileDialogs;
import org.vitalis.ui.common.Messages;
import org.vitalis.ui.lock.IdleMonitor;
import org.vitalis.ui.lock.LockOverlay;
import org.vitalis.ui.lock.LockViewModel;
import org.vitalis.ui.login.FirstAdminView;
import org.vitalis.ui.login.FirstAdminViewModel;
import org.vitalis.ui.login.LoginView;
import org.vitalis.ui.login.LoginViewModel;
import org.vitalis.ui.shell.ShellActions;
import org.vitalis.ui.shell.ShellView;
import org.vitalis.ui.shell.ShellViewModel;
import org.vitalis.ui.startup.StartupView;
import org.vitalis.ui.startup.StartupViewModel;

/**
 * The workstation's one window: start-up, first run, login, the main window and the lock. Tests
 * build it on any stage and drive it like a user; {@link WorkstationApp} shows it for real.
 */
public final class WorkstationWindow {
    private static final Logger LOG = LoggerFactory.getLogger(WorkstationWindow.class);
    private static final KeyCombination LOCK = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);
    private static final String CSS = WorkstationWindow.class.getResource("vitalis.css").toExternalForm();

    private final UiContext ctx;
    private final StackPane root = new StackPane();
    private final FileDialogs files;
    private final Async async;
    private final ExecutorService background;
    private final IdleMonitor idle;
    private Messages m;
    private boolean dark;
    private UserSession session;
    private ShellView shell;
    private LockOverlay lock;

    public WorkstationWindow(UiContext ctx, Stage stage) {
        // At least a minute: a zero or negative setting must not lock the session in a loop.
        this(ctx, stage, Duration.ofMinutes(Math.max(1, ctx.settings().idleLockMinutes())), null);
    }

    /** {@code idleLock} and {@code files} are for tests: a short idle time and files picked without a dialog. */
    public WorkstationWindow(UiContext ctx, Stage stage, Duration idleLock, FileDialogs files) {
        this.ctx = ctx;
        this.files = files != null ? files : new FxFileDialogs(stage);
        this.background = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "vitalis-ui-work");
            t.setDaemon(true);
            return t;
        });
        this.async = new Async(background, Platform::runLater);
        this.m = Messages.of(ctx.settings().language());
        this.dark = ctx.settings().dark();
        this.idle = new IdleMonitor(idleLock, this::lock);
        root.getStylesheets().add(CSS);
        root.setId("workstation-root");
        applyTheme();
        applyOrientation();
        root.sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) {
                scene.addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
                idle.attach(scene);
            }
        });
        stage.setTitle(m.get("app.title"));
        begin();
    }

    public Parent root() {
        return root;
    }

    /** Creates the scene for a real stage. */
    public Scene scene() {
        return new Scene(root, 1280, 800);
    }

    private void begin() {
        ctx.startup().ifPresentOrElse(task -> {
            StartupViewModel vm = new StartupViewModel(task, async, m);
            show(new StartupView(vm, m).root());
            vm.start(this::showEntry);
        }, this::showEntry);
    }

    private void showEntry() {
        async.run(() -> ctx.auth().needsFirstAdmin(), needs -> {
            if (needs) {
                show(new FirstAdminView(new FirstAdminViewModel(ctx.auth(), async, m), m, this::loggedIn).root());
            } else {
                showLogin("");
            }
        }, e -> showLogin(m.get("startup.failed", e.getMessage())));
    }

    private void showLogin(String message) {
        LoginViewModel vm = new LoginViewModel(ctx.auth(), ctx.station(), async, m);
        vm.message().set(message);
        show(new LoginView(vm, m, this::loggedIn, tag -> Platform.runLater(() -> {
            switchMessages(tag);
            showLogin("");
        })).root());
        // The cold-start benchmark waits for this line.
        LOG.info("Login screen shown {} ms after JVM start",
                java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
    }

    private void loggedIn(UserSession s) {
        session = s;
        LOG.info("Session started for user id {} role {}", s.userId(), s.role());
        showShell();
    }

    private void showShell() {
        if (shell != null) {
            shell.dispose();
        }
        ShellViewModel vm = new ShellViewModel(session, ctx.station(), m,
                s -> s != org.vitalis.ui.shell.Screen.IMAGING || ctx.imaging().isPresent());
        shell = new ShellView(vm, ctx, async, m, files, dark, new Actions());
        show(shell.root());
        idle.arm();
    }

    private void show(Node content) {
        lock = null;
        root.getChildren().setAll(content);
    }

    private void shortcut(KeyEvent e) {
        if (session == null || lock != null) {
            return;
        }
        if (LOCK.match(e)) {
            e.consume();
            lock();
        } else if (shell != null) {
            shell.shortcut(e);
        }
    }

    void lock() {
        if (session == null || lock != null) {
            return;
        }
        idle.disarm();
        UserSession s = session;
        async.run(() -> {
            ctx.auth().lock(s);
            return Boolean.TRUE;
        }, ok -> { }, e -> LOG.warn("Could not audit the session lock: {}", e.getMessage()));
        Node content = root.getChildren().getFirst();
        // Disabled, not rebuilt: the screen is exactly as the user left it, but unreachable by keyboard.
        content.setDisable(true);
        lock = new LockOverlay(new LockViewModel(ctx.auth(), s, async, m), m, this::unlocked, this::lockedOut);
        root.getChildren().add(lock.root());
        lock.focus();
    }

    private void unlocked() {
        root.getChildren().remove(lock.root());
        lock = null;
        root.getChildren().getFirst().setDisable(false);
        idle.arm();
    }

    private void lockedOut(String why) {
        endSession();
        showLogin(why);
    }

    private void endSession() {
        idle.disarm();
        if (shell != null) {
            shell.dispose();
            shell = null;
        }
        UserSession s = session;
        session = null;
        if (s != null) {
            async.run(() -> {
                ctx.auth().logout(s);
                return Boolean.TRUE;
            }, ok -> { }, e -> LOG.warn("Could not audit the logout: {}", e.getMessage()));
        }
    }

    private void switchMessages(String languageTag) {
        m = Messages.of(languageTag);
        applyOrientation();
        if (root.getScene() != null && root.getScene().getWindow() instanceof Stage st) {
            st.setTitle(m.get("app.title"));
        }
    }

    private void applyTheme() {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        root.getStyleClass().removeAll("theme-dark", "theme-light");
        root.getStyleClass().add(dark ? "theme-dark" : "theme-light");
    }

    private void applyOrientation() {
        root.setNodeOrientation(m.rightToLeft() ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT);
    }

    /** Stops background threads; called when the window closes. */
    public void close() {
        endSession();
        background.shutdown();
        try {
            // Lets the logout audit entry reach the database before the caller closes it.
            if (!background.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS)) {
                background.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            background.shutdownNow();
        }
    }

    private final class Actions implements ShellActions {
        @Override
        public void lock() {
            WorkstationWindow.this.lock();
        }

        @Override
        public void logout() {
            endSession();
            showLogin("");
        }

        @Override
        public void switchLanguage(String languageTag) {
            // Deferred: the language box that fired this is part of the shell being replaced.
            Platform.runLater(() -> {
                switchMessages(languageTag);
                showShell();
            });
        }

        @Override
        public void switchTheme(boolean toDark) {
            dark = toDark;
            applyTheme();
        }
    }
}
