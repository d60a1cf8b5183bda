package org.vitalis.ui;

import javafx.application.Application;
import javafx.stage.Stage;

/** Starts the JavaFX workstation and returns when its window is closed. */
public final class WorkstationApp {
    private static volatile UiContext context;

    private WorkstationApp() {
    }

    /** Blocks until the window closes; JavaFX allows one launch per process. */
    public static void launch(UiContext ctx) {
        context = ctx;
        Application.launch(Fx.class);
    }

    /** JavaFX instantiates this itself, so the context reaches it through the static field. */
    public static final class Fx extends Application {
        private WorkstationWindow window;

        @Override
        public void start(Stage stage) {
            window = new WorkstationWindow(context, stage);
            stage.setScene(window.scene());
            stage.setMinWidth(1024);
            stage.setMinHeight(680);
            stage.show();
        }

        @Override
        public void stop() {
            if (window != null) {
                window.close();
            }
        }
    }
}
