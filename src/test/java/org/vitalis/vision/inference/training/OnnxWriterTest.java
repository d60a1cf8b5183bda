package org.vitalis.vision.inference.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vitalis.vision.inference.OnnxNetwork;

/**
 * The hand-encoded ONNX file runs in ONNX Runtime and computes exactly the network it describes, checked against a
 * plain-Java forward pass of the same weights. (That PyTorch's trained network equals its export is checked by the
 * training command itself on every run, and by VisionCommandTest.)
 */
class OnnxWriterTest {
    @Test
    void onnxRuntimeComputesTheWrittenNetwork(@TempDir Path dir) throws Exception {
        Random r = new Random(3);
        FoldedCnn net = smallNet(r);
        int size = net.inputSize();
        Path file = dir.resolve("model.onnx");
        OnnxWriter.write(net, 1, file, Map.of("purpose", "test"));
        int batch = 3;
        float[] x = random(r, batch * 3 * size * size);
        try (OnnxNetwork ort = OnnxNetwork.load(file, size)) {
            float[][] got = ort.logits(x, batch);
            for (int i = 0; i < batch; i++) {
                float[] one = new float[3 * size * size];
                System.arraycopy(x, i * one.length, one, 0, one.length);
                float[] want = forward(net, one, size);
                assertThat(got[i][0]).isCloseTo(want[0], org.assertj.core.data.Offset.offset(1e-4f));
                assertThat(got[i][1]).isCloseTo(want[1], org.assertj.core.data.Offset.offset(1e-4f));
            }
        }
    }

    /**
     * The Grad-CAM output is Σ_k (w_1,k − w_0,k) A_k over the last feature maps: checked against the reference forward
     * pass, and by the identity that ties it to the logits — its mean over the grid is the logit difference less the
     * bias difference, because global average pooling and the linear layer are linear.
     */
    @Test
    void theGradCamOutputWeighsTheLastFeatureMapsByTheScoreDifference(@TempDir Path dir) throws Exception {
        Random r = new Random(11);
        FoldedCnn net = smallNet(r);
        int size = net.inputSize();
        Path file = dir.resolve("model.onnx");
        OnnxWriter.write(net, 1, file, Map.of());
        float[] x = random(r, 3 * size * size);
        float[][] last = new float[1][];
        float[] want = forward(net, x, size, last);
        int side = size / 4;
        try (OnnxNetwork ort = OnnxNetwork.load(file, size)) {
            OnnxNetwork.Outputs out = ort.logitsAndMap(x, OnnxWriter.GRAD_CAM);
            assertThat(out.logits()[1]).isCloseTo(want[1], org.assertj.core.data.Offset.offset(1e-4f));
            assertThat(out.map()).hasNumberOfRows(side);
            double mean = 0;
            for (int i = 0; i < side; i++) {
                for (int j = 0; j < side; j++) {
                    double expected = 0;
                    for (int k = 0; k < 6; k++) {
                        expected += (net.fcWeight()[6 + k] - net.fcWeight()[k]) * last[0][(k * side + i) * side + j];
                    }
                    assertThat((double) out.map()[i][j]).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-4));
                    mean += out.map()[i][j] / (side * side);
                }
            }
            double difference = (out.logits()[1] - net.fcBias()[1]) - (out.logits()[0] - net.fcBias()[0]);
            assertThat(mean).isCloseTo(difference, org.assertj.core.data.Offset.offset(1e-4));
            assertThatThrownBy(() -> ort.logitsAndMap(x, "no_such_output")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no_such_output");
        }
    }

    /** 16-pixel input, three convolutions (two pooling), six features, two classes: a 4 × 4 last feature grid. */
    private static FoldedCnn smallNet(Random r) {
        return new FoldedCnn(16, List.of(conv(r, 4, 3, true), conv(r, 8, 4, true), conv(r, 6, 8, false)),
                random(r, 2 * 6), random(r, 2), 2, 6);
    }

    private static FoldedCnn.Conv conv(Random r, int out, int in, boolean pool) {
        return new FoldedCnn.Conv(out, in, 3, random(r, out * in * 9), random(r, out), pool);
    }

    private static float[] random(Random r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) r.nextGaussian() * 0.5f;
        }
        return a;
    }

    /** Reference: conv 3×3 (zero padding 1) + bias, ReLU, optional 2×2 max pool; global average; linear. */
    static float[] forward(FoldedCnn net, float[] x, int size) {
        return forward(net, x, size, new float[1][]);
    }

    /** As above; {@code lastMaps[0]} receives the feature maps global average pooling reads ([k][i][j] flattened). */
    static float[] forward(FoldedCnn net, float[] x, int size, float[][] lastMaps) {
        int channels = 3;
        int n = size;
        float[] a = x;
        for (FoldedCnn.Conv c : net.convs()) {
            float[] y = new float[c.out() * n * n];
            for (int o = 0; o < c.out(); o++) {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        double s = c.bias()[o];
                        for (int ci = 0; ci < channels; ci++) {
                            for (int ki = 0; ki < 3; ki++) {
                                for (int kj = 0; kj < 3; kj++) {
                                    int yi = i + ki - 1;
                                    int xj = j + kj - 1;
                                    if (yi >= 0 && yi < n && xj >= 0 && xj < n) {
                                        s += c.weight()[((o * channels + ci) * 3 + ki) * 3 + kj] * a[(ci * n + yi) * n + xj];
                                    }
                                }
                            }
                        }
                        y[(o * n + i) * n + j] = (float) Math.max(0, s);
                    }
                }
            }
            channels = c.out();
            a = y;
            if (c.pool()) {
                int m = n / 2;
                float[] p = new float[channels * m * m];
                for (int ch = 0; ch < channels; ch++) {
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < m; j++) {
                            float v = Float.NEGATIVE_INFINITY;
                            for (int di = 0; di < 2; di++) {
                                for (int dj = 0; dj < 2; dj++) {
                                    v = Math.max(v, a[(ch * n + 2 * i + di) * n + 2 * j + dj]);
                                }
                            }
                            p[(ch * m + i) * m + j] = v;
                        }
                    }
                }
                a = p;
                n = m;
            }
        }
        lastMaps[0] = a;
        float[] out = new float[net.classes()];
        for (int k = 0; k < net.classes(); k++) {
            double s = net.fcBias()[k];
            for (int ch = 0; ch < channels; ch++) {
                double mean = 0;
                for (int i = 0; i < n * n; i++) {
                    mean += a[ch * n * n + i];
                }
                s += net.fcWeight()[k * channels + ch] * mean / (n * n);
            }
            out[k] = (float) s;
        }
        return out;
    }
}
