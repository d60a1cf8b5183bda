package org.vitalis.vision.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vitalis.ecg.SharedData;

/** The registry on the committed skin model (models/skin-melanoma-v1), intact and damaged in each way it can be. */
class ModelRegistryTest {
    static final Path COMMITTED = Path.of("models");
    static final String SKIN = "skin-melanoma-v1";

    static Path copyModels(Path dir) throws IOException {
        Path models = dir.resolve("models");
        Path target = models.resolve(SKIN);
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(COMMITTED.resolve(SKIN))) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
        return models;
    }

    @Test
    void theCommittedSkinModelLoadsAndNoOralModelIsInstalled() {
        try (ModelRegistry registry = ModelRegistry.open(COMMITTED)) {
            assertThat(registry.models()).extracting(ModelStatus::name, ModelStatus::state)
                    .contains(org.assertj.core.groups.Tuple.tuple(SKIN, ModelStatus.State.LOADED));
            TaskModel skin = registry.forTask(ModelManifest.TASK_SKIN);
            assertThat(skin.available()).isTrue();
            assertThat(skin.classifier().get().manifest().labels()).containsExactly("nevus", "melanoma");
            TaskModel oral = registry.forTask(ModelManifest.TASK_ORAL);
            assertThat(oral.available()).isFalse();
            assertThat(oral.reason()).isEqualTo("No oral model is installed.");
        }
    }

    @Test
    void aChangedModelFileFailsItsChecksumAndDisablesOnlyItsTask(@TempDir Path dir) throws Exception {
        Path models = copyModels(dir);
        Path onnx = models.resolve(SKIN).resolve("model.onnx");
        byte[] b = Files.readAllBytes(onnx);
        b[b.length / 2] ^= 1;
        Files.write(onnx, b);
        try (ModelRegistry registry = ModelRegistry.open(models)) {
            ModelStatus s = registry.models().getFirst();
            assertThat(s.state()).isEqualTo(ModelStatus.State.FAILED);
            assertThat(s.reason()).isEqualTo("the checksum of model.onnx does not match its manifest (the file was changed or damaged).");
            TaskModel skin = registry.forTask(ModelManifest.TASK_SKIN);
            assertThat(skin.available()).isFalse();
            assertThat(skin.reason()).startsWith("The skin model skin-melanoma-v1 is installed but disabled: the checksum");
            assertThat(registry.forTask(ModelManifest.TASK_ORAL).reason()).isEqualTo("No oral model is installed.");
        }
    }

    @Test
    void aBrokenOralModelLeavesTheSkinModelWorking(@TempDir Path dir) throws Exception {
        Path models = copyModels(dir);
        Path oral = Files.createDirectories(models.resolve("oral-lesion-v1"));
        Files.writeString(oral.resolve("manifest.json"), "{\"name\": \"oral-lesion-v1\", \"task\": \"oral\"");
        try (ModelRegistry registry = ModelRegistry.open(models)) {
            assertThat(registry.forTask(ModelManifest.TASK_SKIN).available()).isTrue();
            TaskModel t = registry.forTask(ModelManifest.TASK_ORAL);
            assertThat(t.available()).isFalse();
            // The manifest could not be read, so its task is unknown: the oral screen says no model is installed.
            assertThat(t.reason()).isEqualTo("No oral model is installed.");
            assertThat(registry.models()).filteredOn(s -> s.name().equals("oral-lesion-v1")).singleElement()
                    .satisfies(s -> assertThat(s.reason()).startsWith("its manifest cannot be read"));
        }
    }

    @Test
    void missingFilesInvalidManifestsAndUnrunnableNetworksAreReportedEachWithItsReason(@TempDir Path dir) throws Exception {
        List<String> reasons = new ArrayList<>();
        Path m1 = copyModels(dir.resolve("a"));
        Files.delete(m1.resolve(SKIN).resolve("split.csv"));
        reasons.add(reason(m1));
        Path m2 = copyModels(dir.resolve("b"));
        Files.delete(m2.resolve(SKIN).resolve("MODEL_CARD.md"));
        reasons.add(reason(m2));
        Path m3 = copyModels(dir.resolve("c"));
        Path manifest = m3.resolve(SKIN).resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replaceFirst("\"threshold\" : [0-9.]+", "\"threshold\" : 1.5"));
        reasons.add(reason(m3));
        Path m4 = copyModels(dir.resolve("d"));
        Path onnx = m4.resolve(SKIN).resolve("model.onnx");
        Files.writeString(onnx, "not an onnx model");
        ModelManifest old = ModelManifest.read(m4.resolve(SKIN).resolve("manifest.json"));
        Map<String, String> files = new java.util.LinkedHashMap<>(old.files());
        files.put("model.onnx", Sha256.of(onnx));
        new ModelManifest(old.name(), old.version(), old.task(), old.engine(), old.modelFile(), old.labels(),
                old.positiveLabel(), old.inputSize(), old.mean(), old.std(), old.temperature(), old.bias(), old.threshold(),
                old.gradCamOutput(), files, old.training(), old.metrics()).write(m4.resolve(SKIN).resolve("manifest.json"));
        reasons.add(reason(m4));
        assertThat(reasons.get(0)).isEqualTo("the file split.csv is missing.");
        assertThat(reasons.get(1)).isEqualTo("the model card MODEL_CARD.md is missing.");
        assertThat(reasons.get(2)).startsWith("its manifest is not valid: threshold must lie strictly between 0 and 1");
        assertThat(reasons.get(3)).startsWith("the inference engine could not run it: ");
        assertThat(reason(dir.resolve("nowhere"))).isEqualTo("(no models)");
    }

    private static String reason(Path models) {
        try (ModelRegistry registry = ModelRegistry.open(models)) {
            return registry.models().isEmpty() ? "(no models)" : registry.models().getFirst().reason();
        }
    }

    @Test
    void classifyingTestSplitImagesGivesProbabilitiesAndLabelsByThresholdAndReproducesTheCardsAuc() throws Exception {
        Path isic = SharedData.require("isic-uda1");
        List<String[]> test = Files.readAllLines(COMMITTED.resolve(SKIN).resolve("split.csv")).stream().skip(1)
                .map(l -> l.split(",")).filter(f -> f[2].equals("test")).toList();
        ImageDecoder decoder = new ImageDecoder();
        try (ModelRegistry registry = ModelRegistry.open(COMMITTED)) {
            Classifier c = registry.classifier(SKIN).orElseThrow();
            ModelManifest m = c.manifest();
            List<Double> pos = new ArrayList<>();
            List<Double> neg = new ArrayList<>();
            for (String[] row : test) {
                Classification r = c.classify(decoder.decode(isic.resolve(row[0] + ".jpg")));
                assertThat(r.probability()).isBetween(0.0, 1.0);
                assertThat(r.label()).isEqualTo(r.probability() >= m.threshold() ? "melanoma" : "nevus");
                assertThat(r.modelName()).isEqualTo(SKIN);
                assertThat(r.version()).isEqualTo(m.version());
                assertThat(r.sha256()).isEqualTo(Sha256.of(COMMITTED.resolve(SKIN).resolve("model.onnx")));
                (row[1].equals("melanoma") ? pos : neg).add(r.probability());
            }
            double wins = 0;
            for (double p : pos) {
                for (double n : neg) {
                    wins += p > n ? 1 : p == n ? 0.5 : 0;
                }
            }
            double auc = wins / (pos.size() * (double) neg.size());
            // The model card's AUC was measured by the training command on exactly these images through this file.
            assertThat(auc).isCloseTo(((Number) m.metrics().get("rocAuc")).doubleValue(), org.assertj.core.data.Offset.offset(1e-3));
        }
    }

    /**
     * The shipped model explains itself with Grad-CAM on its 12 × 12 feature grid, for the label it shows, and the map
     * adds up to the model's own score: since global average pooling and the last layer are linear, the evidence map's
     * mean plus a constant (the layer's bias difference) is the logit difference the probability is calibrated from,
     * for every picture. A map taken from the wrong layer, class or weights breaks that sum.
     */
    @Test
    void gradCamOfTheShippedModelAddsUpToItsScore() throws Exception {
        Path isic = SharedData.require("isic-uda1");
        List<String> test = Files.readAllLines(COMMITTED.resolve(SKIN).resolve("split.csv")).stream().skip(1)
                .map(l -> l.split(",")).filter(f -> f[2].equals("test")).map(f -> f[0]).toList();
        ImageDecoder decoder = new ImageDecoder();
        try (ModelRegistry registry = ModelRegistry.open(COMMITTED)) {
            Classifier c = registry.classifier(SKIN).orElseThrow();
            ModelManifest m = c.manifest();
            assertThat(c.offersGradCam()).isTrue();
            List<Double> constant = new ArrayList<>();
            for (String id : test) {
                BufferedImage photo = decoder.decode(isic.resolve(id + ".jpg"));
                float[] input = c.preprocessing().apply(photo);
                Classifier.Evidence e = c.evidence(input);
                double p = c.probabilities(input, 1)[0];
                assertThat(e.probability()).isCloseTo(p, org.assertj.core.data.Offset.offset(1e-9));
                double score = m.temperature() * (Math.log(p / (1 - p)) - m.bias());
                double mean = 0;
                for (float[] row : e.positiveEvidence()) {
                    for (float v : row) {
                        mean += v / 144.0;
                    }
                }
                constant.add(score - mean);

                Heatmap h = Explainer.explain(photo, c);
                assertThat(h.method()).isEqualTo(Heatmap.Method.GRAD_CAM);
                assertThat(h.size()).isEqualTo(12);
                boolean positive = p >= m.threshold();
                float[][] evidence = e.positiveEvidence();
                for (int y = 0; y < 12; y++) {
                    for (int x = 0; x < 12; x++) {
                        assertThat(h.at(y, x)).isBetween(0f, 1f);
                        // Only evidence for the label shown is drawn.
                        if (positive ? evidence[y][x] <= 0 : evidence[y][x] >= 0) {
                            assertThat(h.at(y, x)).isZero();
                        }
                    }
                }
            }
            double first = constant.getFirst();
            assertThat(constant).allSatisfy(k -> assertThat(k).isCloseTo(first, org.assertj.core.data.Offset.offset(1e-3)));
        }
    }

    @Test
    void occlusionHeatmapIsNormalisedAndDrawnOverThePhoto() throws Exception {
        Path isic = SharedData.require("isic-uda1");
        BufferedImage photo = new ImageDecoder().decode(isic.resolve("ISIC_0000160.jpg"));
        try (ModelRegistry registry = ModelRegistry.open(COMMITTED)) {
            Classifier c = registry.classifier(SKIN).orElseThrow();
            Heatmap h = Explainer.occlusion(photo, c);
            assertThat(Explainer.occlusion(photo, c, 16, 8).size()).isEqualTo(c.preprocessing().size());
            int n = c.preprocessing().size();
            assertThat(h.size()).isEqualTo(n);
            float max = 0;
            for (float[] row : h.values()) {
                for (float v : row) {
                    assertThat(v).isBetween(0f, 1f);
                    max = Math.max(max, v);
                }
            }
            assertThat(max).isIn(0f, 1f);
            BufferedImage none = HeatmapOverlay.render(photo, h, 0);
            BufferedImage full = HeatmapOverlay.render(photo, h, 1);
            assertThat(none.getWidth()).isEqualTo(photo.getWidth());
            assertThat(none.getRGB(125, 125) & 0xFFFFFF).isEqualTo(photo.getRGB(125, 125) & 0xFFFFFF);
            if (max == 1f) {
                assertThat(differingPixels(full, photo)).isPositive();
            }
        }
    }

    private static int differingPixels(BufferedImage a, BufferedImage b) {
        int d = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                d += (a.getRGB(x, y) & 0xFFFFFF) != (b.getRGB(x, y) & 0xFFFFFF) ? 1 : 0;
            }
        }
        return d;
    }
}
