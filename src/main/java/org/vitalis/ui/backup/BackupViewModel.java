package org.vitalis.ui.backup;

import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.vitalis.security.UserSession;
import org.vitalis.ui.Backups;
import org.vitalis.ui.common.Async;
import org.vitalis.ui.common.ErrorText;
import org.vitalis.ui.common.Messages;

/** One backup run at a time, with progress and a clear outcome. */
public final class BackupViewModel {
    private final Backups backups;
    private final UserSession session;
    private final Async async;
    private final Messages m;
    private final ObjectProperty<Path> target = new SimpleObjectProperty<>();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final StringProperty result = new SimpleStringProperty("");
    private final BooleanProperty failed = new SimpleBooleanProperty();

    public BackupViewModel(Backups backups, UserSession session, Async async, Messages m) {
        this.backups = backups;
        this.session = session;
        this.async = async;
        this.m = m;
    }

    public ObjectProperty<Path> target() { return target; }
    public DoubleProperty progress() { return progress; }
    public BooleanProperty running() { return running; }
    public StringProperty result() { return result; }
    public BooleanProperty failed() { return failed; }

    public void run() {
        Path file = target.get();
        if (file == null || running.get()) {
            return;
        }
        running.set(true);
        progress.set(0);
        result.set("");
        async.run(() -> {
            backups.backup(session, file, p -> async.fx(() -> progress.set(p)));
            return file;
        }, f -> {
            running.set(false);
            progress.set(1);
            failed.set(false);
            result.set(m.get("backup.done"));
        }, e -> {
            running.set(false);
            failed.set(true);
            result.set(m.get("backup.failed", ErrorText.of(e, m)));
        });
    }
}
