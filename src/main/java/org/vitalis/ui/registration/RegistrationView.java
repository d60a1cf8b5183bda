package org.vitalis.ui.registration;

import java.io.ByteArrayInputStream;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.vitalis.domain.Patient;
import org.vitalis.domain.Sex;
import org.vitalis.ui.common.Choices;
import org.vitalis.ui.common.FileDialogs;
import org.vitalis.ui.common.Messages;
import org.vitalis.ui.common.Ui;

/** Registration and edit form; field errors appear under their fields. */
public final class RegistrationView {
    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);

    private final BorderPane root = new BorderPane();
    private final RegistrationViewModel vm;
    private final Messages m;
    private final GridPane grid = new GridPane(12, 4);
    private final DatePicker birth = Ui.id(new DatePicker(), "reg-birthDate");
    private int row;

    public RegistrationView(RegistrationViewModel vm, Messages m, FileDialogs files, Consumer<Patient> onSaved,
            LongConsumer openExisting, Runnable onCancel) {
        this.vm = vm;
        this.m = m;
        text("givenName", "patient.givenName", vm.givenName());
        text("familyName", "patient.familyName", vm.familyName());
        text("givenNameArabic", "patient.givenNameArabic", vm.givenNameArabic());
        text("familyNameArabic", "patient.familyNameArabic", vm.familyNameArabic());
        birth.setEditable(true);
        birth.setConverter(m.dateConverter());
        birth.valueProperty().bindBidirectional(vm.birthDate());
        birth.setPromptText(m.get("registration.datePrompt"));
        field("birthDate", "patient.birthDate", birth);
        ComboBox<Sex> sex = Ui.id(new ComboBox<>(), "reg-sex");
        sex.getItems().setAll(Sex.values());
        sex.setConverter(Choices.converter(s -> m.get("sex." + s.name())));
        sex.valueProperty().bindBidirectional(vm.sex());
        field("sex", "patient.sex", sex);
        text("phone", "patient.phone", vm.phone());
        text("email", "patient.email", vm.email());
        TextArea address = Ui.id(new TextArea(), "reg-address");
        address.setPrefRowCount(2);
        address.textProperty().bindBidirectional(vm.address());
        field("address", "patient.address", address);
        TextArea notes = Ui.id(new TextArea(), "reg-notes");
        notes.setPrefRowCount(3);
        notes.textProperty().bindBidirectional(vm.notes());
        field("notes", "patient.notes", notes);
        field("emergencyContacts", "patient.emergencyContacts", new ContactsEditor(vm, m).root());
        field("identifiers", "patient.identifiers", new IdentifiersEditor(vm, m).root());
        field("photo", "patient.photo", photo(files));

        Label title = new Label(m.get(vm.isEdit() ? "registration.editTitle" : "registration.title"));
        title.getStyleClass().add("title-3");
        Button save = Ui.id(new Button(m.get("action.save")), "reg-save");
        save.getStyleClass().add("accent");
        save.disableProperty().bind(vm.busy());
        save.setOnAction(e -> save(onSaved));
        Button cancel = Ui.id(new Button(m.get("action.cancel")), "reg-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> onCancel.run());
        Label message = Ui.error("reg-message");
        message.textProperty().bind(vm.message());
        HBox actions = new HBox(10, save, cancel, message);
        actions.setAlignment(Pos.CENTER_LEFT);

        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        grid.setPadding(new Insets(8));
        VBox top = new VBox(10, title);
        VBox duplicates = duplicatesPanel(onSaved, openExisting);
        // Attached only while shown: JavaFX 26 fails to lay out wrapped Arabic text at zero width.
        vm.duplicates().addListener((javafx.collections.ListChangeListener<Object>) c -> {
            if (vm.duplicates().isEmpty()) {
                top.getChildren().remove(duplicates);
            } else if (!top.getChildren().contains(duplicates)) {
                top.getChildren().add(duplicates);
            }
        });
        root.setTop(top);
        root.setCenter(scroll);
        root.setBottom(actions);
        BorderPane.setMargin(actions, new Insets(10, 0, 0, 0));
        root.setPadding(new Insets(16));
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (SAVE.match(e)) {
                e.consume();
                save(onSaved);
            }
        });
    }

    private void save(Consumer<Patient> onSaved) {
        Ui.commit(birth);
        vm.save(onSaved);
    }

    private VBox duplicatesPanel(Consumer<Patient> onSaved, LongConsumer openExisting) {
        Label heading = new Label(m.get("registration.duplicates"));
        heading.setWrapText(false);
        heading.getStyleClass().add("text-bold");
        ListView<org.vitalis.domain.PatientSummary> list = Ui.id(new ListView<>(vm.duplicates()), "reg-duplicates");
        list.setPrefHeight(110);
        list.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(org.vitalis.domain.PatientSummary p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.mrn() + " · " + p.displayName() + " · " + m.date(p.birthDate())
                        + (p.phone() == null ? "" : " · " + p.phone()));
                // Latin-script data with phone numbers: laid out left to right, aligned with the screen.
                setNodeOrientation(javafx.geometry.NodeOrientation.LEFT_TO_RIGHT);
                setAlignment(m.rightToLeft() ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
            }
        });
        Button open = Ui.id(new Button(m.get("registration.openExisting")), "reg-open-existing");
        open.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> openExisting.accept(list.getSelectionModel().getSelectedItem().id()));
        Button anyway = Ui.id(new Button(m.get("registration.registerAnyway")), "reg-register-anyway");
        anyway.setOnAction(e -> vm.registerAnyway(onSaved));
        VBox box = new VBox(8, heading, list, new HBox(10, open, anyway));
        box.getStyleClass().add("warning-panel");
        box.setPadding(new Insets(10));
        vm.duplicates().addListener((javafx.collections.ListChangeListener<Object>) c -> {
            if (!vm.duplicates().isEmpty()) {
                list.getSelectionModel().selectFirst();
            }
        });
        return box;
    }

    private VBox photo(FileDialogs files) {
        ImageView view = Ui.id(new ImageView(), "reg-photo-preview");
        view.setFitWidth(96);
        view.setFitHeight(96);
        view.setPreserveRatio(true);
        Runnable show = () -> view.setImage(vm.photo().get() == null ? null
                : new Image(new ByteArrayInputStream(vm.photo().get())));
        vm.photo().addListener((o, a, b) -> show.run());
        show.run();
        Button choose = Ui.id(new Button(m.get("registration.choosePhoto")), "reg-photo-choose");
        choose.setOnAction(e -> files.open(m.get("registration.choosePhoto"), m.get("registration.imageFiles"),
                "*.png", "*.jpg", "*.jpeg").ifPresent(vm::loadPhoto));
        Button remove = new Button(m.get("action.remove"));
        remove.disableProperty().bind(vm.photo().isNull());
        remove.setOnAction(e -> vm.photo().set(null));
        Label hint = new Label(m.get("registration.photoHint"));
        hint.getStyleClass().add("text-muted");
        return new VBox(6, view, new HBox(8, choose, remove), hint);
    }

    private void text(String field, String labelKey, javafx.beans.property.StringProperty value) {
        TextField tf = Ui.id(new TextField(), "reg-" + field);
        tf.textProperty().bindBidirectional(value);
        field(field, labelKey, tf);
    }

    private void field(String field, String labelKey, javafx.scene.Node control) {
        Label label = new Label(m.get(labelKey));
        label.setLabelFor(control);
        label.setMinWidth(Label.USE_PREF_SIZE);
        if (control instanceof javafx.scene.control.Control c) {
            c.setAccessibleText(m.get(labelKey));
        }
        Label error = Ui.error("reg-error-" + field);
        vm.fieldErrors().addListener((MapChangeListener<String, String>) c -> error.setText(
                vm.fieldErrors().getOrDefault(field, "")));
        grid.add(label, 0, row);
        grid.add(new VBox(2, control, error), 1, row);
        GridPane.setHgrow(control, javafx.scene.layout.Priority.ALWAYS);
        GridPane.setMargin(label, new Insets(4, 0, 8, 0));
        GridPane.setValignment(label, javafx.geometry.VPos.TOP);
        row++;
    }

    public Parent root() {
        return root;
    }
}
