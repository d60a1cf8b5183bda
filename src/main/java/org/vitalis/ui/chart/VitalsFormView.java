package org.vitalis.ui.chart;

import java.util.List;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.vitalis.domain.Observation;
import org.vitalis.domain.VitalSign;
import org.vitalis.ui.common.Messages;
import org.vitalis.ui.common.Ui;

/** The manual entry form beside the chart; Ctrl+S records. */
final class VitalsFormView {
    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);

    private final VBox root;
    private final VBox outcome;

    VitalsFormView(VitalsFormViewModel vm, Messages m, Consumer<List<Observation>> whenRecorded) {
        GridPane grid = new GridPane(8, 6);
        int row = 0;
        List<TextField> fields = new java.util.ArrayList<>();
        // The next sitting starts at the first field, so a nurse can type the next set without the mouse.
        Consumer<List<Observation>> onRecorded = stored -> {
            whenRecorded.accept(stored);
            fields.get(0).requestFocus();
        };
        for (VitalSign s : VitalsFormViewModel.ENTERED) {
            TextField tf = Ui.id(new TextField(), "vitals-" + s.name());
            fields.add(tf);
            tf.setPrefColumnCount(6);
            tf.textProperty().bindBidirectional(vm.value(s));
            Label unit = new Label(m.get("unit." + s.name()));
            unit.getStyleClass().add("text-muted");
            unit.setMinWidth(Label.USE_PREF_SIZE);
            grid.addRow(row++, Ui.labelFor(tf, m.get("sign." + s.name())), tf, unit);
        }
        DatePicker date = Ui.id(new DatePicker(), "vitals-date");
        date.valueProperty().bindBidirectional(vm.takenDate());
        date.setPrefWidth(150);
        date.setConverter(m.dateConverter());
        TextField time = Ui.id(new TextField(), "vitals-time");
        time.textProperty().bindBidirectional(vm.takenTime());
        time.setPrefColumnCount(5);
        grid.add(Ui.labelFor(date, m.get("vitals.takenDate")), 0, row);
        grid.add(date, 1, row++, 2, 1);
        grid.add(Ui.labelFor(time, m.get("vitals.takenTime")), 0, row);
        grid.add(time, 1, row++, 2, 1);
        TextField note = Ui.id(new TextField(), "vitals-note");
        note.textProperty().bindBidirectional(vm.note());
        grid.add(Ui.labelFor(note, m.get("vitals.note")), 0, row);
        grid.add(note, 1, row, 2, 1);

        Button record = Ui.id(new Button(m.get("vitals.record")), "vitals-record");
        record.getStyleClass().add("accent");
        record.disableProperty().bind(vm.busy());
        record.setOnAction(e -> {
            Ui.commit(date);
            vm.record(onRecorded);
        });
        VBox problems = Ui.id(new VBox(4), "vitals-problems");
        vm.problems().addListener((ListChangeListener<String>) c -> problems.getChildren().setAll(
                vm.problems().stream().map(VitalsFormView::problem).toList()));
        FlowPane recorded = Ui.id(new FlowPane(6, 6), "vitals-recorded");
        vm.recorded().addListener((ListChangeListener<Observation>) c -> recorded.getChildren().setAll(
                vm.recorded().stream().map(o -> chip(o, m)).toList()));
        Label title = new Label(m.get("vitals.title"));
        title.getStyleClass().add("title-4");
        root = new VBox(10, title, grid, record);
        // Outcome lines go full width below the chart: long sentences then need no wrapping.
        outcome = new VBox(6, problems, recorded);
        root.setPadding(new Insets(0, 12, 0, 0));
        root.setPrefWidth(330);
        root.setMinWidth(300);
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (SAVE.match(e)) {
                e.consume();
                Ui.commit(date);
                vm.record(onRecorded);
            }
        });
    }

    private static Node problem(String text) {
        Label l = new Label(text);
        Ui.wrapUnlessArabic(l);
        l.getStyleClass().add("error-text");
        return l;
    }

    private static Node chip(Observation o, Messages m) {
        Label l = new Label(m.get("sign." + o.sign().name()) + " " + m.number(o.getValue()) + " "
                + m.get("unit." + o.sign().name()) + " · " + Flags.text(o.getFlag(), m));
        l.getStyleClass().add("flag-chip");
        Flags.style(l, o.getFlag());
        return l;
    }

    Node root() {
        return root;
    }

    Node outcome() {
        return outcome;
    }
}
