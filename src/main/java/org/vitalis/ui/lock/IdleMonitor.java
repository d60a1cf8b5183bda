package org.vitalis.ui.lock;

import javafx.animation.PauseTransition;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.util.Duration;

/** Fires once after the given time without mouse or keyboard input, while armed. */
public final class IdleMonitor {
    private final PauseTransition timer;
    private final EventHandler<InputEvent> activity;
    private boolean armed;

    public IdleMonitor(java.time.Duration idle, Runnable onIdle) {
        timer = new PauseTransition(Duration.millis(idle.toMillis()));
        timer.setOnFinished(e -> {
            if (armed) {
                armed = false;
                onIdle.run();
            }
        });
        activity = e -> {
            if (armed) {
                timer.playFromStart();
            }
        };
    }

    public void attach(Scene scene) {
        scene.addEventFilter(KeyEvent.ANY, activity::handle);
        scene.addEventFilter(MouseEvent.ANY, activity::handle);
        scene.addEventFilter(ScrollEvent.ANY, activity::handle);
    }

    public void arm() {
        armed = true;
        timer.playFromStart();
    }

    public void disarm() {
        armed = false;
        timer.stop();
    }
}
