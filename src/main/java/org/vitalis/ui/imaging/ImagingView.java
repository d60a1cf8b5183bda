package org.vitalis.ui.imaging;

import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.NodeOrientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.vitalis.domain.BodySite;
import org.vitalis.domain.Laterality;
import org.vitalis.domain.LesionKind;
import org.vitalis.registry.LesionImageSummary;
import org.vitalis.ui.common.PatientPicker;
import org.vitalis.ui.common.Choices;
import org.vitalis.ui.common.FileDialogs;
import org.vitalis.ui.common.Messages;
import org.vitalis.ui.common.Ui;
import org.vitalis.vision.camera.CameraSource;
import org.vitalis.vision.camera.Resolution;

/**
 * The lesion photo screen: patient on the side; the photo being taken (kind, site, camera or file, quality checks) in
 * the middle, with the results awaiting review on a second tab; the stored photo with the model's result, its
 * heatmap, the doctor's review and the same site over time on the right. Photos are never mirrored, whatever the
 * language.
 */
public final class ImagingView implements AutoCloseable {
    private static final double PREVIEW_W = 360;
    private static final double PREVIEW_H = 240;
    private static final double RESULT_SIZE = 240;
    private static final double THUMB = 96;

    private final BorderPane root = new BorderPane();
    private final ImagingViewModel vm;

    public ImagingView(ImagingViewModel vm, Messages m, FileDialogs files) {
        this.vm = vm;
        root.setId("imaging");
        root.setPadding(new Insets(12));
        root.setLeft(patientPicker(vm, m));
        TabPane tabs = Ui.id(new TabPane(), "imaging-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        if (vm.canCapture()) {
            Tab take = new Tab(m.get("imaging.tab.take"), scroll(takePanel(vm, m, files)));
            take.setId("imaging-tab-take");
            tabs.getTabs().add(take);
        }
        Tab review = new Tab(m.get("imaging.tab.review"), scroll(awaitingPanel(vm, m, files)));
        review.setId("imaging-tab-review");
        tabs.getTabs().add(review);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (t == review) {
                vm.loadAwaiting();
            }
        });
        tabs.setPrefWidth(440);
        tabs.setMinWidth(400);
        Node result = scroll(new VBox(12, picturePanel(vm, m), resultPanel(vm, m)));
        HBox center = new HBox(12, tabs, result);
        HBox.setHgrow(result, Priority.ALWAYS);
        center.setPadding(new Insets(0, 0, 0, 12));
        root.setCenter(center);
        vm.refreshCameras();
        vm.loadAwaiting();
    }

    private static ScrollPane scroll(Node content) {
        ScrollPane s = new ScrollPane(content);
        s.setFitToWidth(true);
        s.getStyleClass().add("edge-to-edge");
        return s;
    }

    // ------------------------------------------------------------------ patient

    private static Node patientPicker(ImagingViewModel vm, Messages m) {
        Label title = new Label(m.get("imaging.title"));
        title.getStyleClass().add("title-3");
        VBox box = new VBox(8, title);
        box.getChildren().addAll(PatientPicker.nodes(vm.search(), m, "imaging", m.get("imaging.patient"), 220));
        box.setPrefWidth(250);
        box.setMinWidth(230);
        return box;
    }

    // ------------------------------------------------------------------ taking a photo

    private Node takePanel(ImagingViewModel vm, Messages m, FileDialogs files) {
        return new VBox(12, sitePanel(vm, m), cameraPanel(vm, m, files));
    }

    private static VBox panel(String title, Node... content) {
        Label t = new Label(title);
        t.getStyleClass().add("title-4");
        VBox box = new VBox(8, t);
        box.getChildren().addAll(content);
        box.getStyleClass().add("imaging-panel");
        return box;
    }

    private Node sitePanel(ImagingViewModel vm, Messages m) {
        ComboBox<LesionKind> kind = Ui.id(new ComboBox<>(), "imaging-kind");
        kind.getItems().setAll(LesionKind.values());
        kind.setConverter(Choices.converter(k -> m.get("kind." + k.name())));
        kind.valueProperty().bindBidirectional(vm.kind());
        ComboBox<BodySite> oralSite = Ui.id(new ComboBox<>(vm.sites()), "imaging-oral-site");
        oralSite.setConverter(Choices.converter(vm::siteName));
        oralSite.setPromptText(m.get("imaging.site.choose"));
        oralSite.valueProperty().addListener((o, a, s) -> {
            if (s != null && s != vm.site().get()) {
                vm.site().set(s);
            }
        });
        vm.site().addListener((o, a, s) -> oralSite.setValue(s != null && s.oral() ? s : null));
        ComboBox<Laterality> side = Ui.id(new ComboBox<>(), "imaging-side");
        side.getItems().setAll(Laterality.values());
        side.setConverter(Choices.converter(l -> m.get("side." + l.name())));
        side.setPromptText(m.get("imaging.site.side"));
        side.valueProperty().bindBidirectional(vm.laterality());
        side.visibleProperty().bind(Bindings.createBooleanBinding(() -> vm.site().get() != null
                && vm.site().get().oral() && vm.site().get().paired(), vm.site()));
        side.managedProperty().bind(side.visibleProperty());
        HBox oral = new HBox(8, oralSite, side);
        BodyMap map = new BodyMap(m, vm::chooseSite);
        Runnable mark = () -> map.select(vm.site().get(), vm.laterality().get());
        vm.site().addListener((o, a, s) -> mark.run());
        vm.laterality().addListener((o, a, s) -> mark.run());
        Runnable byKind = () -> {
            boolean isOral = vm.kind().get() == LesionKind.ORAL;
            oral.setVisible(isOral);
            oral.setManaged(isOral);
            map.root().setVisible(!isOral);
            map.root().setManaged(!isOral);
        };
        vm.kind().addListener((o, a, k) -> byKind.run());
        byKind.run();
        Label siteText = Ui.id(new Label(), "imaging-site");
        siteText.textProperty().bind(vm.siteText());
        Ui.wrapUnlessArabic(siteText);
        Label notice = Ui.id(new Label(), "imaging-model-notice");
        notice.textProperty().bind(vm.modelNotice());
        notice.getStyleClass().add("warning-panel");
        notice.setPadding(new Insets(4, 8, 4, 8));
        notice.visibleProperty().bind(vm.modelNotice().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        Ui.wrapUnlessArabic(notice);
        HBox kindRow = new HBox(8, Ui.labelFor(kind, m.get("imaging.kind")), kind);
        kindRow.setAlignment(Pos.CENTER_LEFT);
        return panel(m.get("imaging.what"), kindRow, oral,
                map.root(), siteText, notice);
    }

    private Node cameraPanel(ImagingViewModel vm, Messages m, FileDialogs files) {
        ComboBox<CameraSource> camera = Ui.id(new ComboBox<>(vm.cameras()), "imaging-camera");
        camera.setConverter(Choices.converter(CameraSource::name));
        camera.valueProperty().bindBidirectional(vm.camera());
        camera.setPrefWidth(240);
        ComboBox<Resolution> resolution = Ui.id(new ComboBox<>(vm.resolutions()), "imaging-resolution");
        resolution.valueProperty().bindBidirectional(vm.resolution());
        resolution.setConverter(Choices.converter(Resolution::toString));
        Ui.leftToRight(resolution);
        ToggleButton live = Ui.id(new ToggleButton(m.get("imaging.preview")), "imaging-preview-toggle");
        live.selectedProperty().addListener((o, a, on) -> {
            if (on && !vm.previewing().get()) {
                vm.startPreview();
            } else if (!on && vm.previewing().get()) {
                vm.stopPreview();
            }
        });
        vm.previewing().addListener((o, a, on) -> live.setSelected(on));
        ImageView preview = Ui.id(new ImageView(), "imaging-preview");
        preview.setFitWidth(PREVIEW_W);
        preview.setFitHeight(PREVIEW_H);
        preview.setPreserveRatio(true);
        vm.preview().addListener((o, a, frame) -> preview.setImage(FxImages.of(frame)));
        StackPane previewFrame = framed(preview, PREVIEW_W, PREVIEW_H);
        previewFrame.visibleProperty().bind(vm.previewing());
        previewFrame.managedProperty().bind(previewFrame.visibleProperty());
        Button capture = Ui.id(new Button(m.get("imaging.capture")), "imaging-capture");
        capture.getStyleClass().add("accent");
        capture.disableProperty().bind(vm.camera().isNull().or(vm.busy()));
        capture.setOnAction(e -> vm.capture());
        Label cameraMessage = Ui.id(new Label(), "imaging-camera-message");
        cameraMessage.textProperty().bind(vm.cameraMessage());
        cameraMessage.visibleProperty().bind(vm.cameraMessage().isNotEmpty());
        cameraMessage.managedProperty().bind(cameraMessage.visibleProperty());
        Ui.wrapUnlessArabic(cameraMessage);
        Button importFile = Ui.id(new Button(m.get("imaging.import")), "imaging-import");
        importFile.disableProperty().bind(vm.busy());
        importFile.setOnAction(e -> files.open(m.plain("imaging.import"), m.get("imaging.import.filter"), "*.png",
                "*.jpg", "*.jpeg", "*.bmp").ifPresent(vm::importFile));
        Button openVideo = Ui.id(new Button(m.get("imaging.openVideo")), "imaging-open-video");
        openVideo.setOnAction(e -> files.open(m.plain("imaging.openVideo"), m.get("imaging.openVideo.filter"), "*.mp4",
                "*.mov", "*.m4v").ifPresent(vm::openVideo));
        Button watch = Ui.id(new Button(m.get("imaging.watch")), "imaging-watch");
        watch.setOnAction(e -> files.folder(m.plain("imaging.watch")).ifPresent(vm::watch));
        Label watching = Ui.id(new Label(), "imaging-watch-status");
        watching.textProperty().bind(vm.watchedFolder());
        watching.getStyleClass().add("text-muted");
        watching.visibleProperty().bind(vm.watchedFolder().isNotEmpty());
        watching.managedProperty().bind(watching.visibleProperty());
        Ui.wrapUnlessArabic(watching);
        ListView<Path> incoming = Ui.id(new ListView<>(vm.incoming()), "imaging-incoming");
        incoming.setPrefHeight(90);
        incoming.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Path p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.getFileName().toString());
            }
        });
        incoming.setOnMouseClicked(e -> {
            Path p = incoming.getSelectionModel().getSelectedItem();
            if (p != null && e.getClickCount() == 2) {
                vm.takeIncoming(p);
            }
        });
        incoming.visibleProperty().bind(Bindings.isNotEmpty(vm.incoming()));
        incoming.managedProperty().bind(incoming.visibleProperty());
        noClipping(live, capture, importFile, openVideo, watch);
        FlowPane cameraRow = new FlowPane(8, 8, camera, resolution, live, capture);
        cameraRow.setAlignment(Pos.CENTER_LEFT);
        FlowPane importRow = new FlowPane(8, 8, importFile, openVideo, watch);
        return panel(m.get("imaging.source"), cameraRow, cameraMessage, previewFrame, importRow, watching, incoming);
    }

    /**
     * Buttons keep their whole text: a clipped label reads wrong, and JavaFX 26 fails laying out a clipped right-to-left
     * label that has a mnemonic.
     */
    private static void noClipping(javafx.scene.control.Control... controls) {
        for (javafx.scene.control.Control c : controls) {
            c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
    }

    private static StackPane framed(ImageView view, double w, double h) {
        StackPane frame = new StackPane(view);
        frame.getStyleClass().add("picture-frame");
        frame.setPrefSize(w, h);
        frame.setMaxSize(w, h);
        // A photo shows the scene as the camera saw it, in every language.
        frame.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        return frame;
    }

    private Node picturePanel(ImagingViewModel vm, Messages m) {
        ImageView picture = Ui.id(new ImageView(), "imaging-picture");
        picture.setFitWidth(PREVIEW_W);
        picture.setFitHeight(PREVIEW_H);
        picture.setPreserveRatio(true);
        vm.picture().addListener((o, a, p) -> picture.setImage(FxImages.of(p)));
        Label text = Ui.id(new Label(), "imaging-picture-text");
        text.textProperty().bind(vm.pictureText());
        text.getStyleClass().add("text-muted");
        VBox checks = Ui.id(new VBox(4), "imaging-checks");
        vm.checks().addListener((ListChangeListener<ImagingViewModel.CheckRow>) c -> checks.getChildren().setAll(
                vm.checks().stream().map(r -> {
                    Label l = Ui.id(new Label((r.passed() ? "✓ " : "✗ ") + r.text()), "imaging-check-" + r.kind());
                    l.getStyleClass().add(r.passed() ? "check-passed" : "check-failed");
                    Ui.wrapUnlessArabic(l);
                    return (Node) l;
                }).toList()));
        Label failed = Ui.id(new Label(m.get("imaging.quality.failed")), "imaging-quality-failed");
        failed.getStyleClass().add("error-text");
        Ui.wrapUnlessArabic(failed);
        TextField reason = Ui.id(new TextField(), "imaging-reason");
        reason.textProperty().bindBidirectional(vm.overrideReason());
        reason.setPromptText(m.get("imaging.reason.prompt"));
        Label reasonLabel = Ui.labelFor(reason, m.get("imaging.reason"));
        VBox overrideBox = new VBox(4, failed, reasonLabel, reason);
        overrideBox.visibleProperty().bind(Bindings.isNotEmpty(vm.checks()).and(vm.qualityPassed().not()));
        overrideBox.managedProperty().bind(overrideBox.visibleProperty());
        Button retake = Ui.id(new Button(m.get("imaging.retake")), "imaging-retake");
        retake.setOnAction(e -> vm.retake());
        Button store = Ui.id(new Button(), "imaging-store");
        store.textProperty().bind(Bindings.when(vm.qualityPassed()).then(m.get("imaging.store"))
                .otherwise(m.get("imaging.store.anyway")));
        store.getStyleClass().add("accent");
        store.disableProperty().bind(vm.canStore().not());
        store.setOnAction(e -> vm.store());
        noClipping(retake, store);
        HBox actions = new HBox(8, retake, store);
        Label message = Ui.error("imaging-message");
        message.textProperty().bind(vm.message());
        VBox inHand = new VBox(8, framed(picture, PREVIEW_W, PREVIEW_H), text, checks, overrideBox, actions);
        inHand.visibleProperty().bind(vm.picture().isNotNull());
        inHand.managedProperty().bind(inHand.visibleProperty());
        VBox box = panel(m.get("imaging.quality"), inHand, message);
        // The photo in hand shows until it is stored or retaken; the panel is there only while there is one.
        box.visibleProperty().bind(vm.picture().isNotNull().or(vm.message().isNotEmpty()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    // ------------------------------------------------------------------ results awaiting review, export

    private Node awaitingPanel(ImagingViewModel vm, Messages m, FileDialogs files) {
        Label count = Ui.id(new Label(), "imaging-awaiting-text");
        count.textProperty().bind(vm.awaitingText());
        ListView<LesionImageSummary> list = Ui.id(new ListView<>(vm.awaiting()), "imaging-awaiting");
        list.setPrefHeight(330);
        // Each row has three lines (patient, result, site); the theme's one-line cell size would cut the third.
        list.setFixedCellSize(Math.ceil(3 * 1.45 * javafx.scene.text.Font.getDefault().getSize() + 14));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(LesionImageSummary s, boolean empty) {
                super.updateItem(s, empty);
                if (empty || s == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                ImageView thumb = new ImageView(FxImages.png(s.thumbnailPng()));
                thumb.setFitWidth(48);
                thumb.setFitHeight(48);
                thumb.setPreserveRatio(true);
                thumb.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
                setGraphic(thumb);
                setText(vm.awaitingRow(s));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> {
            if (s != null) {
                vm.open(s);
            }
        });
        VBox box = new VBox(8, panel(m.get("imaging.awaiting"), count, list));
        if (vm.canExport()) {
            Button export = Ui.id(new Button(m.get("imaging.export")), "imaging-export");
            export.setOnAction(e -> files.folder(m.plain("imaging.export")).ifPresent(vm::export));
            noClipping(export);
            Label hint = new Label(m.get("imaging.export.hint"));
            hint.getStyleClass().add("text-muted");
            Ui.wrapUnlessArabic(hint);
            Label done = Ui.id(new Label(), "imaging-export-text");
            done.textProperty().bind(vm.exportText());
            Ui.wrapUnlessArabic(done);
            box.getChildren().add(panel(m.get("imaging.export.title"), hint, export, done));
        }
        return box;
    }

    // ------------------------------------------------------------------ the stored photo and its result

    private Node resultPanel(ImagingViewModel vm, Messages m) {
        ImageView photo = Ui.id(new ImageView(), "imaging-result-photo");
        ImageView heat = Ui.id(new ImageView(), "imaging-result-overlay");
        for (ImageView v : new ImageView[] {photo, heat}) {
            v.setFitWidth(RESULT_SIZE);
            v.setFitHeight(RESULT_SIZE);
            v.setPreserveRatio(true);
        }
        vm.shownPicture().addListener((o, a, p) -> photo.setImage(FxImages.of(p)));
        vm.overlay().addListener((o, a, p) -> heat.setImage(FxImages.of(p)));
        heat.opacityProperty().bind(vm.opacity());
        heat.visibleProperty().bind(vm.overlay().isNotNull());
        StackPane frame = new StackPane(photo, heat);
        frame.getStyleClass().add("picture-frame");
        frame.setPrefSize(RESULT_SIZE, RESULT_SIZE);
        frame.setMaxSize(RESULT_SIZE, RESULT_SIZE);
        frame.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        Slider opacity = Ui.id(new Slider(0, 1, 0.5), "imaging-opacity");
        opacity.valueProperty().bindBidirectional(vm.opacity());
        opacity.setPrefWidth(200);
        Label opacityLabel = new Label(m.get("imaging.opacity"));
        opacityLabel.setLabelFor(opacity);
        opacity.setAccessibleText(m.get("imaging.opacity"));
        HBox opacityRow = new HBox(8, opacityLabel, opacity);
        opacityRow.setAlignment(Pos.CENTER_LEFT);
        opacityRow.visibleProperty().bind(vm.overlay().isNotNull());
        opacityRow.managedProperty().bind(opacityRow.visibleProperty());
        Label label = text("imaging-result-label", vm.resultText());
        label.getStyleClass().add("title-4");
        Label probability = text("imaging-result-probability", vm.probabilityText());
        Label model = text("imaging-result-model", vm.modelText());
        model.getStyleClass().add("text-muted");
        Label explanation = text("imaging-explanation", vm.explanationText());
        explanation.getStyleClass().add("text-muted");
        Label notice = Ui.id(new Label(m.get("imaging.notice")), "imaging-notice");
        notice.getStyleClass().add("decision-support");
        Ui.wrapUnlessArabic(notice);
        notice.visibleProperty().bind(Bindings.createBooleanBinding(() -> vm.current().get() != null
                && vm.current().get().result().isPresent(), vm.current()));
        notice.managedProperty().bind(notice.visibleProperty());
        Label stored = text("imaging-stored", vm.storedText());
        stored.getStyleClass().add("text-muted");
        Label whose = text("imaging-stored-patient", vm.shownPatientText());
        whose.getStyleClass().add("title-4");
        VBox shown = new VBox(8, whose, frame, opacityRow, label, probability, model, explanation, notice,
                reviewBox(vm, m), stored, sameSite(vm, m));
        shown.visibleProperty().bind(vm.current().isNotNull());
        shown.managedProperty().bind(shown.visibleProperty());
        Label none = new Label(m.get("imaging.result.empty"));
        none.getStyleClass().add("text-muted");
        none.visibleProperty().bind(vm.current().isNull());
        none.managedProperty().bind(none.visibleProperty());
        Ui.wrapUnlessArabic(none);
        VBox box = panel(m.get("imaging.result"), none, shown);
        box.setMinWidth(RESULT_SIZE + 24);
        return box;
    }

    private static Label text(String id, javafx.beans.value.ObservableStringValue value) {
        Label l = Ui.id(new Label(), id);
        l.textProperty().bind(value);
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        Ui.wrapUnlessArabic(l);
        return l;
    }

    private Node reviewBox(ImagingViewModel vm, Messages m) {
        Label status = text("imaging-review-status", vm.reviewText());
        VBox box = new VBox(6, status);
        if (vm.canReview()) {
            ComboBox<String> label = Ui.id(new ComboBox<>(vm.labelChoices()), "imaging-review-label");
            label.setEditable(true);
            label.setPrefWidth(280);
            label.setPromptText(m.get("imaging.review.labelPrompt"));
            label.setConverter(new javafx.util.StringConverter<>() {
                @Override
                public String toString(String s) {
                    return s == null ? "" : vm.label(s);
                }

                @Override
                public String fromString(String s) {
                    // A typed label is the doctor's own words; a picked one is the model's label as the model names it.
                    return vm.labelChoices().stream().filter(c -> vm.label(c).equals(s)).findFirst().orElse(s);
                }
            });
            label.valueProperty().addListener((o, a, v) -> vm.reviewLabel().set(v == null ? "" : v));
            label.getEditor().textProperty().addListener((o, a, t) -> vm.reviewLabel().set(
                    label.getConverter().fromString(t)));
            vm.reviewLabel().addListener((o, a, v) -> {
                if (v.isEmpty() && !label.getEditor().getText().isEmpty()) {
                    label.setValue(null);
                    label.getEditor().clear();
                }
            });
            TextArea note = Ui.id(new TextArea(), "imaging-review-note");
            note.setPrefRowCount(2);
            note.setWrapText(true);
            note.textProperty().bindBidirectional(vm.reviewNote());
            Button confirm = Ui.id(new Button(m.get("imaging.review.confirm")), "imaging-confirm");
            confirm.getStyleClass().add("success");
            confirm.disableProperty().bind(vm.reviewable().not().or(Bindings.isEmpty(vm.labelChoices())));
            // A photo no model read is labelled, not confirmed.
            confirm.visibleProperty().bind(Bindings.isNotEmpty(vm.labelChoices()));
            confirm.managedProperty().bind(confirm.visibleProperty());
            confirm.setOnAction(e -> vm.confirm());
            Button override = Ui.id(new Button(), "imaging-override");
            override.textProperty().bind(Bindings.when(Bindings.isEmpty(vm.labelChoices()))
                    .then(m.get("imaging.review.saveLabel")).otherwise(m.get("imaging.review.override")));
            override.disableProperty().bind(vm.reviewable().not().or(vm.reviewLabel().isEmpty()));
            override.setOnAction(e -> vm.override());
            noClipping(confirm, override);
            VBox editor = new VBox(6, Ui.labelFor(label, m.get("imaging.review.label")), label,
                    Ui.labelFor(note, m.get("imaging.review.note")), note, new HBox(8, confirm, override));
            editor.visibleProperty().bind(vm.reviewable());
            editor.managedProperty().bind(editor.visibleProperty());
            box.getChildren().add(editor);
        }
        VBox panel = panel(m.get("imaging.review"), box);
        panel.visibleProperty().bind(vm.reviewText().isNotEmpty().or(vm.reviewable()));
        panel.managedProperty().bind(panel.visibleProperty());
        return panel;
    }

    private Node sameSite(ImagingViewModel vm, Messages m) {
        HBox row = Ui.id(new HBox(8), "imaging-same-site");
        row.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        vm.sameSite().addListener((ListChangeListener<LesionImageSummary>) c -> row.getChildren().setAll(
                vm.sameSite().stream().map(s -> thumbnail(vm, s)).toList()));
        ScrollPane scroll = new ScrollPane(row);
        scroll.setFitToHeight(true);
        scroll.setPrefHeight(THUMB + 70);
        Label none = new Label(m.get("imaging.sameSite.none"));
        none.getStyleClass().add("text-muted");
        none.visibleProperty().bind(Bindings.isEmpty(vm.sameSite()));
        none.managedProperty().bind(none.visibleProperty());
        return panel(m.get("imaging.sameSite"), none, scroll);
    }

    private static Node thumbnail(ImagingViewModel vm, LesionImageSummary s) {
        ImageView v = new ImageView(FxImages.png(s.thumbnailPng()));
        v.setFitWidth(THUMB);
        v.setFitHeight(THUMB);
        v.setPreserveRatio(true);
        Label caption = new Label(vm.caption(s));
        caption.getStyleClass().add("text-small");
        Button b = Ui.id(new Button(null, new VBox(4, v, caption)), "imaging-same-site-" + s.id());
        b.getStyleClass().add("flat");
        b.setOnAction(e -> vm.open(s));
        return b;
    }

    public Parent root() {
        return root;
    }

    @Override
    public void close() {
        vm.close();
    }
}
