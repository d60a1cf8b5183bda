package org.vitalis.vision.inference;

import java.awt.image.BufferedImage;

/**
 * Turns a photo into the network's input exactly as training did: the central square (the lesion is framed in the
 * middle; the quality gate checks that), shrunk to {@code size × size} by averaging each output pixel's box of source
 * pixels (no aliasing when a 12-megapixel still becomes 128 pixels), then each channel scaled to [0, 1] and normalised
 * with the training set's mean and standard deviation. Output is channel-major (CHW), RGB order.
 */
public final class Preprocessing {
    private final int size;
    private final float[] mean;
    private final float[] std;

    public Preprocessing(int size, float[] mean, float[] std) {
        if (size < 8 || mean.length != 3 || std.length != 3) {
            throw new IllegalArgumentException("input size must be at least 8 and mean/std must have 3 channels");
        }
        this.size = size;
        this.mean = mean.clone();
        this.std = std.clone();
    }

    public int size() {
        return size;
    }

    /** Normalised CHW input for one image. */
    public float[] apply(BufferedImage image) {
        float[] rgb = squareRgb(image, size);
        normaliseInPlace(rgb);
        return rgb;
    }

    /** Normalises CHW values in [0, 1] in place (training applies augmentation before this step). */
    public void normaliseInPlace(float[] chw) {
        int plane = size * size;
        for (int c = 0; c < 3; c++) {
            float m = mean[c];
            float s = std[c];
            for (int i = c * plane, end = i + plane; i < end; i++) {
                chw[i] = (chw[i] - m) / s;
            }
        }
    }

    /** The central square of the image, area-averaged to {@code n × n}, as CHW RGB in [0, 1]. */
    public static float[] squareRgb(BufferedImage image, int n) {
        int w = image.getWidth();
        int h = image.getHeight();
        int side = Math.min(w, h);
        int x0 = (w - side) / 2;
        int y0 = (h - side) / 2;
        double[] sum = new double[3 * n * n];
        int[] count = new int[n * n];
        int[] row = new int[side];
        for (int y = 0; y < side; y++) {
            image.getRGB(x0, y0 + y, side, 1, row, 0, side);
            int oy = (int) ((long) y * n / side);
            for (int x = 0; x < side; x++) {
                int ox = (int) ((long) x * n / side);
                int o = oy * n + ox;
                int p = row[x];
                sum[o] += (p >> 16) & 0xFF;
                sum[n * n + o] += (p >> 8) & 0xFF;
                sum[2 * n * n + o] += p & 0xFF;
                count[o]++;
            }
        }
        float[] out = new float[3 * n * n];
        for (int c = 0; c < 3; c++) {
            for (int o = 0; o < n * n; o++) {
                // A source smaller than n leaves some boxes empty; take the nearest source pixel's box instead.
                int k = count[o] > 0 ? o : nearestFilled(count, n, o);
                out[c * n * n + o] = (float) (sum[c * n * n + k] / count[k] / 255.0);
            }
        }
        return out;
    }

    private static int nearestFilled(int[] count, int n, int o) {
        int oy = o / n;
        int ox = o % n;
        for (int r = 1; r < n; r++) {
            for (int dy = -r; dy <= r; dy++) {
                for (int dx = -r; dx <= r; dx++) {
                    int y = oy + dy;
                    int x = ox + dx;
                    if (y >= 0 && y < n && x >= 0 && x < n && count[y * n + x] > 0) {
                        return y * n + x;
                    }
                }
            }
        }
        throw new IllegalArgumentException("empty image");
    }
}
