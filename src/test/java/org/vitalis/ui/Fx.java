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

    /** Renders the scene as it is now to a PNG file, so a person can look at what the screen shows. */
    public static void writePng(javafx.scene.Scene scene, java.nio.file.Path file) throws java.io.IOException {
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.image.WritableImage image = call(() -> scene.snapshot(null));
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        javafx.scene.image.PixelReader px = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, px.getArgb(x, y));
            }
        }
        java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
        javax.imageio.ImageIO.write(out, "png", file.toFile());
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
