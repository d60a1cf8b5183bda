package org.vitalis.ui.shell;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.util.Duration;
import org.vitalis.ui.Imaging;
import org.vitalis.ui.UiContext;
import org.vitalis.ui.audit.AuditView;
import org.vitalis.ui.audit.AuditViewModel;
import org.vitalis.ui.backup.BackupView;
import org.vitalis.ui.backup.BackupViewModel;
import org.vitalis.ui.common.Async;
import org.vitalis.ui.common.Choices;
import org.vitalis.ui.common.FileDialogs;
import org.vitalis.ui.common.Messages;
import org.vitalis.ui.common.Ui;
import org.vitalis.ui.devices.DevicesView;
import org.vitalis.ui.devices.DevicesViewModel;
import org.vitalis.ui.imaging.ImagingView;
import org.vitalis.ui.imaging.ImagingViewModel;
import org.vitalis.ui.ecg.EcgAcquisitionView;
import org.vitalis.ui.ecg.EcgAcquisitionViewModel;
import org.vitalis.ui.ecgreview.EcgReviewView;
import org.vitalis.ui.ecgreview.EcgReviewViewModel;
import org.vitalis.ui.intake.IntakeView;
import org.vitalis.ui.intake.IntakeViewModel;
import org.vitalis.ui.users.UsersView;
import org.vitalis.ui.users.UsersViewModel;

/** The main window: navigation, the current screen and the status bar. */
public final class ShellView {
    private static final KeyCombination NEW_PATIENT = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

    private final BorderPane root = new BorderPane();
    private final ShellViewModel vm;
    private final UiContext ctx;
    private final Async async;
    private final Messages m;
    private final FileDialogs files;
    private final Map<Screen, Node> built = new EnumMap<>(Screen.class);
    /** Device subscriptions of the built screens, ended with the shell so no listener outlives its view. */
    private final java.util.List<AutoCloseable> closeables = new java.util.ArrayList<>();
    private final Map<Screen, ToggleButton> navButtons = new EnumMap<>(Screen.class);
    private final Timeline clock;
    private PatientWorkspace patients;
    private ImagingViewModel imagingVm;
    private EcgReviewView ecgReview;

    public ShellView(ShellViewModel vm, UiContext ctx, Async async, Messages m, FileDialogs files, boolean dark,
            ShellActions actions) {
        this.vm = vm;
        this.ctx = ctx;
        this.async = async;
        this.m = m;
        this.files = files;
        root.setId("shell");
        root.setTop(toolbar(dark, actions));
        root.setBottom(statusBar());
        vm.current().addListener((o, a, s) -> show(s));
        show(vm.current().get());
        vm.tick(Instant.now());
        clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.tick(Instant.now())));
        clock.setCycleCount(Animation.INDEFINITE);
        clock.play();
    }

    /** Shortcuts that work anywhere in the main window; the window routes key presses here. */
    public void shortcut(KeyEvent e) {
        boolean newPatient = NEW_PATIENT.match(e);
        if (!vm.screens().contains(Screen.PATIENTS) || !(newPatient || FIND.match(e))) {
            return;
        }
        e.consume();
        vm.current().set(Screen.PATIENTS);
        if (newPatient) {
            patients.register(null);
        } else {
            patients.focusSearch();
        }
    }

    private Node toolbar(boolean dark, ShellActions actions) {
        Label brand = new Label(m.get("app.title"));
        brand.getStyleClass().addAll("title-4", "brand");
        HBox bar = new HBox(8, brand, new Separator(javafx.geometry.Orientation.VERTICAL));
        ToggleGroup group = new ToggleGroup();
        for (Screen s : vm.screens()) {
            ToggleButton b = Ui.id(new ToggleButton(m.get(s.labelKey())), "nav-" + s.name().toLowerCase(java.util.Locale.ROOT));
            b.setToggleGroup(group);
            b.setSelected(s == vm.current().get());
            b.setOnAction(e -> {
                b.setSelected(true);
                vm.current().set(s);
            });
            navButtons.put(s, b);
            bar.getChildren().add(b);
        }
        vm.current().addListener((o, a, s) -> {
            if (navButtons.containsKey(s)) {
                navButtons.get(s).setSelected(true);
            }
        });
        ComboBox<String> language = Ui.id(new ComboBox<>(), "shell-language");
        language.getItems().setAll("en", "ar");
        language.setConverter(Choices.converter(tag -> m.get("language." + tag)));
        language.setValue(m.locale().getLanguage());
        language.setAccessibleText(m.get("shell.language"));
        language.valueProperty().addListener((o, a, tag) -> {
            if (tag != null && !tag.equals(a)) {
                actions.switchLanguage(tag);
            }
        });
        ToggleButton theme = Ui.id(new ToggleButton(m.get("shell.dark")), "shell-theme");
        theme.setSelected(dark);
        theme.setOnAction(e -> actions.switchTheme(theme.isSelected()));
        Button lock = Ui.id(new Button(m.get("shell.lock")), "shell-lock");
        lock.setOnAction(e -> actions.lock());
        Button logout = Ui.id(new Button(m.get("shell.logout")), "shell-logout");
        logout.setOnAction(e -> actions.logout());
        bar.getChildren().addAll(Ui.grow(), language, theme, lock, logout);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 12));
        bar.getStyleClass().add("app-toolbar");
        return bar;
    }

    private Node statusBar() {
        Label user = Ui.id(new Label(vm.userText()), "status-user");
        Label station = Ui.id(new Label(vm.workstationText()), "status-workstation");
        Label db = Ui.id(new Label(vm.databaseText()), "status-database");
        Label time = Ui.id(new Label(), "status-clock");
        time.textProperty().bind(vm.clock());
        HBox bar = new HBox(18, user, station, db);
        if (vm.demo()) {
            Label demo = new Label(m.get("status.demo"));
            demo.getStyleClass().add("demo-badge");
            bar.getChildren().add(demo);
        }
        bar.getChildren().addAll(Ui.grow(), time);
        bar.setPadding(new Insets(4, 12, 4, 12));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private void show(Screen s) {
        if (s == null) {
            root.setCenter(new Label(m.get("shell.noScreens")));
            return;
        }
        boolean cached = built.containsKey(s);
        root.setCenter(built.computeIfAbsent(s, this::build));
        if (s == Screen.ECG_REVIEW && cached) {
            ecgReview.refresh();
        }
        if (s == Screen.PATIENTS && patients != null) {
            // Coming back to the list is coming back to find someone: typing goes to the search.
            javafx.application.Platform.runLater(patients::focusSearchIfListed);
        }
    }

    private Node build(Screen s) {
        var session = vm.session();
        return switch (s) {
            case PATIENTS -> {
                patients = new PatientWorkspace(ctx, session, async, m, files,
                        vm.screens().contains(Screen.IMAGING) ? this::openPhotos : null);
                yield patients.root();
            }
            case USERS -> new UsersView(new UsersViewModel(ctx.users(), session, async, m), m).root();
            case AUDIT -> new AuditView(new AuditViewModel(ctx.audit(), session, async, m), m, files).root();
            case BACKUP -> new BackupView(new BackupViewModel(ctx.backups(), session, async, m), m, files).root();
            case DEVICES -> {
                DevicesViewModel dvm = new DevicesViewModel(ctx.devices(), async, m);
                closeables.add(dvm);
                DevicesView view = new DevicesView(dvm, m);
                closeables.add(view);
                yield view.root();
            }
            case IMAGING -> {
                Imaging imaging = ctx.imaging().orElseThrow();
                ImagingViewModel ivm = new ImagingViewModel(ctx.patients(), imaging.images(), imaging.analysis(),
                        imaging.cameras(), session, async, m);
                imagingVm = ivm;
                ImagingView view = new ImagingView(ivm, m, files);
                closeables.add(view);
                yield view.root();
            }
            case INTAKE -> {
                IntakeViewModel ivm = new IntakeViewModel(ctx.patients(), ctx.vitals(), ctx.devices(), session, async, m,
                        java.time.Clock.systemUTC());
                closeables.add(ivm);
                IntakeView view = new IntakeView(ivm, m);
                closeables.add(view);
                yield view.root();
            }
            case ECG -> {
                EcgAcquisitionViewModel evm = new EcgAcquisitionViewModel(ctx.ecg(), ctx.patients(), ctx.devices(),
                        session, async, m);
                evm.onOpenReview(this::openEcgReview);
                closeables.add(evm);
                EcgAcquisitionView view = new EcgAcquisitionView(evm, m, files);
                closeables.add(view);
                yield view.root();
            }
            case ECG_REVIEW -> {
                ecgReview = new EcgReviewView(new EcgReviewViewModel(ctx.ecg(), ctx.patients(), session, async, m,
                        null), m, files, null);
                yield ecgReview.root();
            }
        };
    }

    /** The chart's link to the lesion photos: the photo screen, on that patient. */
    private void openPhotos(org.vitalis.domain.PatientSummary patient) {
        vm.current().set(Screen.IMAGING);
        imagingVm.choosePatient(patient);
    }

    /** Shows a stored ECG on the review screen; only doctors have it, and only they are sent there. */
    private void openEcgReview(long recordingId) {
        if (!vm.screens().contains(Screen.ECG_REVIEW)) {
            return;
        }
        vm.current().set(Screen.ECG_REVIEW);
        ecgReview.open(recordingId);
    }

    /** Stops the clock and device updates; the view is discarded after logout or a language switch. */
    public void dispose() {
        clock.stop();
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(ShellView.class).warn("Could not end a device subscription: {}",
                        e.getClass().getName());
            }
        }
        closeables.clear();
    }

    public Parent root() {
        return root;
    }
}
