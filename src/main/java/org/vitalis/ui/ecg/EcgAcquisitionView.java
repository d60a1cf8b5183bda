package org.vitalis.ui.ecg;

import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.MouseEvent;
import java.util.List;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.vitalis.registry.EcgRecordingSummary;
import org.vitalis.ui.common.PatientPicker;
import org.vitalis.ui.common.PatientSearch;
import org.vitalis.ui.common.Choices;
import org.vitalis.ui.common.FileDialogs;
import org.vitalis.ui.common.Messages;
import org.vitalis.ui.common.Ui;

/** The ECG screen: patient, device, the live sweep on calibrated paper, and the recording buttons. */
public final class EcgAcquisitionView implements AutoCloseable {
    private final BorderPane root = new BorderPane();
    private final EcgSweep sweep;
    private final AnimationTimer timer;

    public EcgAcquisitionView(EcgAcquisitionViewModel vm, Messages m, FileDialogs files) {
        root.setId("ecg");
        root.setPadding(new Insets(12));
        root.setLeft(patientPane(vm, m));
        Canvas canvas = Ui.id(new Canvas(800, 200), "ecg-sweep");
        sweep = new EcgSweep(canvas, EcgPaper.standard(EcgPaper.pxPerMm(EcgPaper.FALLBACK_DPI, 1)));
        EcgScreen.followTheme(canvas, sweep::colors);
        ScrollPane scroll = new ScrollPane(canvas);
        scroll.setId("ecg-scroll");
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        Runnable paper = () -> sweep.paper(new EcgPaper(vm.speed().get(), vm.gain().get(), EcgScreen.pxPerMm(canvas)));
        scroll.viewportBoundsProperty().addListener((o, a, b) -> sweep.width(Math.floor(b.getWidth())));
        canvas.sceneProperty().addListener((o, a, s) -> paper.run());
        vm.speed().addListener((o, a, b) -> paper.run());
        vm.gain().addListener((o, a, b) -> paper.run());
        Label signal = Ui.id(new Label(), "ecg-signal");
        signal.textProperty().bind(vm.signalText());
        signal.visibleProperty().bind(vm.signalText().isNotEmpty());
        signal.getStyleClass().add("title-4");
        Ui.wrapUnlessArabic(signal);
        // No live ECG, no paper: the message says why, in its place.
        scroll.visibleProperty().bind(vm.trace().isNotNull());
        StackPane strip = new StackPane(scroll, signal);
        VBox.setVgrow(strip, Priority.ALWAYS);
        Slider page = Ui.id(new Slider(), "ecg-page");
        ToggleButton freeze = Ui.id(new ToggleButton(m.get("ecg.freeze")), "ecg-freeze");
        freeze.disableProperty().bind(vm.trace().isNull());
        freeze.setOnAction(e -> {
            sweep.freeze(freeze.isSelected());
            pageRange(page);
            page.setValue(sweep.pageStartS());
            page.setVisible(freeze.isSelected());
        });
        page.valueProperty().addListener((o, a, v) -> {
            if (sweep.frozen()) {
                sweep.showPage(v.doubleValue());
            }
        });
        page.setVisible(false);
        // Time runs left to right under the strip as on it.
        Ui.leftToRight(page);
        page.managedProperty().bind(page.visibleProperty());
        dragToScroll(canvas, page);
        VBox centre = new VBox(8, toolbar(vm, m, freeze), strip, page, actions(vm, m, files));
        centre.setPadding(new Insets(0, 0, 0, 12));
        root.setCenter(centre);
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                vm.frame();
                // The screen stays built while another is shown; a canvas off screen keeps every drawing command
                // queued until it is shown again, so the sweep draws only while it is on screen (the recording and
                // the device inbox go on all the same, and coming back repaints).
                if (canvas.getScene() == null) {
                    return;
                }
                sweep.show(vm.trace().get());
                sweep.frame();
                if (sweep.frozen()) {
                    pageRange(page);
                }
            }
        };
        timer.start();
    }

    /** A frozen strip's pages: from the oldest buffered second to the last full page. */
    private void pageRange(Slider page) {
        double pageSeconds = sweep.layout() == null ? 0 : sweep.layout().pageSeconds();
        page.setMin(sweep.bufferedStartS());
        page.setMax(Math.max(page.getMin(), sweep.bufferedEndS() - pageSeconds));
    }

    /** Dragging a frozen strip moves it like paper under the hand. */
    private void dragToScroll(Canvas canvas, Slider page) {
        double[] last = new double[1];
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> last[0] = e.getX());
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (sweep.frozen()) {
                double seconds = (last[0] - e.getX()) / sweep.paper().pxPerSecond();
                page.setValue(Math.max(page.getMin(), Math.min(page.getMax(), page.getValue() + seconds)));
                last[0] = e.getX();
            }
        });
    }

    private static Node patientPane(EcgAcquisitionViewModel vm, Messages m) {
        PatientSearch ps = vm.search();
        Label title = new Label(m.get("ecg.title"));
        title.getStyleClass().add("title-3");
        Label recordedTitle = new Label(m.get("ecg.patientRecordings"));
        recordedTitle.getStyleClass().add("text-muted");
        ListView<EcgRecordingSummary> recordings = Ui.id(new ListView<>(vm.recordings()), "ecg-recordings");
        recordings.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(EcgRecordingSummary s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : EcgText.summary(s, m));
            }
        });
        recordings.setPlaceholder(new Label(m.get("ecg.noRecordings")));
        recordings.getStyleClass().add("ecg-list");
        if (vm.reviews()) {
            recordings.setOnMouseClicked(e -> {
                EcgRecordingSummary s = recordings.getSelectionModel().getSelectedItem();
                if (e.getClickCount() == 2 && s != null) {
                    vm.open(s);
                }
            });
        }
        VBox.setVgrow(recordings, Priority.ALWAYS);
        VBox box = new VBox(8, title);
        box.getChildren().addAll(PatientPicker.nodes(ps, m, "ecg", m.get("ecg.patient"), 180));
        box.getChildren().addAll(recordedTitle, recordings);
        box.setPrefWidth(290);
        box.setMinWidth(260);
        return box;
    }

    private static Node toolbar(EcgAcquisitionViewModel vm, Messages m, ToggleButton freeze) {
        ComboBox<EcgAcquisitionViewModel.DeviceChoice> device = Ui.id(new ComboBox<>(vm.ecgDevices()), "ecg-device");
        device.setConverter(Choices.converter(EcgAcquisitionViewModel.DeviceChoice::name));
        device.valueProperty().bindBidirectional(vm.device());
        device.setPromptText(m.get("ecg.device"));
        ComboBox<Double> speed = Ui.id(new ComboBox<>(), "ecg-speed");
        speed.getItems().setAll(vm.speeds());
        speed.setConverter(Choices.converter(v -> m.get("ecg.speedChoice", number(v, m))));
        speed.valueProperty().bindBidirectional(vm.speed());
        ComboBox<Double> gain = Ui.id(new ComboBox<>(), "ecg-gain");
        gain.getItems().setAll(vm.gains());
        gain.setConverter(Choices.converter(v -> m.get("ecg.gainChoice", number(v, m))));
        gain.valueProperty().bindBidirectional(vm.gain());
        Label scale = Ui.id(new Label(), "ecg-scale");
        scale.textProperty().bind(vm.scaleText());
        scale.getStyleClass().add("text-bold");
        scale.setMinWidth(Label.USE_PREF_SIZE);
        for (var c : List.of(device, speed, gain)) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        freeze.setMinWidth(Region.USE_PREF_SIZE);
        FlowPane bar = new FlowPane(8, 4, Ui.labelFor(device, m.get("ecg.device")), device,
                Ui.labelFor(speed, m.get("ecg.speed")), speed, Ui.labelFor(gain, m.get("ecg.gain")), gain, scale, freeze);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static String number(double v, Messages m) {
        return EcgText.decimal(v, m);
    }

    private static Node actions(EcgAcquisitionViewModel vm, Messages m, FileDialogs files) {
        Button rest = Ui.id(new Button(m.get("ecg.record10")), "ecg-record10");
        rest.getStyleClass().add("accent");
        rest.setOnAction(e -> vm.record(EcgAcquisitionViewModel.RESTING_SECONDS));
        Button rhythm = Ui.id(new Button(m.get("ecg.record30")), "ecg-record30");
        rhythm.setOnAction(e -> vm.record(EcgAcquisitionViewModel.RHYTHM_SECONDS));
        Button startStop = Ui.id(new Button(), "ecg-startstop");
        startStop.textProperty().bind(Bindings.when(vm.openRecording()).then(m.get("ecg.stop"))
                .otherwise(m.get("ecg.start")));
        startStop.setOnAction(e -> {
            if (vm.openRecording().get()) {
                vm.stop();
            } else {
                vm.start();
            }
        });
        var noLive = vm.trace().isNull();
        rest.disableProperty().bind(vm.recording().or(vm.busy()).or(noLive));
        rhythm.disableProperty().bind(vm.recording().or(vm.busy()).or(noLive));
        startStop.disableProperty().bind(vm.busy().or(noLive).or(vm.recording().and(vm.openRecording().not())));
        Button importFile = Ui.id(new Button(m.get("ecg.import")), "ecg-import");
        importFile.disableProperty().bind(vm.recording().or(vm.busy()));
        importFile.setOnAction(e -> files.open(m.get("ecg.importTitle"), m.get("ecg.importFilter"),
                "*.hea", "*.edf", "*.bdf", "*.scp", "*.dcm", "*.xml", "*.json").ifPresent(vm::importFile));
        ProgressBar progress = Ui.id(new ProgressBar(), "ecg-progress");
        progress.progressProperty().bind(vm.progress());
        progress.visibleProperty().bind(vm.recording());
        progress.managedProperty().bind(progress.visibleProperty());
        progress.setPrefWidth(160);
        Label progressText = Ui.id(new Label(), "ecg-progress-text");
        progressText.textProperty().bind(vm.progressText());
        HBox buttons = new HBox(8, rest, rhythm, startStop, importFile, progress, progressText);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label message = Ui.id(new Label(), "ecg-message");
        message.textProperty().bind(vm.message());
        message.getStyleClass().add("success-text");
        Ui.wrapUnlessArabic(message);
        Label problem = Ui.error("ecg-problem");
        problem.textProperty().bind(vm.problem());
        return new VBox(6, buttons, message, problem);
    }

    public Parent root() {
        return root;
    }

    @Override
    public void close() {
        timer.stop();
    }
}
