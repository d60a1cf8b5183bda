package org.vitalis.ui.chart;

import javafx.scene.control.Labeled;
import org.vitalis.domain.Flag;
import org.vitalis.ui.common.Messages;

/** Flag text and colour together, so colour is never the only cue. */
final class Flags {
    private Flags() {
    }

    static void style(Labeled node, Flag flag) {
        node.getStyleClass().removeAll("flag-normal", "flag-abnormal", "flag-critical");
        if (flag != null) {
            node.getStyleClass().add("flag-" + flag.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    static String text(Flag flag, Messages m) {
        return m.get("flag." + flag.name());
    }
}
