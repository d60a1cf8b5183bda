package org.vitalis.ui.patients;

import java.util.function.LongConsumer;
import javafx.animation.PauseTransition;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.vitalis.domain.PatientSummary;
import org.vitalis.ui.common.Messages;
import org.vitalis.ui.common.Ui;

/** Search-as-you-type patient list; Enter or double-click opens the chart. */
public final class PatientsView {
    /** Long enough to coalesce a typist's keystrokes, short enough to feel instant. */
    static final Duration DEBOUNCE = Duration.millis(150);

    private final BorderPane root = new BorderPane();
    private final TextField search = Ui.id(new TextField(), "patients-search");

    public PatientsView(PatientsViewModel vm, Messages m, LongConsumer openChart, Runnable register) {
        search.setPromptText(m.get("patients.searchPrompt"));
        search.setAccessibleText(m.get("patients.searchPrompt"));
        HBox.setHgrow(search, Priority.ALWAYS);
        PauseTransition debounce = new PauseTransition(DEBOUNCE);
        debounce.setOnFinished(e -> vm.search(search.getText()));
        search.textProperty().addListener((o, a, b) -> debounce.playFromStart());

        TableView<PatientSummary> table = table(vm, m);
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                debounce.stop();
                vm.submit(search.getText(), openChart);
            } else if (e.getCode() == KeyCode.DOWN && !table.getItems().isEmpty()) {
                table.requestFocus();
                table.getSelectionModel().selectFirst();
            }
        });
        table.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                open(table, openChart);
            }
        });
        table.setRowFactory(t -> {
            var row = new javafx.scene.control.TableRow<PatientSummary>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    openChart.accept(row.getItem().id());
                }
            });
            return row;
        });

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(20, 20);
        spinner.visibleProperty().bind(vm.searching());
        HBox bar = new HBox(10, search, spinner);
        if (vm.canRegister()) {
            Button add = Ui.id(new Button(m.get("patients.new")), "patients-new");
            add.setMnemonicParsing(true);
            add.setOnAction(e -> register.run());
            add.getStyleClass().add("accent");
            bar.getChildren().add(add);
        }
        Label status = Ui.id(new Label(), "patients-status");
        status.textProperty().bind(vm.status());
        status.getStyleClass().add("text-muted");
        Label title = new Label(m.get("nav.patients"));
        title.getStyleClass().add("title-3");
        VBox top = new VBox(10, title, bar, status);
        top.setPadding(new Insets(0, 0, 10, 0));
        root.setTop(top);
        root.setCenter(table);
        root.setPadding(new Insets(16));
    }

    private static void open(TableView<PatientSummary> table, LongConsumer openChart) {
        PatientSummary p = table.getSelectionModel().getSelectedItem();
        if (p != null) {
            openChart.accept(p.id());
        }
    }

    private static TableView<PatientSummary> table(PatientsViewModel vm, Messages m) {
        TableView<PatientSummary> t = Ui.id(new TableView<>(vm.results()), "patients-table");
        t.setAccessibleText(m.get("patients.results"));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label(m.get("patients.emptyTable")));
        t.getColumns().add(col(m.get("patient.mrn"), p -> p.mrn()));
        t.getColumns().add(col(m.get("patient.name"), PatientSummary::displayName));
        t.getColumns().add(col(m.get("patient.nameArabic"), p -> p.arabicDisplayName() == null ? "" : p.arabicDisplayName()));
        t.getColumns().add(col(m.get("patient.birthDate"), p -> m.date(p.birthDate())));
        t.getColumns().add(col(m.get("patient.sex"), p -> m.get("sex." + p.sex().name())));
        TableColumn<PatientSummary, String> phone = col(m.get("patient.phone"), p -> p.phone() == null ? "" : p.phone());
        phone.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                // Left to right, but aligned with the other columns' text edge.
                setNodeOrientation(javafx.geometry.NodeOrientation.LEFT_TO_RIGHT);
                setAlignment(m.rightToLeft() ? javafx.geometry.Pos.CENTER_RIGHT : javafx.geometry.Pos.CENTER_LEFT);
            }
        });
        t.getColumns().add(phone);
        return t;
    }

    private static TableColumn<PatientSummary, String> col(String title,
            java.util.function.Function<PatientSummary, String> value) {
        TableColumn<PatientSummary, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue())));
        return c;
    }

    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    public Parent root() {
        return root;
    }
}
