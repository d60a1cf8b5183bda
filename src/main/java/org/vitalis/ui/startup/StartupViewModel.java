package org.vitalis.ui.startup;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.vitalis.ui.StartupTask;
import org.vitalis.ui.common.Async;
import org.vitalis.ui.common.ErrorText;
import org.vitalis.ui.common.Messages;

/** Runs the start-up work and reports its progress; the error stays on screen if it fails. */
public final class StartupViewModel {
    private final StartupTask task;
    private final Async async;
    private final Messages m;
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty error = new SimpleStringProperty("");

    public StartupViewModel(StartupTask task, Async async, Messages m) {
        this.task = task;
        this.async = async;
        this.m = m;
    }

    public String message() {
        return m.get(task.messageKey());
    }

    public DoubleProperty progress() {
        return progress;
    }

    public StringProperty error() {
        return error;
    }

    public void start(Runnable onDone) {
        async.run(() -> {
            task.run(p -> async.fx(() -> progress.set(p)));
            return Boolean.TRUE;
        }, ok -> onDone.run(), e -> error.set(m.get("startup.failed", ErrorText.of(e, m))));
    }
}
