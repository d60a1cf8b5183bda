package org.vitalis.vision.inference.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/** Softmax cross-entropy over two classes with a weight per class, averaged by the weights (as PyTorch does). */
final class WeightedCrossEntropy extends Loss {
    private final float negative;
    private final float positive;

    WeightedCrossEntropy(float negative, float positive) {
        super("WeightedCrossEntropy");
        this.negative = negative;
        this.positive = positive;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray y = labels.singletonOrThrow();
        NDArray logp = predictions.singletonOrThrow().logSoftmax(1);
        NDArray truth = y.mul(logp.get(":, 1")).add(y.neg().add(1).mul(logp.get(":, 0")));
        NDArray w = y.mul(positive - negative).add(negative);
        return w.mul(truth).sum().neg().div(w.sum());
    }
}
