package org.vitalis.vision.inference;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;

/**
 * An image network in an .onnx file, run through DJL on ONNX Runtime: NCHW float input, one row of logits per image,
 * and optionally a second output holding one map per image (the project's model gives its Grad-CAM map so).
 */
public final class OnnxNetwork implements AutoCloseable {
    private final ZooModel<NDList, NDList> model;
    private final Predictor<NDList, NDList> predictor;
    private final int size;

    /** One image's logits and, when asked for, its map output ({@code [h][w]}). */
    public record Outputs(float[] logits, float[][] map) {
    }

    private OnnxNetwork(ZooModel<NDList, NDList> model, int size) {
        this.model = model;
        this.predictor = model.newPredictor();
        this.size = size;
    }

    /** Loads {@code file}; any failure of the engine is an {@link IOException} whose message says what went wrong. */
    public static OnnxNetwork load(Path file, int inputSize) throws IOException {
        Djl.configure();
        Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
                .optModelPath(file).optEngine("OnnxRuntime").optTranslator(new NoopTranslator()).build();
        try {
            return new OnnxNetwork(criteria.loadModel(), inputSize);
        } catch (ModelNotFoundException | MalformedModelException | RuntimeException e) {
            throw new IOException("ONNX Runtime could not load " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Logits for {@code n} images packed one after another in {@code chw} (each 3 × size × size). */
    public synchronized float[][] logits(float[] chw, int n) {
        try (NDManager m = model.getNDManager().newSubManager()) {
            NDArray y = run(m, chw, n).get(0);
            int classes = (int) y.getShape().get(1);
            float[] flat = y.toFloatArray();
            float[][] out = new float[n][classes];
            for (int i = 0; i < n; i++) {
                System.arraycopy(flat, i * classes, out[i], 0, classes);
            }
            return out;
        }
    }

    /**
     * One image's logits (the first output) and the output named {@code mapOutput}, shaped [1, 1, h, w].
     *
     * @throws IllegalStateException when the network has no such output
     */
    public synchronized Outputs logitsAndMap(float[] chw, String mapOutput) {
        try (NDManager m = model.getNDManager().newSubManager()) {
            NDList y = run(m, chw, 1);
            NDArray map = y.get(mapOutput);
            if (map == null || map.getShape().dimension() != 4 || map.getShape().get(1) != 1) {
                throw new IllegalStateException("The model has no one-channel map output named " + mapOutput + ".");
            }
            int h = (int) map.getShape().get(2);
            int w = (int) map.getShape().get(3);
            float[] flat = map.toFloatArray();
            float[][] grid = new float[h][w];
            for (int r = 0; r < h; r++) {
                System.arraycopy(flat, r * w, grid[r], 0, w);
            }
            return new Outputs(y.get(0).toFloatArray(), grid);
        }
    }

    private NDList run(NDManager m, float[] chw, int n) {
        int per = 3 * size * size;
        if (chw.length != n * per) {
            throw new IllegalArgumentException("expected " + n * per + " values, got " + chw.length);
        }
        NDArray x = m.create(FloatBuffer.wrap(chw), new Shape(n, 3, size, size));
        try {
            return predictor.predict(new NDList(x));
        } catch (TranslateException e) {
            throw new IllegalStateException("ONNX Runtime failed to run the model: " + e.getMessage(), e);
        }
    }

    public int inputSize() {
        return size;
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
    }
}
