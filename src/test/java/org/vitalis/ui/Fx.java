package org.vitalis.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.testfx.util.WaitForAsyncUtils;

/** Drives real screens on the FX thread without a robot, which the headless glass does not need. */
public final class Fx {
    private Fx() {
    }

    public static void run(Runnable r) {
        call(() -> {
            r.run();
            return null;
        });
    }

    public static <T> T call(Callable<T> c) {
        try {
            return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(c));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public static void waitUntil(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> call(() -> {
                try {
                    return condition.getAsBoolean();
                } catch (RuntimeException notYet) {
                    return false; // e.g. a node whose skin is not built yet
                }
            }));
        } catch (Exception e) {
            throw new AssertionError("Timed out waiting until " + what, e);
        }
    }

    @SuppressWarnings("unchecked")
    public static <T extends Node> T find(Parent root, String id) {
        return call(() -> (T) root.lookup("#" + id));
    }

    public static boolean present(Parent root, String id) {
        return call(() -> {
            Node n = root.lookup("#" + id);
            return n != null && n.isVisible() && n.getScene() != null;
        });
    }

    public static void key(Node target, KeyCode code, boolean shortcut) {
        run(() -> target.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, shortcut, false, false)));
    }
}
