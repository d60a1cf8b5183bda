package org.vitalis.registry;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;

/** Pictures and quality reports for lesion tests: a drawn skin patch with a dark lesion. */
public final class LesionPictures {
    private LesionPictures() {
    }

    public static BufferedImage lesion(int w, int h, int seed) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(230, 180, 160), w, h, new Color(200, 150, 130)));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(90 + seed % 40, 50, 40));
        g.fillOval(w / 3, h / 3, w / 3 + seed % 7, h / 3);
        g.dispose();
        return img;
    }

    public static byte[] jpeg(BufferedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static LesionQuality passed() {
        return new LesionQuality(List.of(new LesionQuality.Check("BLUR", true, 310.5, 100, "Sharp enough."),
                new LesionQuality.Check("UNDEREXPOSED", true, 0.01, 0.2, "Bright enough.")));
    }

    public static LesionQuality blurred() {
        return new LesionQuality(List.of(new LesionQuality.Check("BLUR", false, 12.25, 100,
                "The picture is blurred: hold the camera still and retake it."),
                new LesionQuality.Check("UNDEREXPOSED", true, 0.01, 0.2, "Bright enough.")));
    }

    /** Test data for the store: what a classifier's result looks like, not a model's reading. */
    public static LesionResult result(String label, double p) {
        return new LesionResult(label, "melanoma", p, 0.35, "skin-lesion-test", "1.0.0", "ab".repeat(32), Instant.now());
    }
}
