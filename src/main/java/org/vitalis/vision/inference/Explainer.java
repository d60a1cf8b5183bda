package org.vitalis.vision.inference;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * Explanation heatmaps by occlusion sensitivity (Zeiler &amp; Fergus, "Visualizing and Understanding Convolutional
 * Networks", ECCV 2014): a square filled with the photo's own mean colour (mostly the surrounding skin) slides over
 * the input, and a pixel's importance is how much covering it lowers the probability of the label shown, averaged
 * over the squares that cover it. A flat grey square would itself look like a lesion structure to the network. It works with any model because it only needs outputs. Grad-CAM needs gradients, which ONNX Runtime
 * does not compute, so the shipped ONNX models offer occlusion only.
 */
public final class Explainer {
    private static final int BATCH = 32;

    private Explainer() {
    }

    /**
     * Occlusion with a square a quarter of the input's side, moved by a third of its side (100 positions at 96 px):
     * lesions fill much of a dermoscopic frame, and smaller squares rarely change the answer.
     */
    public static Heatmap occlusion(BufferedImage image, Classifier classifier) {
        int patch = Math.max(1, classifier.preprocessing().size() / 4);
        return occlusion(image, classifier, patch, Math.max(1, patch / 3));
    }

    /**
     * @param patch  side of the occluding square, in input pixels (e.g. a sixth of the input)
     * @param stride step between squares, in input pixels (at most {@code patch})
     */
    public static Heatmap occlusion(BufferedImage image, Classifier classifier, int patch, int stride) {
        int n = classifier.preprocessing().size();
        if (patch < 1 || patch > n || stride < 1 || stride > patch) {
            throw new IllegalArgumentException("patch must be 1.." + n + " pixels and stride 1..patch");
        }
        float[] input = classifier.preprocessing().apply(image);
        float[] fill = channelMeans(input, n);
        double base = classifier.probabilities(input, 1)[0];
        boolean positive = base >= classifier.manifest().threshold();
        int[] starts = starts(n, patch, stride);
        int positions = starts.length * starts.length;
        double[] drop = new double[positions];
        int per = 3 * n * n;
        for (int from = 0; from < positions; from += BATCH) {
            int count = Math.min(BATCH, positions - from);
            float[] batch = new float[count * per];
            for (int k = 0; k < count; k++) {
                System.arraycopy(input, 0, batch, k * per, per);
                int pos = from + k;
                occlude(batch, k * per, n, starts[pos / starts.length], starts[pos % starts.length], patch, fill);
            }
            double[] p = classifier.probabilities(batch, count);
            for (int k = 0; k < count; k++) {
                // Importance for the label shown: covering evidence for melanoma lowers p, for nevus raises it.
                drop[from + k] = positive ? base - p[k] : p[k] - base;
            }
        }
        double[][] sum = new double[n][n];
        int[][] hits = new int[n][n];
        for (int pos = 0; pos < positions; pos++) {
            int y0 = starts[pos / starts.length];
            int x0 = starts[pos % starts.length];
            for (int y = y0; y < y0 + patch; y++) {
                for (int x = x0; x < x0 + patch; x++) {
                    sum[y][x] += drop[pos];
                    hits[y][x]++;
                }
            }
        }
        float[][] values = new float[n][n];
        double max = 0;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double v = hits[y][x] == 0 ? 0 : Math.max(0, sum[y][x] / hits[y][x]);
                values[y][x] = (float) v;
                max = Math.max(max, v);
            }
        }
        if (max > 0) {
            for (float[] row : values) {
                for (int x = 0; x < n; x++) {
                    row[x] = (float) (row[x] / max);
                }
            }
        }
        return new Heatmap(values);
    }

    /** Square origins along one axis; the last square ends at the edge so every pixel is covered. */
    private static int[] starts(int n, int patch, int stride) {
        int[] s = new int[(n - patch + stride - 1) / stride + 1];
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.min(i * stride, n - patch);
        }
        return Arrays.stream(s).distinct().toArray();
    }

    private static void occlude(float[] batch, int offset, int n, int y0, int x0, int patch, float[] fill) {
        for (int c = 0; c < 3; c++) {
            for (int y = y0; y < y0 + patch; y++) {
                Arrays.fill(batch, offset + c * n * n + y * n + x0, offset + c * n * n + y * n + x0 + patch, fill[c]);
            }
        }
    }

    private static float[] channelMeans(float[] chw, int n) {
        float[] m = new float[3];
        for (int c = 0; c < 3; c++) {
            double s = 0;
            for (int i = c * n * n; i < (c + 1) * n * n; i++) {
                s += chw[i];
            }
            m[c] = (float) (s / (n * n));
        }
        return m;
    }
}
