package org.vitalis.bench;

import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;

/** The JavaFX toolkit for benchmarks: headless glass and the software renderer, as the UI tests use, started once. */
final class BenchFx {
    private static boolean started;

    private BenchFx() {
    }

    static synchronized void start() throws Exception {
        if (started) {
            return;
        }
        System.setProperty("glass.platform", System.getProperty("glass.platform", "Headless"));
        System.setProperty("prism.order", System.getProperty("prism.order", "sw"));
        CompletableFuture<Void> up = new CompletableFuture<>();
        Platform.startup(() -> up.complete(null));
        up.get();
        // Benchmarks open and close windows of their own; the toolkit stays up until Benchmarks ends it.
        Platform.setImplicitExit(false);
        started = true;
    }
}
