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
import org.vitalis.ui.UiContext;
import org.vitalis.ui.common.Messages;
import org.vitalis.ui.common.Ui;

/** The login card; in the demo clinic it also lists the demo accounts. */
public final class LoginView {
    private final StackPane root = new StackPane();

    public LoginView(LoginViewModel vm, Messages m, Consumer<UserSession> onLogin, Consumer<String> onLanguage) {
        TextField user = Ui.id(new TextField(), "login-username");
        user.textProperty().bindBidirectional(vm.username());
        PasswordField pw = Ui.id(new PasswordField(), "login-password");
        pw.textProperty().bindBidirectional(vm.password());
        Button login = Ui.id(new Button(m.get("login.submit")), "login-submit");
        login.setDefaultButton(true);
        login.disableProperty().bind(vm.busy());
        login.setMaxWidth(Double.MAX_VALUE);
        login.setOnAction(e -> vm.login(onLogin));
        Label error = Ui.error("login-message");
        error.textProperty().bind(vm.message());

        Label title = new Label(m.get("app.title"));
        title.getStyleClass().add("title-2");
        Label subtitle = new Label(m.get("login.subtitle"));
        subtitle.getStyleClass().add("text-muted");
        GridPane form = new GridPane(12, 10);
        form.addRow(0, Ui.labelFor(user, m.get("login.username")), user);
        form.addRow(1, Ui.labelFor(pw, m.get("login.password")), pw);
        javafx.scene.control.ComboBox<String> language = Ui.id(new javafx.scene.control.ComboBox<>(), "login-language");
        language.getItems().setAll("en", "ar");
        language.setConverter(org.vitalis.ui.common.Choices.converter(tag -> m.get("language." + tag)));
        language.setValue(m.locale().getLanguage());
        language.setAccessibleText(m.get("shell.language"));
        language.valueProperty().addListener((o, a, tag) -> {
            if (tag != null && !tag.equals(a)) {
                onLanguage.accept(tag);
            }
        });
        javafx.scene.layout.HBox heading = new javafx.scene.layout.HBox(10, title, Ui.grow(), language);
        heading.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(14, heading, subtitle, form, login, error);
        card.getStyleClass().add("card-pane");
        card.setMaxWidth(420);
        card.setMaxHeight(VBox.USE_PREF_SIZE);
        if (!vm.demoAccounts().isEmpty()) {
            card.getChildren().add(demoAccounts(vm, m, user));
        }
        for (var field : new javafx.scene.Node[] {user, pw}) {
            GridPane.setHgrow(field, javafx.scene.layout.Priority.ALWAYS);
        }
        root.getChildren().add(card);
        root.setAlignment(Pos.CENTER);
        user.sceneProperty().addListener((o, a, s) -> {
            if (s != null) {
                user.requestFocus();
            }
        });
    }

    private static VBox demoAccounts(LoginViewModel vm, Messages m, TextField user) {
        Label heading = new Label(m.get("login.demoAccounts"));
        heading.getStyleClass().add("text-bold");
        GridPane grid = new GridPane(16, 4);
        grid.setId("login-demo-accounts");
        grid.addRow(0, muted(m.plain("login.username")), muted(m.plain("login.password")), muted(m.get("users.role")));
        int row = 1;
        for (UiContext.DemoAccount a : vm.demoAccounts()) {
            grid.addRow(row++, new Label(a.username()), new Label(a.password()), new Label(roleText(a.role(), m)));
        }
        VBox box = new VBox(6, heading, grid);
        box.getStyleClass().add("demo-accounts");
        return box;
    }

    private static String roleText(String role, Messages m) {
        String key = "role." + role.toUpperCase(java.util.Locale.ROOT);
        return m.has(key) ? m.get(key) : role;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("text-muted");
        return l;
    }

    public Parent root() {
        return root;
    }
}
