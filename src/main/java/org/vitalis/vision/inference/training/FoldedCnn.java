package org.vitalis.vision.inference.training;

import java.util.List;

/**
 * The inference form of {@link SkinCnn}: convolutions with batch norm folded in, ReLU, optional 2×2 max pool, then
 * global average pooling and a linear layer (weights {@code classes × features}, row-major).
 */
record FoldedCnn(int inputSize, List<Conv> convs, float[] fcWeight, float[] fcBias, int classes, int features) {

    /** One 3×3 "same" convolution with bias, followed by ReLU and, if {@code pool}, 2×2 max pooling. */
    record Conv(int out, int in, int kernel, float[] weight, float[] bias, boolean pool) {
    }
}
