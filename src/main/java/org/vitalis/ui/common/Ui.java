package org.vitalis.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Small layout helpers shared by the screens. */
public final class Ui {
    private Ui() {
    }

    /** A label bound to its control, so screen readers announce the field and Alt+mnemonic focuses it. */
    public static Label labelFor(Control control, String text) {
        Label l = new Label(text);
        l.setMnemonicParsing(true);
        l.setLabelFor(control);
        control.setAccessibleText(text.replace("_", ""));
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    public static Label error(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("error-text");
        wrapUnlessArabic(l);
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        return l;
    }

    /**
     * JavaFX 26 garbles wrapped right-to-left text (lines repeated and drawn outside the label), so
     * Arabic text keeps its explicit line breaks and only other text wraps.
     */
    public static void wrapUnlessArabic(Label l) {
        Runnable apply = () -> l.setWrapText(l.getText() == null
                || l.getText().chars().noneMatch(c -> c >= 0x0600 && c <= 0x06FF));
        l.textProperty().addListener((o, a, b) -> apply.run());
        apply.run();
    }

    /** Phone numbers and MRNs read left to right even inside right-to-left screens. */
    public static <T extends Node> T leftToRight(T node) {
        node.setNodeOrientation(javafx.geometry.NodeOrientation.LEFT_TO_RIGHT);
        return node;
    }

    /**
     * A date typed into a picker counts even if the user never left the field; text that is not a
     * date clears the value so that the form reports it as missing.
     */
    public static void commit(javafx.scene.control.DatePicker picker) {
        String typed = picker.getEditor().getText();
        try {
            picker.setValue(typed == null || typed.isBlank() ? null : picker.getConverter().fromString(typed));
        } catch (RuntimeException notADate) {
            picker.setValue(null);
        }
    }

    public static Region grow() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    public static <T extends Node> T id(T node, String id) {
        node.setId(id);
        return node;
    }
}
