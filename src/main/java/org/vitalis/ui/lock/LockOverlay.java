package org.vitalis.ui.lock;

import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.vitalis.ui.common.Messages;
import org.vitalis.ui.common.Ui;

/** Covers the whole window, hiding patient data, until the password is given again. */
public final class LockOverlay {
    private final StackPane root = new StackPane();
    private final PasswordField password = Ui.id(new PasswordField(), "lock-password");

    public LockOverlay(LockViewModel vm, Messages m, Runnable onUnlocked, Consumer<String> onEnded) {
        root.setId("lock-overlay");
        root.getStyleClass().add("lock-overlay");
        Label title = new Label(m.get("lock.title"));
        title.getStyleClass().add("title-3");
        Label who = new Label(vm.lockedText());
        Ui.wrapUnlessArabic(who);
        password.textProperty().bindBidirectional(vm.password());
        Label label = Ui.labelFor(password, m.get("login.password"));
        Button unlock = Ui.id(new Button(m.get("lock.unlock")), "lock-unlock");
        unlock.setDefaultButton(true);
        unlock.setMaxWidth(Double.MAX_VALUE);
        unlock.disableProperty().bind(vm.busy());
        unlock.setOnAction(e -> vm.unlock(onUnlocked, onEnded));
        Label error = Ui.error("lock-message");
        error.textProperty().bind(vm.message());
        VBox card = new VBox(12, title, who, label, password, unlock, error);
        card.getStyleClass().add("card-pane");
        card.setMaxWidth(380);
        card.setMaxHeight(VBox.USE_PREF_SIZE);
        root.getChildren().add(card);
        root.setAlignment(Pos.CENTER);
    }

    public void focus() {
        password.requestFocus();
    }

    public Parent root() {
        return root;
    }
}
