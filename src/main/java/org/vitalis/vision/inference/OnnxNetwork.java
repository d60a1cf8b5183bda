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

/** An image network in an .onnx file, run through DJL on ONNX Runtime: NCHW float input, one row of logits per image. */
public final class OnnxNetwork implements AutoCloseable {
    private final ZooModel<NDList, NDList> model;
    private final Predictor<NDList, NDList> predictor;
    private final int size;

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
        int per = 3 * size * size;
        if (chw.length != n * per) {
            throw new IllegalArgumentException("expected " + n * per + " values, got " + chw.length);
        }
        try (NDManager m = model.getNDManager().newSubManager()) {
            NDArray x = m.create(FloatBuffer.wrap(chw), new Shape(n, 3, size, size));
            NDArray y = predictor.predict(new NDList(x)).get(0);
            int classes = (int) y.getShape().get(1);
            float[] flat = y.toFloatArray();
            float[][] out = new float[n][classes];
            for (int i = 0; i < n; i++) {
                System.arraycopy(flat, i * classes, out[i], 0, classes);
            }
            return out;
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
