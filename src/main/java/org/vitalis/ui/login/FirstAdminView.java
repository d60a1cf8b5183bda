package org.vitalis.ui.login;

import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.vitalis.security.UserSession;
import org.vitalis.ui.common.Messages;
import org.vitalis.ui.common.Ui;

/** Shown instead of the login on a database without any account. */
public final class FirstAdminView {
    private final StackPane root = new StackPane();

    public FirstAdminView(FirstAdminViewModel vm, Messages m, Consumer<UserSession> onCreated) {
        TextField user = Ui.id(new TextField(), "first-username");
        user.textProperty().bindBidirectional(vm.username());
        TextField name = Ui.id(new TextField(), "first-display-name");
        name.textProperty().bindBidirectional(vm.displayName());
        PasswordField pw = Ui.id(new PasswordField(), "first-password");
        pw.textProperty().bindBidirectional(vm.password());
        PasswordField confirm = Ui.id(new PasswordField(), "first-confirm");
        confirm.textProperty().bindBidirectional(vm.confirm());
        Button create = Ui.id(new Button(m.get("firstAdmin.submit")), "first-submit");
        create.setDefaultButton(true);
        create.disableProperty().bind(vm.busy());
        create.setMaxWidth(Double.MAX_VALUE);
        create.setOnAction(e -> vm.create(onCreated));
        Label error = Ui.error("first-message");
        error.textProperty().bind(vm.message());

        Label title = new Label(m.get("firstAdmin.title"));
        title.getStyleClass().add("title-3");
        Label help = new Label(m.get("firstAdmin.help"));
        // Lines are broken in the bundle: JavaFX 26 mis-wraps right-to-left text.
        help.setWrapText(false);
        help.getStyleClass().add("text-muted");
        GridPane form = new GridPane(12, 10);
        form.addRow(0, Ui.labelFor(user, m.get("users.username")), user);
        form.addRow(1, Ui.labelFor(name, m.get("users.displayName")), name);
        form.addRow(2, Ui.labelFor(pw, m.get("login.password")), pw);
        form.addRow(3, Ui.labelFor(confirm, m.get("password.confirm")), confirm);
        VBox card = new VBox(14, title, help, form, create, error);
        card.getStyleClass().add("card-pane");
        card.setMaxWidth(460);
        card.setMaxHeight(VBox.USE_PREF_SIZE);
        for (var field : new javafx.scene.Node[] {user, name, pw, confirm}) {
            GridPane.setHgrow(field, javafx.scene.layout.Priority.ALWAYS);
        }
        root.getChildren().add(card);
        root.setAlignment(Pos.CENTER);
    }

    public Parent root() {
        return root;
    }
}
