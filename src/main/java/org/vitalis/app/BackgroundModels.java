package org.vitalis.app;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.vitalis.vision.inference.ModelRegistry;

/**
 * The installed models, checked and loaded on a thread of their own from start-up: starting the inference engine takes
 * most of a second, which the login screen should not wait for. The photo screen waits for them only when it is
 * opened before they are ready.
 */
final class BackgroundModels implements Supplier<ModelRegistry>, AutoCloseable {
    private final CompletableFuture<ModelRegistry> loading;

    BackgroundModels(Path modelsDir) {
        loading = CompletableFuture.supplyAsync(() -> ModelRegistry.open(modelsDir), task -> {
            Thread t = new Thread(task, "models");
            t.setDaemon(true);
            t.start();
        });
    }

    /** The registry; waits for loading to end. Opening never throws: a model that fails is listed with its reason. */
    @Override
    public ModelRegistry get() {
        return loading.join();
    }

    @Override
    public void close() {
        get().close();
    }
}
