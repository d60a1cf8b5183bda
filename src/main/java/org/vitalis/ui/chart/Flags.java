package org.vitalis.ui.chart;

import javafx.scene.Node;
import org.vitalis.domain.Flag;
import org.vitalis.ui.common.Messages;

/** Flag text and colour together, so colour is never the only cue. */
public final class Flags {
    private Flags() {
    }

    public static void style(Node node, Flag flag) {
        node.getStyleClass().removeAll("flag-normal", "flag-abnormal", "flag-critical");
        if (flag != null) {
            node.getStyleClass().add("flag-" + flag.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    public static String text(Flag flag, Messages m) {
        return m.get("flag." + flag.name());
    }
}
