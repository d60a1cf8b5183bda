package org.vitalis.ui.ecg;

import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.stage.Screen;
import javafx.stage.Window;

/** What a strip needs from the screen it is on: real millimetres and the theme's colours. */
public final class EcgScreen {
    private EcgScreen() {
    }

    /** Layout pixels per millimetre of the screen showing {@code node} (the primary screen until it is shown). */
    public static double pxPerMm(Node node) {
        Screen screen = Screen.getPrimary();
        Window w = node.getScene() == null ? null : node.getScene().getWindow();
        if (w != null && w.getWidth() > 0) {
            var on = Screen.getScreensForRectangle(new Rectangle2D(w.getX(), w.getY(), w.getWidth(), w.getHeight()));
            if (!on.isEmpty()) {
                screen = on.getFirst();
            }
        }
        return EcgPaper.pxPerMm(screen.getDpi(), screen.getOutputScaleX());
    }

    /**
     * Calls {@code apply} with the colours of the workstation's theme now and whenever it changes (the window marks
     * its root "theme-dark" or "theme-light").
     */
    public static void followTheme(Node node, Consumer<EcgColors> apply) {
        ListChangeListener<String> onChange = c -> apply.accept(EcgColors.of(c.getList().contains("theme-dark")));
        node.sceneProperty().addListener((o, old, scene) -> {
            if (old != null) {
                old.getRoot().getStyleClass().removeListener(onChange);
            }
            if (scene != null) {
                Parent root = scene.getRoot();
                root.getStyleClass().addListener(onChange);
                apply.accept(EcgColors.of(root.getStyleClass().contains("theme-dark")));
            }
        });
    }
}
