package org.vitalis.ui.ecgreview;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import org.vitalis.ui.common.FileDialogs;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.vitalis.registry.EcgRecordingSummary;
import org.vitalis.registry.StoredEcg;
import org.vitalis.ui.common.Choices;
import org.vitalis.ui.common.Messages;
import org.vitalis.ui.common.Ui;
import org.vitalis.ui.ecg.EcgPaper;
import org.vitalis.ui.ecg.EcgScreen;
import org.vitalis.ui.ecg.EcgStrip;
import org.vitalis.ui.ecg.EcgText;
import org.vitalis.ui.ecg.LeadSignal;
import org.vitalis.ui.ecg.RecordedLead;

/**
 * The review screen: recordings on the side; the open one on calibrated paper with its beats marked and calipers;
 * below it the computer's measurements and statements, and the doctor's interpretation and confirmation.
 */
public final class EcgReviewView {
    private final BorderPane root = new BorderPane();
    private final EcgReviewViewModel vm;
    private final EcgStrip strip;
    private final CaliperOverlay calipers;
    private final Slider page = Ui.id(new Slider(0, 0, 0), "ecgreview-page");

    /** {@code onBack} returns to where the screen was opened from, or is null when it is a screen of its own. */
    private final FileDialogs files;

    public EcgReviewView(EcgReviewViewModel vm, Messages m, FileDialogs files, Runnable onBack) {
        this.files = files;
        this.vm = vm;
        root.setId("ecgreview");
        root.setPadding(new Insets(12));
        Canvas canvas = Ui.id(new Canvas(900, 300), "ecgreview-strip");
        strip = new EcgStrip(canvas, EcgPaper.standard(EcgPaper.pxPerMm(96, 1)));
        calipers = new CaliperOverlay(canvas, strip, m);
        EcgScreen.followTheme(canvas, c -> {
            strip.colors(c);
            calipers.colors(c);
        });
        root.setLeft(list(vm, m, onBack));
        root.setCenter(centre(vm, m, canvas));
        vm.open().addListener((o, a, s) -> show(s));
        vm.load();
    }

    private Node list(EcgReviewViewModel vm, Messages m, Runnable onBack) {
        Label title = new Label();
        title.textProperty().bind(vm.title());
        title.getStyleClass().add("title-4");
        ListView<EcgRecordingSummary> list = Ui.id(new ListView<>(vm.recordings()), "ecgreview-list");
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(EcgRecordingSummary s, boolean empty) {
                super.updateItem(s, empty);
                if (empty || s == null) {
                    setText(null);
                } else {
                    String who = vm.patientMode() ? "" : vm.patientName(s.patientId()) + "\n";
                    setText(who + EcgText.summary(s, m));
                }
            }
        });
        vm.patientNames().addListener((MapChangeListener<Long, String>) c -> list.refresh());
        list.getStyleClass().add("ecg-list");
        if (!vm.patientMode()) {
            list.getStyleClass().add("with-patient");
        }
        list.setPlaceholder(new Label(vm.patientMode() ? m.get("ecg.noRecordings") : m.get("ecgreview.noneAwaiting")));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> {
            if (s != null && (vm.open().get() == null || vm.open().get().summary().id() != s.id())) {
                vm.open(s.id());
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox box = new VBox(8, title, list);
        if (onBack != null) {
            Button back = Ui.id(new Button(m.get("ecgreview.back")), "ecgreview-back");
            back.setOnAction(e -> onBack.run());
            box.getChildren().addFirst(back);
        }
        box.setPrefWidth(240);
        box.setMinWidth(220);
        box.setPadding(new Insets(0, 12, 0, 0));
        return box;
    }

    private Node centre(EcgReviewViewModel vm, Messages m, Canvas canvas) {
        Label heading = Ui.id(new Label(), "ecgreview-heading");
        heading.textProperty().bind(vm.heading());
        heading.getStyleClass().add("text-muted");
        Label patient = Ui.id(new Label(), "ecgreview-patient");
        patient.textProperty().bind(Bindings.createStringBinding(() -> vm.open().get() == null ? ""
                : vm.patientName(vm.open().get().summary().patientId()), vm.open(), vm.patientNames()));
        patient.getStyleClass().add("title-4");
        ComboBox<Double> speed = Ui.id(new ComboBox<>(), "ecgreview-speed");
        speed.getItems().setAll(EcgPaper.SPEEDS);
        speed.setValue(EcgPaper.STANDARD_SPEED);
        speed.setConverter(Choices.converter(v -> m.get("ecg.speedChoice", EcgText.decimal(v, m))));
        ComboBox<Double> gain = Ui.id(new ComboBox<>(), "ecgreview-gain");
        gain.getItems().setAll(EcgPaper.GAINS);
        gain.setValue(EcgPaper.STANDARD_GAIN);
        gain.setConverter(Choices.converter(v -> m.get("ecg.gainChoice", EcgText.decimal(v, m))));
        Label scale = Ui.id(new Label(), "ecgreview-scale");
        scale.getStyleClass().add("text-bold");
        scale.setMinWidth(Label.USE_PREF_SIZE);
        Runnable paper = () -> {
            strip.paper(new EcgPaper(speed.getValue(), gain.getValue(), EcgScreen.pxPerMm(canvas)));
            scale.setText(m.get("ecg.scale", EcgText.decimal(speed.getValue(), m), EcgText.decimal(gain.getValue(), m)));
            calipers.clear();
            // The rows grow with the gain; the calipers' layer must cover them all.
            calipers.fit();
            pageRange(page);
        };
        speed.valueProperty().addListener((o, a, b) -> paper.run());
        gain.valueProperty().addListener((o, a, b) -> paper.run());
        canvas.sceneProperty().addListener((o, a, s) -> paper.run());
        paper.run();
        Label hint = new Label(m.get("ecgreview.caliperHint"));
        hint.getStyleClass().addAll("text-muted", "text-small");
        Label reading = Ui.id(new Label(), "ecgreview-caliper");
        reading.textProperty().bind(calipers.text());
        reading.getStyleClass().add("text-bold");
        speed.setMinWidth(Region.USE_PREF_SIZE);
        gain.setMinWidth(Region.USE_PREF_SIZE);
        reading.setMinWidth(Region.USE_PREF_SIZE);
        hint.setMinWidth(Region.USE_PREF_SIZE);
        FlowPane bar = new FlowPane(8, 4, Ui.labelFor(speed, m.get("ecg.speed")), speed,
                Ui.labelFor(gain, m.get("ecg.gain")), gain, scale, reading, hint);
        bar.setAlignment(Pos.CENTER_LEFT);

        // Left to right like the strip, so the caliper's reading is placed where the caliper is.
        Pane layers = Ui.leftToRight(new Pane(canvas, calipers.canvas(), calipers.readout()));
        ScrollPane scroll = new ScrollPane(layers);
        scroll.setId("ecgreview-scroll");
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.viewportBoundsProperty().addListener((o, a, b) -> {
            strip.width(Math.floor(b.getWidth()));
            calipers.fit();
            pageRange(page);
        });
        page.valueProperty().addListener((o, a, v) -> {
            strip.startS(v.doubleValue());
            calipers.clear();
        });
        page.managedProperty().bind(page.visibleProperty());
        // Time runs left to right under the strip as on it.
        Ui.leftToRight(page);
        VBox stripBox = new VBox(4, new VBox(0, patient, heading), bar, scroll, page);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        stripBox.setPadding(new Insets(0, 0, 6, 0));

        SplitPane split = new SplitPane(stripBox, details(vm, m));
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.74);
        Label empty = Ui.id(new Label(m.get("ecgreview.choose")), "ecgreview-empty");
        empty.getStyleClass().add("text-muted");
        BorderPane centre = new BorderPane(empty);
        vm.open().addListener((o, a, s) -> centre.setCenter(s == null ? empty : split));
        Label message = Ui.error("ecgreview-message");
        message.textProperty().bind(vm.message());
        Label notice = Ui.id(new Label(), "ecgreview-notice");
        notice.textProperty().bind(vm.notice());
        notice.getStyleClass().add("success-text");
        notice.managedProperty().bind(vm.notice().isNotEmpty());
        centre.setBottom(new VBox(2, message, notice));
        return centre;
    }

    private void pageRange(Slider page) {
        double pageSeconds = strip.layout() == null ? 0 : strip.layout().pageSeconds();
        double latest = Math.max(0, strip.durationS() - pageSeconds);
        page.setMax(latest);
        page.setVisible(latest > 0);
        page.setBlockIncrement(Math.max(0.1, pageSeconds / 2));
    }

    private Node details(EcgReviewViewModel vm, Messages m) {
        GridPane values = Ui.id(new GridPane(16, 4), "ecgreview-measurements");
        Runnable fill = () -> {
            values.getChildren().clear();
            int row = 0;
            for (EcgReviewViewModel.Measurement x : vm.measurements()) {
                Label name = new Label(x.name());
                name.getStyleClass().add("text-muted");
                Label value = Ui.id(new Label(x.value()), "ecgreview-m-" + row);
                value.getStyleClass().add("text-bold");
                values.addRow(row++, name, value);
            }
        };
        vm.measurements().addListener((ListChangeListener<EcgReviewViewModel.Measurement>) c -> fill.run());
        Label measurementsTitle = heading(m.get("ecgreview.measurements"));
        VBox left = new VBox(6, measurementsTitle, values);
        left.setMinWidth(Label.USE_PREF_SIZE);

        VBox rhythm = Ui.id(new VBox(2), "ecgreview-rhythm");
        bindLines(rhythm, vm.rhythm());
        VBox quality = Ui.id(new VBox(2), "ecgreview-quality");
        bindLines(quality, vm.quality());
        Label algorithmTitle = new Label(m.get("ecgreview.algorithm"));
        algorithmTitle.getStyleClass().addAll("text-muted", "text-small");
        // The version names the methods in English, as their authors did; it reads left to right in any language.
        Label algorithm = Ui.leftToRight(Ui.id(new Label(), "ecgreview-algorithm"));
        algorithm.textProperty().bind(vm.algorithm());
        algorithm.getStyleClass().addAll("text-muted", "text-small");
        algorithm.setWrapText(true);
        Label support = Ui.id(new Label(m.get("ecgreview.decisionSupport")), "ecgreview-support");
        support.getStyleClass().add("warning-panel");
        support.setPadding(new Insets(4, 8, 4, 8));
        Ui.wrapUnlessArabic(support);
        VBox middle = new VBox(6, support, heading(m.get("ecgreview.rhythm")), rhythm,
                heading(m.get("ecgreview.signalQuality")), quality, algorithmTitle, algorithm);
        HBox.setHgrow(middle, Priority.ALWAYS);

        TextArea text = Ui.id(new TextArea(), "ecgreview-interpretation");
        text.textProperty().bindBidirectional(vm.interpretation());
        text.setPrefRowCount(4);
        text.setWrapText(true);
        text.editableProperty().bind(vm.awaiting().and(new javafx.beans.property.SimpleBooleanProperty(
                vm.canConfirm())));
        Label confirmation = Ui.id(new Label(), "ecgreview-confirmation");
        confirmation.textProperty().bind(vm.confirmation());
        confirmation.getStyleClass().add("text-bold");
        Ui.wrapUnlessArabic(confirmation);
        VBox right = new VBox(6, Ui.labelFor(text, m.get("ecgreview.interpretation")), text, confirmation);
        if (vm.canConfirm()) {
            Button confirm = Ui.id(new Button(m.get("ecgreview.confirm")), "ecgreview-confirm");
            confirm.getStyleClass().add("accent");
            confirm.disableProperty().bind(vm.busy().or(vm.open().isNull()));
            confirm.visibleProperty().bind(vm.awaiting());
            confirm.managedProperty().bind(confirm.visibleProperty());
            confirm.setOnAction(e -> vm.confirm());
            right.getChildren().add(confirm);
        }
        Button report = Ui.id(new Button(m.get("ecgreview.report")), "ecgreview-report");
        report.disableProperty().bind(vm.busy().or(vm.open().isNull()));
        report.setOnAction(e -> files.save(m.get("ecgreview.report"), vm.reportFileName(), m.get("ecgreview.pdfFiles"),
                "*.pdf").ifPresent(vm::saveReport));
        right.getChildren().add(report);
        right.setPrefWidth(340);
        right.setMinWidth(260);
        HBox box = new HBox(24, left, middle, right);
        box.setPadding(new Insets(8, 0, 0, 0));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("text-bold");
        return l;
    }

    private static void bindLines(VBox box, javafx.collections.ObservableList<String> lines) {
        Runnable fill = () -> box.getChildren().setAll(lines.stream().map(t -> {
            Label l = new Label(t);
            Ui.wrapUnlessArabic(l);
            return (Node) l;
        }).toList());
        lines.addListener((ListChangeListener<String>) c -> fill.run());
        fill.run();
    }

    private void show(StoredEcg s) {
        calipers.clear();
        if (s == null) {
            return;
        }
        double fs = s.record().samplingFrequency();
        // Other signals a file carried (respiration, SpO2) are stored with the recording but are not ECG strips.
        List<LeadSignal> leads = s.record().leads().stream().filter(org.vitalis.ecg.format.EcgLead::isVoltage)
                .map(l -> (LeadSignal) new RecordedLead(l, fs)).toList();
        strip.show(leads, s.analysis().beats().beats());
        calipers.fit();
        pageRange(page);
        page.setValue(0);
    }

    /** Loads the list again: recordings come and go while the screen waits in the background. */
    public void refresh() {
        vm.load();
    }

    /** Opens a recording, as when a doctor comes here straight from taking it. */
    public void open(long recordingId) {
        vm.open(recordingId);
    }

    public Parent root() {
        return root;
    }
}
