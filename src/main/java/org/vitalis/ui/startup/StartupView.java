package org.vitalis.ui.startup;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import org.vitalis.ui.common.Messages;
import org.vitalis.ui.common.Ui;

/** Progress while the station prepares itself before the first login. */
public final class StartupView {
    private final VBox root = new VBox(14);

    public StartupView(StartupViewModel vm, Messages m) {
        Label title = new Label(m.get("app.title"));
        title.getStyleClass().add("title-2");
        Label message = Ui.id(new Label(vm.message()), "startup-message");
        ProgressBar bar = Ui.id(new ProgressBar(), "startup-progress");
        bar.setPrefWidth(360);
        bar.progressProperty().bind(vm.progress());
        bar.setAccessibleText(vm.message());
        Label error = Ui.error("startup-error");
        error.textProperty().bind(vm.error());
        error.setMaxWidth(640);
        root.getChildren().addAll(title, message, bar, error);
        root.setAlignment(Pos.CENTER);
    }

    public Parent root() {
        return root;
    }
}
