package org.vitalis.ui.audit;

import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.vitalis.domain.AuditAction;
import org.vitalis.domain.AuditEntry;
import org.vitalis.ui.common.Choices;
import org.vitalis.ui.common.FileDialogs;
import org.vitalis.ui.common.Messages;
import org.vitalis.ui.common.Ui;

/** Admin screen: the audit trail with filters, CSV export and chain verification. */
public final class AuditView {
    private final BorderPane root = new BorderPane();

    public AuditView(AuditViewModel vm, Messages m, FileDialogs files) {
        DatePicker from = Ui.id(new DatePicker(), "audit-from");
        from.valueProperty().bindBidirectional(vm.from());
        from.setPrefWidth(140);
        from.setConverter(m.dateConverter());
        DatePicker to = Ui.id(new DatePicker(), "audit-to");
        to.valueProperty().bindBidirectional(vm.to());
        to.setPrefWidth(140);
        to.setConverter(m.dateConverter());
        TextField user = Ui.id(new TextField(), "audit-user");
        user.setPrefColumnCount(8);
        user.textProperty().bindBidirectional(vm.user());
        ComboBox<AuditAction> action = Ui.id(new ComboBox<>(), "audit-action");
        action.getItems().add(null);
        action.getItems().addAll(AuditAction.values());
        action.setConverter(Choices.converter(a -> m.get("auditAction." + a.name())));
        action.setPromptText(m.get("audit.anyAction"));
        action.valueProperty().bindBidirectional(vm.action());
        TextField entity = Ui.id(new TextField(), "audit-entity");
        entity.setPrefColumnCount(6);
        entity.textProperty().bindBidirectional(vm.entityId());
        Button search = Ui.id(new Button(m.get("audit.search")), "audit-search");
        search.setOnAction(e -> vm.search());
        // Enter in a filter field searches; not a default button, which would compete with the lock screen's.
        user.setOnAction(e -> vm.search());
        entity.setOnAction(e -> vm.search());
        FlowPane filters = new FlowPane(10, 8,
                field(from, m.get("audit.from")), field(to, m.get("audit.to")), field(user, m.get("audit.user")),
                field(action, m.get("audit.action")), field(entity, m.get("audit.entity")), search);
        filters.setAlignment(Pos.BOTTOM_LEFT);

        Button export = Ui.id(new Button(m.get("audit.export")), "audit-export");
        export.setOnAction(e -> files.save(m.get("audit.export"), "audit.csv", m.get("audit.csvFiles"), "*.csv")
                .ifPresent(vm::export));
        Button verify = Ui.id(new Button(m.get("audit.verify")), "audit-verify");
        verify.setOnAction(e -> vm.verify());
        Label verification = Ui.id(new Label(), "audit-verification");
        verification.textProperty().bind(vm.verification());
        Ui.wrapUnlessArabic(verification);
        vm.chainBroken().addListener((o, a, broken) -> {
            verification.getStyleClass().removeAll("error-text", "success-text");
            verification.getStyleClass().add(broken ? "error-text" : "success-text");
        });
        verification.getStyleClass().add("success-text");
        Label status = Ui.id(new Label(), "audit-status");
        status.textProperty().bind(vm.status());
        Label error = Ui.error("audit-error");
        error.textProperty().bind(vm.error());
        HBox tools = new HBox(10, export, verify, status);
        tools.setAlignment(Pos.CENTER_LEFT);

        Label title = new Label(m.get("nav.audit"));
        title.getStyleClass().add("title-3");
        root.setTop(new VBox(10, title, filters, tools, verification, error));
        BorderPane.setMargin(root.getTop(), new Insets(0, 0, 10, 0));
        root.setCenter(table(vm, m));
        root.setPadding(new Insets(16));
        vm.search();
    }

    private static VBox field(javafx.scene.control.Control control, String label) {
        return new VBox(2, Ui.labelFor(control, label), control);
    }

    private static TableView<AuditEntry> table(AuditViewModel vm, Messages m) {
        TableView<AuditEntry> t = Ui.id(new TableView<>(vm.entries()), "audit-table");
        t.setAccessibleText(m.get("nav.audit"));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<AuditEntry, String> seq = col(m.get("audit.seq"), e -> Long.toString(e.getSeq()));
        seq.setPrefWidth(60);
        seq.setMaxWidth(90);
        t.getColumns().add(seq);
        TableColumn<AuditEntry, String> time = col(m.get("audit.time"), e -> m.dateTime(e.getOccurredAt()));
        time.setPrefWidth(190);
        t.getColumns().add(time);
        TableColumn<AuditEntry, String> user = col(m.get("audit.user"), AuditEntry::getUsername);
        user.setPrefWidth(110);
        t.getColumns().add(user);
        TableColumn<AuditEntry, String> station = col(m.get("audit.workstation"), AuditEntry::getWorkstation);
        station.setPrefWidth(120);
        t.getColumns().add(station);
        TableColumn<AuditEntry, String> action = col(m.get("audit.action"), e -> m.get("auditAction." + e.getAction().name()));
        action.setPrefWidth(190);
        t.getColumns().add(action);
        TableColumn<AuditEntry, String> entity = col(m.get("audit.entityColumn"), e -> e.getEntityType() == null ? ""
                : e.getEntityType() + (e.getEntityId() == null ? "" : " " + e.getEntityId()));
        entity.setPrefWidth(130);
        t.getColumns().add(entity);
        t.getColumns().add(col(m.get("audit.detail"), e -> e.getDetail() == null ? "" : e.getDetail()));
        return t;
    }

    private static TableColumn<AuditEntry, String> col(String title, Function<AuditEntry, String> value) {
        TableColumn<AuditEntry, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue())));
        return c;
    }

    public Parent root() {
        return root;
    }
}
