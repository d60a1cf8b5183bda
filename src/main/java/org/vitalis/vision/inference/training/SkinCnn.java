package org.vitalis.vision.inference.training;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import java.util.ArrayList;
import java.util.List;

/**
 * A small CNN sized for a few hundred images and two CPU cores: four blocks of 3×3 convolution, batch norm and ReLU
 * (16, 32, 64, 128 filters), 2×2 max pooling after the first three, global average pooling, dropout and a linear layer
 * giving two logits. About 100,000 parameters.
 */
final class SkinCnn {
    static final int[] FILTERS = {16, 32, 64, 128};
    static final float BN_EPSILON = 1e-5f;
    static final float DROPOUT = 0.3f;
    static final int CLASSES = 2;

    private final SequentialBlock block = new SequentialBlock();
    private final List<Conv2d> convs = new ArrayList<>();
    private final List<BatchNorm> norms = new ArrayList<>();
    private final Linear head;

    SkinCnn() {
        for (int i = 0; i < FILTERS.length; i++) {
            Conv2d conv = Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                    .setFilters(FILTERS[i]).build();
            BatchNorm bn = BatchNorm.builder().optEpsilon(BN_EPSILON).build();
            convs.add(conv);
            norms.add(bn);
            block.add(conv).add(bn).add(Activation.reluBlock());
            if (i < FILTERS.length - 1) {
                block.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
            }
        }
        head = Linear.builder().setUnits(CLASSES).build();
        block.add(Pool.globalAvgPool2dBlock()).add(Dropout.builder().optRate(DROPOUT).build()).add(head);
    }

    SequentialBlock block() {
        return block;
    }

    /** The trained weights with each batch norm folded into its convolution, ready to write as ONNX. */
    FoldedCnn fold(int inputSize) {
        List<FoldedCnn.Conv> layers = new ArrayList<>();
        int in = 3;
        for (int i = 0; i < convs.size(); i++) {
            float[] w = values(convs.get(i), "weight");
            float[] b = values(convs.get(i), "bias");
            BatchNorm bn = norms.get(i);
            float[] gamma = values(bn, "gamma");
            float[] beta = values(bn, "beta");
            float[] mean = values(bn, "runningMean");
            float[] var = values(bn, "runningVar");
            int out = FILTERS[i];
            int per = w.length / out;
            float[] fw = new float[w.length];
            float[] fb = new float[out];
            for (int o = 0; o < out; o++) {
                // y = gamma (conv(x) + b − mean) / sqrt(var + eps) + beta, folded into one convolution.
                double scale = gamma[o] / Math.sqrt(var[o] + BN_EPSILON);
                for (int k = 0; k < per; k++) {
                    fw[o * per + k] = (float) (w[o * per + k] * scale);
                }
                fb[o] = (float) ((b[o] - mean[o]) * scale + beta[o]);
            }
            layers.add(new FoldedCnn.Conv(out, in, 3, fw, fb, i < convs.size() - 1));
            in = out;
        }
        return new FoldedCnn(inputSize, layers, values(head, "weight"), values(head, "bias"), CLASSES, in);
    }

    /** Every parameter of the network (weights and batch-norm statistics), for snapshots during early stopping. */
    List<Parameter> parameters() {
        return block.getParameters().values();
    }

    private static float[] values(ai.djl.nn.Block b, String name) {
        Parameter p = b.getParameters().get(name);
        if (p == null) {
            throw new IllegalStateException("layer has no parameter " + name);
        }
        return p.getArray().toFloatArray();
    }
}
