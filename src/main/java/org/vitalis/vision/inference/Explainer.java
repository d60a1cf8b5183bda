package org.vitalis.vision.inference;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * Explanation heatmaps for the label a model showed, by one of two methods:
 * <ul>
 * <li>Grad-CAM (Selvaraju et al., "Grad-CAM: Visual Explanations from Deep Networks via Gradient-based Localization",
 * ICCV 2017), for models whose manifest names a Grad-CAM output. ONNX Runtime computes no gradients, but for a network
 * ending in global average pooling and one linear layer they are known in closed form: the gradient of the score
 * difference (positive minus negative logit, which the calibrated probability rises with) with respect to feature map
 * k at any position is (w_pos,k − w_neg,k) / (h·w), so Grad-CAM's map is ReLU(Σ_k (w_pos,k − w_neg,k) A_k) up to a
 * positive factor — CAM, as the paper shows (its section 3.1). The project's own model computes Σ_k (w_pos,k −
 * w_neg,k) A_k as a second output; this class keeps the side of the label shown.</li>
 * <li>Occlusion sensitivity (Zeiler &amp; Fergus, "Visualizing and Understanding Convolutional Networks", ECCV 2014)
 * for any other model, since it needs outputs only: a square filled with the photo's own mean colour (mostly the
 * surrounding skin) slides over the input, and a pixel's importance is how much covering it lowers the probability of
 * the label shown, averaged over the squares that cover it. A flat grey square would itself look like a lesion
 * structure to the network.</li>
 * </ul>
 */
public final class Explainer {
    private static final int BATCH = 32;

    private Explainer() {
    }

    /** Grad-CAM when the model offers it, else occlusion sensitivity. */
    public static Heatmap explain(BufferedImage image, Classifier classifier) {
        return classifier.offersGradCam() ? gradCam(image, classifier) : occlusion(image, classifier);
    }

    /**
     * Grad-CAM for the label the model shows for {@code image}, on the grid of its last feature maps.
     *
     * @throws IllegalStateException when the model has no Grad-CAM output
     */
    public static Heatmap gradCam(BufferedImage image, Classifier classifier) {
        float[] input = classifier.preprocessing().apply(image);
        Classifier.Evidence e = classifier.evidence(input);
        boolean positive = e.probability() >= classifier.manifest().threshold();
        float[][] map = e.positiveEvidence();
        float[][] values = new float[map.length][];
        for (int y = 0; y < map.length; y++) {
            values[y] = new float[map[y].length];
            for (int x = 0; x < map[y].length; x++) {
                // Evidence against the positive label is evidence for the other one.
                values[y][x] = Math.max(0, positive ? map[y][x] : -map[y][x]);
            }
        }
        return new Heatmap(scaledToOne(values), Heatmap.Method.GRAD_CAM);
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
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                values[y][x] = hits[y][x] == 0 ? 0 : (float) Math.max(0, sum[y][x] / hits[y][x]);
            }
        }
        return new Heatmap(scaledToOne(values), Heatmap.Method.OCCLUSION);
    }

    /** Divides by the largest value, so the most important place is 1; all zeros stay zeros. */
    private static float[][] scaledToOne(float[][] values) {
        float max = 0;
        for (float[] row : values) {
            for (float v : row) {
                max = Math.max(max, v);
            }
        }
        if (max > 0) {
            for (float[] row : values) {
                for (int x = 0; x < row.length; x++) {
                    row[x] /= max;
                }
            }
        }
        return values;
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
