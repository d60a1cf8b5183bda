package org.vitalis.ui.users;

import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.vitalis.domain.Role;
import org.vitalis.security.UserAdminService.UserRow;
import org.vitalis.ui.common.Choices;
import org.vitalis.ui.common.Messages;
import org.vitalis.ui.common.Ui;

/** Admin screen: accounts table with create and change panels. */
public final class UsersView {
    private final BorderPane root = new BorderPane();

    public UsersView(UsersViewModel vm, Messages m) {
        TableView<UserRow> table = Ui.id(new TableView<>(vm.rows()), "users-table");
        table.setAccessibleText(m.get("nav.users"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(col(m.get("users.username"), UserRow::username));
        table.getColumns().add(col(m.get("users.displayName"), UserRow::displayName));
        table.getColumns().add(col(m.get("users.role"), r -> m.get("role." + r.role().name())));
        table.getColumns().add(col(m.get("users.active"), r -> m.get(r.active() ? "common.yes" : "common.no")));
        table.getColumns().add(col(m.get("users.lockedOut"), r -> m.get(r.lockedOut() ? "common.yes" : "common.no")));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selected().set(b));
        vm.selected().addListener((o, a, b) -> {
            if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
            }
        });

        Label title = new Label(m.get("nav.users"));
        title.getStyleClass().add("title-3");
        Label ok = Ui.id(new Label(), "users-message");
        ok.textProperty().bind(vm.message());
        ok.getStyleClass().add("success-text");
        Label error = Ui.error("users-error");
        error.textProperty().bind(vm.error());
        root.setTop(new VBox(8, title, ok, error));
        root.setCenter(table);
        VBox side = new VBox(12, createPane(vm, m), selectedPane(vm, m));
        side.setPrefWidth(470);
        side.setMinWidth(470);
        side.setPadding(new Insets(0, 0, 0, 12));
        root.setRight(side);
        root.setPadding(new Insets(16));
        vm.refresh();
    }

    private static Node createPane(UsersViewModel vm, Messages m) {
        TextField user = Ui.id(new TextField(), "users-new-username");
        user.textProperty().bindBidirectional(vm.username());
        TextField name = Ui.id(new TextField(), "users-new-display-name");
        name.textProperty().bindBidirectional(vm.displayName());
        ComboBox<Role> role = roles("users-new-role", m);
        role.valueProperty().bindBidirectional(vm.role());
        PasswordField pw = Ui.id(new PasswordField(), "users-new-password");
        pw.textProperty().bindBidirectional(vm.password());
        Button create = Ui.id(new Button(m.get("users.create")), "users-create");
        create.setOnAction(e -> vm.create());
        GridPane g = new GridPane(8, 8);
        g.addRow(0, Ui.labelFor(user, m.get("users.username")), user);
        g.addRow(1, Ui.labelFor(name, m.get("users.displayName")), name);
        g.addRow(2, Ui.labelFor(role, m.get("users.role")), role);
        g.addRow(3, Ui.labelFor(pw, m.get("login.password")), pw);
        g.add(create, 1, 4);
        TitledPane p = new TitledPane(m.get("users.createTitle"), g);
        p.setCollapsible(false);
        return p;
    }

    private static Node selectedPane(UsersViewModel vm, Messages m) {
        ComboBox<Role> role = roles("users-change-role", m);
        role.valueProperty().bindBidirectional(vm.newRole());
        Button apply = Ui.id(new Button(m.get("users.changeRole")), "users-change-role-apply");
        apply.setOnAction(e -> vm.changeRole());
        Button toggle = Ui.id(new Button(), "users-toggle-active");
        vm.selected().addListener((o, a, b) -> toggle.setText(
                m.get(b != null && !b.active() ? "users.enable" : "users.disable")));
        toggle.setText(m.get("users.disable"));
        toggle.setOnAction(e -> vm.toggleActive());
        PasswordField pw = Ui.id(new PasswordField(), "users-reset-password");
        pw.textProperty().bindBidirectional(vm.newPassword());
        Button reset = Ui.id(new Button(m.get("users.resetPassword")), "users-reset");
        reset.setOnAction(e -> vm.resetPassword());
        Button clear = Ui.id(new Button(m.get("users.clearLockout")), "users-clear-lockout");
        clear.setOnAction(e -> vm.clearLockout());
        GridPane g = new GridPane(8, 8);
        g.addRow(0, Ui.labelFor(role, m.get("users.role")), new HBox(6, role, apply));
        g.addRow(1, Ui.labelFor(pw, m.get("users.newPassword")), new HBox(6, pw, reset));
        g.add(new HBox(6, toggle, clear), 1, 2);
        for (Button b : new Button[] {apply, toggle, reset, clear}) {
            b.setMinWidth(Button.USE_PREF_SIZE);
        }
        TitledPane p = new TitledPane(m.get("users.selectedTitle"), g);
        p.setCollapsible(false);
        p.disableProperty().bind(vm.selected().isNull());
        return p;
    }

    private static ComboBox<Role> roles(String id, Messages m) {
        ComboBox<Role> c = Ui.id(new ComboBox<>(), id);
        c.getItems().setAll(Role.values());
        c.setConverter(Choices.converter(r -> m.get("role." + r.name())));
        return c;
    }

    private static TableColumn<UserRow, String> col(String title, Function<UserRow, String> value) {
        TableColumn<UserRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue())));
        return c;
    }

    public Parent root() {
        return root;
    }
}
