package org.vitalis.vision.quality;

import java.awt.image.BufferedImage;

/**
 * A photo's luminance (ITU-R BT.601 weights: Y = 0.299 R + 0.587 G + 0.114 B, 0–255), area-averaged so its longer side
 * is at most {@code maxSide} pixels. Measuring at one working size makes sharpness comparable between a camera still
 * and a thumbnail.
 */
record LumaImage(int width, int height, double[] y) {

    static LumaImage of(BufferedImage image, int maxSide) {
        int w = image.getWidth();
        int h = image.getHeight();
        double scale = Math.min(1.0, maxSide / (double) Math.max(w, h));
        int ow = Math.max(1, (int) Math.round(w * scale));
        int oh = Math.max(1, (int) Math.round(h * scale));
        double[] sum = new double[ow * oh];
        int[] count = new int[ow * oh];
        int[] row = new int[w];
        for (int sy = 0; sy < h; sy++) {
            image.getRGB(0, sy, w, 1, row, 0, w);
            int oy = (int) ((long) sy * oh / h);
            for (int sx = 0; sx < w; sx++) {
                int p = row[sx];
                int o = oy * ow + (int) ((long) sx * ow / w);
                sum[o] += 0.299 * ((p >> 16) & 0xFF) + 0.587 * ((p >> 8) & 0xFF) + 0.114 * (p & 0xFF);
                count[o]++;
            }
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= Math.max(1, count[i]);
        }
        return new LumaImage(ow, oh, sum);
    }

    double at(int x, int yy) {
        return y[yy * width + x];
    }

    /** The image convolved with the 3×3 binomial kernel [1 2 1]ᵀ[1 2 1]/16, edges clamped. */
    LumaImage smoothed() {
        int w = width;
        int h = height;
        double[] t = new double[w * h];
        double[] o = new double[w * h];
        for (int yy = 0; yy < h; yy++) {
            for (int x = 0; x < w; x++) {
                t[yy * w + x] = (at(Math.max(0, x - 1), yy) + 2 * at(x, yy) + at(Math.min(w - 1, x + 1), yy)) / 4;
            }
        }
        for (int yy = 0; yy < h; yy++) {
            for (int x = 0; x < w; x++) {
                o[yy * w + x] = (t[Math.max(0, yy - 1) * w + x] + 2 * t[yy * w + x] + t[Math.min(h - 1, yy + 1) * w + x]) / 4;
            }
        }
        return new LumaImage(w, h, o);
    }
}
