package org.vitalis.ui.ecg;

import javafx.scene.paint.Color;

/** The colours of the paper and the trace, in the light and the dark theme; both keep the grid behind the trace. */
public record EcgColors(Color paper, Color minor, Color major, Color trace, Color text, Color marks) {
    public static final EcgColors LIGHT = new EcgColors(Color.rgb(255, 252, 250), Color.rgb(246, 205, 205),
            Color.rgb(226, 128, 128), Color.rgb(20, 20, 24), Color.rgb(60, 30, 30), Color.rgb(21, 101, 192));
    public static final EcgColors DARK = new EcgColors(Color.rgb(18, 20, 24), Color.rgb(52, 38, 40),
            Color.rgb(112, 62, 64), Color.rgb(120, 235, 150), Color.rgb(225, 215, 215), Color.rgb(120, 180, 255));

    public static EcgColors of(boolean dark) {
        return dark ? DARK : LIGHT;
    }
}
