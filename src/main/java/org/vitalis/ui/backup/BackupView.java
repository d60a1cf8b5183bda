package org.vitalis.ui.backup;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.vitalis.ui.common.FileDialogs;
import org.vitalis.ui.common.Messages;
import org.vitalis.ui.common.Ui;

/** Admin screen: write a backup file. */
public final class BackupView {
    private final VBox root = new VBox(12);

    public BackupView(BackupViewModel vm, Messages m, FileDialogs files) {
        Label title = new Label(m.get("nav.backup"));
        title.getStyleClass().add("title-3");
        Label help = new Label(m.get("backup.help"));
        Ui.wrapUnlessArabic(help);
        Label target = Ui.id(new Label(m.get("backup.noFile")), "backup-target");
        // A path reads left to right in every language.
        vm.target().addListener((o, a, p) -> target.setNodeOrientation(p == null
                ? javafx.geometry.NodeOrientation.INHERIT : javafx.geometry.NodeOrientation.LEFT_TO_RIGHT));
        vm.target().addListener((o, a, p) -> target.setText(p == null ? m.get("backup.noFile") : p.toString()));
        Button choose = Ui.id(new Button(m.get("backup.choose")), "backup-choose");
        choose.disableProperty().bind(vm.running());
        choose.setOnAction(e -> files.save(m.get("backup.choose"), "vitalis-backup.zip", m.get("backup.files"), "*.zip")
                .ifPresent(vm.target()::set));
        Button run = Ui.id(new Button(m.get("backup.run")), "backup-run");
        run.getStyleClass().add("accent");
        run.disableProperty().bind(vm.running().or(vm.target().isNull()));
        run.setOnAction(e -> vm.run());
        ProgressBar bar = Ui.id(new ProgressBar(), "backup-progress");
        bar.setPrefWidth(360);
        bar.progressProperty().bind(vm.progress());
        bar.setAccessibleText(m.get("backup.progress"));
        Label result = Ui.id(new Label(), "backup-result");
        Ui.wrapUnlessArabic(result);
        result.textProperty().bind(vm.result());
        vm.failed().addListener((o, a, failed) -> {
            result.getStyleClass().removeAll("error-text", "success-text");
            result.getStyleClass().add(failed ? "error-text" : "success-text");
        });
        result.getStyleClass().add("success-text");
        HBox file = new HBox(10, choose, target);
        file.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().addAll(title, help, file, new HBox(10, run, bar), result);
        root.setPadding(new Insets(16));
        root.setMaxWidth(760);
    }

    public Parent root() {
        return root;
    }
}
