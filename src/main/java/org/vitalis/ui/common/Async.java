package org.vitalis.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs service calls off the FX thread and hands results back on it. View models take one, so
 * tests can pass direct executors and need no toolkit.
 */
public final class Async {
    private static final Logger LOG = LoggerFactory.getLogger(Async.class);

    private final Executor background;
    private final Executor fx;

    public Async(Executor background, Executor fx) {
        this.background = background;
        this.fx = fx;
    }

    /** Same thread for both: for view-model unit tests. */
    public static Async direct() {
        return new Async(Runnable::run, Runnable::run);
    }

    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        try {
            background.execute(() -> call(work, onSuccess, onFailure));
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // The window has closed; a late timer (search debounce, clock) has nothing left to update.
            LOG.debug("Work after the window closed was dropped");
        }
    }

    private <T> void call(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Throwable t) {
            // The screen shows the failure; the log keeps only its type, never patient data.
            LOG.warn("Background work failed: {}", t.getClass().getName());
            fx.execute(() -> onFailure.accept(t));
            return;
        }
        fx.execute(() -> onSuccess.accept(result));
    }

    public void fx(Runnable r) {
        fx.execute(r);
    }
}
