package org.vitalis.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vitalis.vision.inference.Classifier;
import org.vitalis.vision.inference.Explainer;
import org.vitalis.vision.inference.ImageDecoder;
import org.vitalis.vision.inference.ModelRegistry;
import org.vitalis.vision.quality.QualityGate;

/**
 * Milliseconds per image for each step of classifying a photo with the shipped skin model, on ISIC thumbnails from
 * ../shared/data/isic-uda1: quality checks, preprocessing, inference through DJL's ONNX Runtime engine, the same
 * inference through ONNX Runtime's own Java API on the same model.onnx (DJL's overhead is the difference), and the
 * occlusion heatmap; and the time to load the model (checksums and engine). Single images, one thread, median of
 * several passes after a warm-up. No rows (a message instead) when the model or the data set is absent.
 */
public final class VisionBenchmark {
    private static final Path MODEL = Path.of("models/skin-melanoma-v1");
    private static final Path DATA = Path.of("../shared/data/isic-uda1");
    private static final int IMAGES = 40;
    private static final int PASSES = 5;
    private static double sink;

    private VisionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Benchmarks.print(run());
    }

    public static List<Benchmarks.Row> run() throws Exception {
        List<Benchmarks.Row> rows = new ArrayList<>();
        if (!Files.isRegularFile(MODEL.resolve("model.onnx")) || !Files.isDirectory(DATA)) {
            System.out.println("Vision benchmark skipped: needs " + MODEL + " and " + DATA + ".");
            return rows;
        }
        List<BufferedImage> images = new ArrayList<>();
        ImageDecoder decoder = new ImageDecoder();
        try (var files = Files.list(DATA)) {
            // From ISIC_0000150 on: most earlier thumbnails are streaks the quality gate rejects.
            for (Path p : files.filter(f -> f.toString().endsWith(".jpg")).sorted().skip(150).limit(IMAGES).toList()) {
                images.add(decoder.decode(p));
            }
        }
        long t0 = System.nanoTime();
        ModelRegistry registry = ModelRegistry.open(MODEL.getParent());
        double loadMs = (System.nanoTime() - t0) / 1e6;
        try (registry) {
            Classifier c = registry.classifier(MODEL.getFileName().toString()).orElseThrow(() -> new IllegalStateException(
                    "the skin model did not load: " + registry.models()));
            QualityGate gate = QualityGate.dermoscopy();
            int n = c.preprocessing().size();
            List<float[]> inputs = images.stream().map(i -> c.preprocessing().apply(i)).toList();

            double quality = perImage(images.size(), i -> sink += gate.check(images.get(i)).checks().size());
            double pre = perImage(images.size(), i -> sink += c.preprocessing().apply(images.get(i))[0]);
            double djl = perImage(images.size(), i -> sink += c.probabilities(inputs.get(i), 1)[0]);

            OrtEnvironment env = OrtEnvironment.getEnvironment();
            long r0 = System.nanoTime();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                    OrtSession session = env.createSession(MODEL.resolve("model.onnx").toString(), options)) {
                double rawLoadMs = (System.nanoTime() - r0) / 1e6;
                String input = session.getInputNames().iterator().next();
                double raw = perImage(images.size(), i -> {
                    try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(inputs.get(i)), new long[] {1, 3, n, n});
                            OrtSession.Result r = session.run(Map.of(input, t))) {
                        sink += ((float[][]) r.get(0).getValue())[0][1];
                    } catch (OrtException e) {
                        throw new IllegalStateException(e);
                    }
                });
                List<BufferedImage> stills = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    BufferedImage big = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
                    java.awt.Graphics2D g = big.createGraphics();
                    g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                    g.drawImage(images.get(i), 0, 0, 4000, 3000, null);
                    g.dispose();
                    stills.add(big);
                }
                double qualityStill = perImage(stills.size(), i -> sink += gate.check(stills.get(i)).checks().size());
                double preStill = perImage(stills.size(), i -> sink += c.preprocessing().apply(stills.get(i))[0]);
                double heat = perImage(10, i -> sink += Explainer.occlusion(images.get(i), c).at(n / 2, n / 2));
                double gradCam = perImage(images.size(), i -> sink += Explainer.gradCam(images.get(i), c).at(0, 0));
                String per = images.size() + " ISIC 250×250 thumbnails, ms per image, median of " + PASSES + " passes";
                rows.add(new Benchmarks.Row("vision: quality checks", quality, "ms", "blur, motion blur, exposure, size, framing; " + per));
                rows.add(new Benchmarks.Row("vision: preprocessing", pre, "ms", "centre square, area resize to " + n + " px, normalise"));
                rows.add(new Benchmarks.Row("vision: quality checks, 12 MP still", qualityStill, "ms", "the same on 4000×3000 camera-sized images"));
                rows.add(new Benchmarks.Row("vision: preprocessing, 12 MP still", preStill, "ms", "the same on 4000×3000 camera-sized images"));
                rows.add(new Benchmarks.Row("vision: inference, DJL + ONNX Runtime", djl, "ms", "one image per call, logits to calibrated probability"));
                rows.add(new Benchmarks.Row("vision: inference, ONNX Runtime Java API", raw, "ms", "same model.onnx, same inputs, no DJL"));
                rows.add(new Benchmarks.Row("vision: DJL overhead", djl - raw, "ms", "difference of the two rows above"));
                rows.add(new Benchmarks.Row("vision: Grad-CAM heatmap", gradCam, "ms", "the model's grad_cam output: one network run, preprocessing included"));
                rows.add(new Benchmarks.Row("vision: occlusion heatmap", heat, "ms", "default: " + n / 4 + " px square, stride " + n / 12 + ", 100 occluded inputs in batches of 32"));
                rows.add(new Benchmarks.Row("vision: model load (registry)", loadMs, "ms", "sha256 of 3 files, DJL ONNX Runtime engine start and session, first run"));
                rows.add(new Benchmarks.Row("vision: model load (raw ORT session)", rawLoadMs, "ms", "OrtSession on model.onnx, engine already started"));
            }
        }
        return rows;
    }

    private interface PerImage {
        void run(int i);
    }

    private static double perImage(int count, PerImage work) {
        for (int i = 0; i < count; i++) {
            work.run(i);
        }
        List<Double> passes = new ArrayList<>();
        for (int p = 0; p < PASSES; p++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < count; i++) {
                work.run(i);
            }
            passes.add((System.nanoTime() - t0) / 1e6 / count);
        }
        passes.sort(null);
        return passes.get(passes.size() / 2);
    }
}
