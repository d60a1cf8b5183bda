package org.vitalis.vision.inference.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import org.vitalis.vision.inference.OnnxNetwork;

/**
 * Trains the skin model with DJL on PyTorch (CPU, fixed seeds), keeps the epoch with the best validation AUC, writes
 * it as ONNX, checks that ONNX Runtime gives the same logits as PyTorch, calibrates and picks the threshold on the
 * validation split, and measures the held-out test split once, through the exported file that ships.
 */
public final class SkinModelTrainer {
    static final int BATCH = 32;
    static final float LEARNING_RATE = 1e-3f;
    /** Epochs never kept: early validation AUCs on 55 images are mostly luck, and stopping on one ends training. */
    static final int WARM_UP_EPOCHS = 20;
    static final float FINAL_LEARNING_RATE = 1e-5f;
    static final float WEIGHT_DECAY = 1e-4f;
    /** Per-step decay of the weight average that is evaluated and kept (a horizon of about 20 steps, 2 epochs). */
    static final double EMA_DECAY = 0.95;
    /** Largest difference between PyTorch's and ONNX Runtime's logits that still counts as the same model. */
    public static final double EXPORT_TOLERANCE = 1e-4;

    private final Consumer<String> progress;

    public SkinModelTrainer(Consumer<String> progress) {
        this.progress = progress;
    }

    public TrainingReport train(TrainingOptions o) throws IOException {
        PyTorch.configure();
        long started = System.nanoTime();
        DermoscopyDataSet data = DermoscopyDataSet.read(o.data(), o.inputSize(), o.limit());
        Split split = Split.stratified(data.images(), o.splitSeed());
        if (split.train().isEmpty() || split.validation().isEmpty() || split.test().isEmpty()) {
            throw new IllegalArgumentException("too few images to split into train, validation and test");
        }
        Files.createDirectories(o.out());
        split.write(o.out().resolve("split.csv"), data.excluded());
        progress.accept(String.format(Locale.ROOT, "%d images (%d without a nevus/melanoma diagnosis skipped, %d failing the "
                        + "quality gate left out): train %d (%d melanoma), validation %d (%d), test %d (%d)",
                data.images().size(), data.skipped(), data.excluded().size(),
                split.train().size(), Split.positives(split.train()), split.validation().size(),
                Split.positives(split.validation()), split.test().size(), Split.positives(split.test())));
        float[][] norm = meanStd(split.train(), o.inputSize());
        int n = o.inputSize();

        Engine engine = Engine.getEngine("PyTorch");
        engine.setRandomSeed((int) o.seed());
        SkinCnn net = new SkinCnn();
        try (Model model = Model.newInstance("skin", Device.cpu(), "PyTorch")) {
            model.setBlock(net.block());
            int nPos = Split.positives(split.train());
            int nNeg = split.train().size() - nPos;
            // Class weights N / (2 N_c): each class contributes equally to the loss despite 2.6 nevi per melanoma.
            float wPos = split.train().size() / (2f * Math.max(1, nPos));
            float wNeg = split.train().size() / (2f * Math.max(1, nNeg));
            DefaultTrainingConfig config = new DefaultTrainingConfig(new WeightedCrossEntropy(wNeg, wPos))
                    .optOptimizer(Optimizer.adamW().optLearningRateTracker(Tracker.cosine().setBaseValue(LEARNING_RATE)
                                    .optFinalValue(FINAL_LEARNING_RATE)
                                    .setMaxUpdates(o.epochs() * ((split.train().size() + BATCH - 1) / BATCH)).build())
                            .optWeightDecays(WEIGHT_DECAY).build())
                    .optDevices(new Device[] {Device.cpu()})
                    .optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1, 3, n, n));
                Snapshot best = null;
                double bestAuc = -1;
                double bestLoss = Double.POSITIVE_INFINITY;
                int bestEpoch = 0;
                int epochsRun = 0;
                List<LabelledImage> order = new ArrayList<>(split.train());
                Snapshot average = Snapshot.of(net.parameters());
                for (int epoch = 1; epoch <= o.epochs(); epoch++) {
                    long t0 = System.nanoTime();
                    Random random = new Random(o.seed() * 1_000_003L + epoch);
                    Collections.shuffle(order, random);
                    double lossSum = 0;
                    for (int from = 0; from < order.size(); from += BATCH) {
                        List<LabelledImage> batch = order.subList(from, Math.min(order.size(), from + BATCH));
                        lossSum += step(trainer, batch, n, norm, random) * batch.size();
                        average.blend(net.parameters(), EMA_DECAY);
                    }
                    // The validation set (55 images) is small and the weights of one step are noisy, so the
                    // exponential moving average of the weights is what is evaluated, kept and shipped.
                    Snapshot current = Snapshot.of(net.parameters());
                    average.restore(net.parameters());
                    float[][] valLogits = evaluate(trainer, split.validation(), n, norm);
                    current.restore(net.parameters());
                    double[] z = difference(valLogits);
                    boolean[] y = labels(split.validation());
                    double valAuc = BinaryMetrics.auc(z, y);
                    double valLoss = weightedLoss(valLogits, y, wNeg, wPos);
                    epochsRun = epoch;
                    boolean keepable = epoch > Math.min(WARM_UP_EPOCHS, o.epochs() - 1);
                    boolean better = keepable && (Double.isNaN(valAuc) ? valLoss < bestLoss
                            : valAuc > bestAuc || (valAuc == bestAuc && valLoss < bestLoss));
                    if (better) {
                        best = average.copy();
                        bestAuc = Double.isNaN(valAuc) ? bestAuc : valAuc;
                        bestLoss = valLoss;
                        bestEpoch = epoch;
                    }
                    progress.accept(String.format(Locale.ROOT, "epoch %2d/%d  train loss %.4f  validation loss %.4f  AUC %.3f%s  (%.1f s)",
                            epoch, o.epochs(), lossSum / order.size(), valLoss, valAuc, better ? "  *" : "",
                            (System.nanoTime() - t0) / 1e9));
                    if (keepable && epoch - Math.max(bestEpoch, Math.min(WARM_UP_EPOCHS, o.epochs() - 1)) >= o.patience()) {
                        progress.accept("no better validation AUC for " + o.patience() + " epochs; stopping");
                        break;
                    }
                }
                if (best == null) {
                    throw new IllegalStateException("Training diverged: no epoch gave a usable validation loss; "
                            + "nothing was written. Try another --seed or fewer --epochs.");
                }
                best.restore(net.parameters());
                progress.accept("kept epoch " + bestEpoch);
                float[][] torchVal = evaluate(trainer, split.validation(), n, norm);
                return export(o, net, split, norm, torchVal, bestEpoch, epochsRun, data, started);
            }
        }
    }

    private TrainingReport export(TrainingOptions o, SkinCnn net, Split split, float[][] norm, float[][] torchVal,
            int bestEpoch, int epochsRun, DermoscopyDataSet data, long started) throws IOException {
        Path onnx = o.out().resolve("model.onnx");
        OnnxWriter.write(net.fold(o.inputSize()), DermoscopyDataSet.POSITIVE_INDEX, onnx,
                java.util.Map.of("vitalis.training", o.command()));
        double maxDiff;
        double[] testZ;
        double[] valZ;
        try (OnnxNetwork ort = OnnxNetwork.load(onnx, o.inputSize())) {
            float[][] ortVal = logits(ort, split.validation(), o.inputSize(), norm);
            maxDiff = maxAbsDifference(torchVal, ortVal);
            if (maxDiff > EXPORT_TOLERANCE) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "the exported ONNX model differs from PyTorch by %.2e (more than %.0e); not writing a manifest",
                        maxDiff, EXPORT_TOLERANCE));
            }
            valZ = difference(ortVal);
            testZ = difference(logits(ort, split.test(), o.inputSize(), norm));
        }
        progress.accept(String.format(Locale.ROOT, "ONNX export matches PyTorch: largest logit difference %.2e", maxDiff));
        boolean[] valY = labels(split.validation());
        PlattScaling calibration = PlattScaling.fit(valZ, valY);
        double[] valP = probabilities(valZ, calibration);
        double threshold = DecisionThreshold.fromValidation(valP, valY);
        double[] testP = probabilities(testZ, calibration);
        boolean[] testY = labels(split.test());
        TestMetrics metrics = TestMetrics.of(testP, testY, threshold, o.seed());
        TrainingReport report = new TrainingReport(o, split.train().size(), Split.positives(split.train()),
                split.validation().size(), Split.positives(split.validation()), split.test().size(),
                Split.positives(split.test()), data.skipped(), data.excluded().size(),
                (int) data.excluded().stream().filter(DermoscopyDataSet.Excluded::positive).count(), bestEpoch, epochsRun, calibration, threshold, norm[0], norm[1],
                maxDiff, metrics, (System.nanoTime() - started) / 1e9);
        ModelFolder.write(report);
        progress.accept(report.metricsTable());
        return report;
    }

    private static double step(Trainer trainer, List<LabelledImage> batch, int n, float[][] norm, Random random) {
        int per = 3 * n * n;
        float[] x = new float[batch.size() * per];
        float[] y = new float[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            float[] img = Augmentation.apply(batch.get(i).rgb(), n, random);
            normalise(img, n, norm);
            System.arraycopy(img, 0, x, i * per, per);
            y[i] = batch.get(i).positive() ? 1 : 0;
        }
        try (NDManager m = trainer.getManager().newSubManager()) {
            NDArray input = m.create(FloatBuffer.wrap(x), new Shape(batch.size(), 3, n, n));
            NDArray label = m.create(y);
            float loss;
            try (GradientCollector gc = trainer.newGradientCollector()) {
                NDArray pred = trainer.forward(new NDList(input)).singletonOrThrow();
                NDArray l = trainer.getLoss().evaluate(new NDList(label), new NDList(pred));
                loss = l.getFloat();
                gc.backward(l);
            }
            trainer.step();
            return loss;
        }
    }

    private static float[][] evaluate(Trainer trainer, List<LabelledImage> images, int n, float[][] norm) {
        float[][] out = new float[images.size()][];
        int per = 3 * n * n;
        for (int from = 0; from < images.size(); from += BATCH) {
            int to = Math.min(images.size(), from + BATCH);
            float[] x = pack(images.subList(from, to), n, norm);
            try (NDManager m = trainer.getManager().newSubManager()) {
                NDArray input = m.create(FloatBuffer.wrap(x), new Shape(to - from, 3, n, n));
                float[] flat = trainer.evaluate(new NDList(input)).singletonOrThrow().toFloatArray();
                for (int i = from; i < to; i++) {
                    out[i] = new float[] {flat[(i - from) * 2], flat[(i - from) * 2 + 1]};
                }
            }
            if (x.length != (to - from) * per) {
                throw new IllegalStateException("batch packing");
            }
        }
        return out;
    }

    private static float[][] logits(OnnxNetwork ort, List<LabelledImage> images, int n, float[][] norm) {
        List<float[]> out = new ArrayList<>();
        for (int from = 0; from < images.size(); from += BATCH) {
            int to = Math.min(images.size(), from + BATCH);
            Collections.addAll(out, ort.logits(pack(images.subList(from, to), n, norm), to - from));
        }
        return out.toArray(float[][]::new);
    }

    private static float[] pack(List<LabelledImage> images, int n, float[][] norm) {
        int per = 3 * n * n;
        float[] x = new float[images.size() * per];
        for (int i = 0; i < images.size(); i++) {
            float[] img = images.get(i).rgb().clone();
            normalise(img, n, norm);
            System.arraycopy(img, 0, x, i * per, per);
        }
        return x;
    }

    private static void normalise(float[] img, int n, float[][] norm) {
        new org.vitalis.vision.inference.Preprocessing(n, norm[0], norm[1]).normaliseInPlace(img);
    }

    /** Per-channel mean and standard deviation of the training images' [0, 1] pixels. */
    static float[][] meanStd(List<LabelledImage> train, int n) {
        int plane = n * n;
        double[] sum = new double[3];
        double[] sq = new double[3];
        for (LabelledImage i : train) {
            for (int c = 0; c < 3; c++) {
                for (int k = c * plane; k < (c + 1) * plane; k++) {
                    sum[c] += i.rgb()[k];
                    sq[c] += (double) i.rgb()[k] * i.rgb()[k];
                }
            }
        }
        float[] mean = new float[3];
        float[] std = new float[3];
        double count = (double) train.size() * plane;
        for (int c = 0; c < 3; c++) {
            mean[c] = (float) (sum[c] / count);
            std[c] = (float) Math.sqrt(Math.max(1e-8, sq[c] / count - mean[c] * (double) mean[c]));
        }
        return new float[][] {mean, std};
    }

    static double[] difference(float[][] logits) {
        double[] z = new double[logits.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = logits[i][1] - logits[i][0];
        }
        return z;
    }

    private static double[] probabilities(double[] z, PlattScaling c) {
        double[] p = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            p[i] = c.probability(z[i]);
        }
        return p;
    }

    private static boolean[] labels(List<LabelledImage> images) {
        boolean[] y = new boolean[images.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = images.get(i).positive();
        }
        return y;
    }

    private static double weightedLoss(float[][] logits, boolean[] y, float wNeg, float wPos) {
        double sum = 0;
        double weights = 0;
        for (int i = 0; i < y.length; i++) {
            double m = Math.max(logits[i][0], logits[i][1]);
            double lse = m + Math.log(Math.exp(logits[i][0] - m) + Math.exp(logits[i][1] - m));
            double w = y[i] ? wPos : wNeg;
            sum += w * (lse - logits[i][y[i] ? 1 : 0]);
            weights += w;
        }
        return sum / weights;
    }

    static double maxAbsDifference(float[][] a, float[][] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                max = Math.max(max, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return max;
    }

    /** The values of every parameter at one epoch, to return to the best epoch after early stopping. */
    private record Snapshot(List<float[]> values) {
        static Snapshot of(List<Parameter> params) {
            return new Snapshot(params.stream().map(p -> p.getArray().toFloatArray()).toList());
        }

        Snapshot copy() {
            return new Snapshot(values.stream().map(float[]::clone).toList());
        }

        /** Moves this average towards the parameters' present values: avg = decay · avg + (1 − decay) · value. */
        void blend(List<Parameter> params, double decay) {
            for (int i = 0; i < params.size(); i++) {
                float[] avg = values.get(i);
                float[] now = params.get(i).getArray().toFloatArray();
                for (int k = 0; k < avg.length; k++) {
                    avg[k] = (float) (decay * avg[k] + (1 - decay) * now[k]);
                }
            }
        }

        void restore(List<Parameter> params) {
            for (int i = 0; i < params.size(); i++) {
                params.get(i).getArray().set(values.get(i));
            }
        }
    }
}
