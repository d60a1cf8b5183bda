package org.vitalis.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Measures a rendered page in millimetres: the page is rendered at 254 dpi, i.e. exactly 10 pixels per millimetre,
 * and runs of pixels of a colour are found along a pixel row or column. Positions are the runs' centres.
 */
final class PageRuler {
    static final float DPI = 254;
    static final double PX_PER_MM = DPI / 25.4;

    final BufferedImage image;

    private PageRuler(BufferedImage image) {
        this.image = image;
    }

    static PageRuler render(PDDocument doc, int pageIndex) throws IOException {
        return new PageRuler(new PDFRenderer(doc).renderImageWithDPI(pageIndex, DPI, ImageType.RGB));
    }

    void savePng(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
    }

    /** A grid line drawn in the major-line red: clearly red, darker than the pink minor lines. */
    static final IntPredicate MAJOR_RED = rgb -> {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return r > 180 && g < 165 && Math.abs(g - b) < 40;
    };

    /** Trace or text ink: dark in every channel. */
    static final IntPredicate INK = rgb -> {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return r < 110 && g < 110 && b < 110;
    };

    /** Centres (mm) of the runs of matching pixels along the pixel row at {@code yMm}, between two x positions. */
    List<Double> alongRow(double yMm, double fromXMm, double toXMm, IntPredicate colour) {
        int y = px(yMm);
        List<Double> centres = new ArrayList<>();
        int start = -1;
        for (int x = px(fromXMm); x <= px(toXMm); x++) {
            boolean hit = x < px(toXMm) && colour.test(image.getRGB(x, y));
            if (hit && start < 0) {
                start = x;
            } else if (!hit && start >= 0) {
                centres.add((start + x) / 2.0 / PX_PER_MM);
                start = -1;
            }
        }
        return centres;
    }

    /** Centres (mm) of the runs of matching pixels along the pixel column at {@code xMm}, between two y positions. */
    List<Double> alongColumn(double xMm, double fromYMm, double toYMm, IntPredicate colour) {
        int x = px(xMm);
        List<Double> centres = new ArrayList<>();
        int start = -1;
        for (int y = px(fromYMm); y <= px(toYMm); y++) {
            boolean hit = y < px(toYMm) && colour.test(image.getRGB(x, y));
            if (hit && start < 0) {
                start = y;
            } else if (!hit && start >= 0) {
                centres.add((start + y) / 2.0 / PX_PER_MM);
                start = -1;
            }
        }
        return centres;
    }

    private static int px(double mm) {
        return (int) Math.floor(mm * PX_PER_MM);
    }
}
