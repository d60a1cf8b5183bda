package org.vitalis.ui.imaging;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** Pictures from the vision code (AWT images, PNG bytes) as JavaFX images, pixel for pixel. */
final class FxImages {
    private FxImages() {
    }

    static Image of(BufferedImage src) {
        if (src == null) {
            return null;
        }
        int w = src.getWidth();
        int h = src.getHeight();
        int[] argb = src.getRGB(0, 0, w, h, null, 0, w);
        WritableImage out = new WritableImage(w, h);
        out.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return out;
    }

    static Image png(byte[] bytes) {
        return new Image(new ByteArrayInputStream(bytes));
    }
}
