package org.vitalis.vision.inference;

import java.awt.image.BufferedImage;

/**
 * Draws a {@link Heatmap} over the photo it explains, for the screens' opacity slider: the heatmap covers the central
 * square the model saw (upscaled bilinearly), coloured from transparent through yellow to red, blended with
 * {@code opacity × importance}. Pixels outside the square are left as they are.
 */
public final class HeatmapOverlay {
    private HeatmapOverlay() {
    }

    public static BufferedImage render(BufferedImage image, Heatmap heatmap, double opacity) {
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new IllegalArgumentException("opacity must be between 0 and 1");
        }
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int side = Math.min(w, h);
        int x0 = (w - side) / 2;
        int y0 = (h - side) / 2;
        int n = heatmap.size();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                if (x >= x0 && x < x0 + side && y >= y0 && y < y0 + side) {
                    double v = sample(heatmap, n, (x - x0 + 0.5) * n / side - 0.5, (y - y0 + 0.5) * n / side - 0.5);
                    double a = opacity * v;
                    int r = (p >> 16) & 0xFF;
                    int g = (p >> 8) & 0xFF;
                    int b = p & 0xFF;
                    // Colour map: low importance yellow (255,255,0), high red (255,0,0).
                    int cr = 255;
                    int cg = (int) Math.round(255 * (1 - v));
                    p = (blend(r, cr, a) << 16) | (blend(g, cg, a) << 8) | blend(b, 0, a);
                }
                row[x] = p;
            }
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        return out;
    }

    private static int blend(int base, int colour, double alpha) {
        return (int) Math.round(base * (1 - alpha) + colour * alpha);
    }

    private static double sample(Heatmap m, int n, double fx, double fy) {
        double cx = Math.max(0, Math.min(n - 1, fx));
        double cy = Math.max(0, Math.min(n - 1, fy));
        int x = (int) Math.floor(cx);
        int y = (int) Math.floor(cy);
        int x1 = Math.min(n - 1, x + 1);
        int y1 = Math.min(n - 1, y + 1);
        double dx = cx - x;
        double dy = cy - y;
        return m.at(y, x) * (1 - dx) * (1 - dy) + m.at(y, x1) * dx * (1 - dy) + m.at(y1, x) * (1 - dx) * dy
                + m.at(y1, x1) * dx * dy;
    }
}
