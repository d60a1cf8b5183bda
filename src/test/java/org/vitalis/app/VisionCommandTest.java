package org.vitalis.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vitalis.ecg.SharedData;
import org.vitalis.vision.inference.ModelManifest;
import org.vitalis.vision.inference.ModelRegistry;
import org.vitalis.vision.inference.ModelStatus;

class VisionCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void classifyPrintsOneJsonObjectPerImageAndAnErrorLineForAnUnreadableOne(@TempDir Path dir) throws Exception {
        Path isic = SharedData.require("isic-uda1");
        List<String> testIds = Files.readAllLines(Path.of("models/skin-melanoma-v1/split.csv")).stream()
                .filter(l -> l.endsWith(",test")).map(l -> l.split(",")[0]).limit(2).toList();
        // ISIC_0000000 is one of the thumbnails smeared into streaks: classified, but its quality check fails.
        String streaks = "ISIC_0000000";
        Path broken = Files.write(dir.resolve("broken.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2});
        var r = CommandLineTest.run("vision", "classify", isic.resolve(testIds.get(0) + ".jpg").toString(), broken.toString(),
                isic.resolve(testIds.get(1) + ".jpg").toString(), isic.resolve(streaks + ".jpg").toString(), "--models", "models");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("vitalis: " + broken + ": broken.jpg is damaged or truncated and cannot be decoded (jpeg).");
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(3);
        for (String line : lines) {
            JsonNode j = JSON.readTree(line);
            assertThat(j.get("label").asText()).isIn("nevus", "melanoma");
            double p = j.get("probability").asDouble();
            assertThat(p).isBetween(0.0, 1.0);
            assertThat(j.get("label").asText()).isEqualTo(p >= j.get("threshold").asDouble() ? "melanoma" : "nevus");
            assertThat(j.get("model").asText()).isEqualTo("skin-melanoma-v1");
            assertThat(j.get("version").asText()).isNotBlank();
            assertThat(j.get("sha256").asText()).hasSize(64);
            assertThat(j.get("quality").get("blur").get("measured").asDouble()).isPositive();
            assertThat(j.get("notice").asText()).startsWith("Decision support, not a diagnosis");
        }
        assertThat(JSON.readTree(lines.get(0)).get("file").asText()).endsWith(testIds.get(0) + ".jpg");
        assertThat(JSON.readTree(lines.get(0)).get("quality").get("passed").asBoolean()).isTrue();
        JsonNode streaked = JSON.readTree(lines.get(2));
        assertThat(streaked.get("quality").get("passed").asBoolean()).isFalse();
        assertThat(streaked.get("quality").get("motion_blur").get("passed").asBoolean()).isFalse();
    }

    @Test
    void classifyWithAnUnknownOrOralModelSaysWhyAndPrintsNothing() throws Exception {
        var r = CommandLineTest.run("vision", "classify", "whatever.jpg", "--models", "models", "--model", "oral-lesion-v1");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("no model named oral-lesion-v1 is installed.");
    }

    @Test
    void modelsListsTheSkinModelAndSaysNoOralModelIsInstalled() {
        var r = CommandLineTest.run("vision", "models", "--models", "models");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("skin-melanoma-v1  version 1.0.0  task skin  LOADED")
                .contains("skin screen: uses skin-melanoma-v1").contains("oral screen: No oral model is installed.");
    }

    /** The whole training pipeline on 40 images and one epoch: a pipeline check, not a model. */
    @Test
    void trainWritesAModelFolderThatTheRegistryLoads(@TempDir Path dir) throws Exception {
        Path isic = SharedData.require("isic-uda1");
        Path out = dir.resolve("models").resolve("skin-check");
        var r = CommandLineTest.run("vision", "train", "--data", isic.toString(), "--out", out.toString(), "--epochs", "1",
                "--limit", "40", "--seed", "1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("epoch  1/1").contains("ONNX export matches PyTorch").contains("| ROC AUC (95% bootstrap CI) |");
        for (String f : List.of("model.onnx", "manifest.json", "MODEL_CARD.md", "split.csv")) {
            assertThat(out.resolve(f)).isRegularFile();
        }
        ModelManifest m = ModelManifest.read(out.resolve("manifest.json"));
        assertThat(m.problems()).isEmpty();
        assertThat(((Number) m.training().get("exportMaxLogitDifference")).doubleValue()).isLessThanOrEqualTo(1e-4);
        assertThat(m.training().get("command").toString()).contains("--limit 40");
        assertThat(Files.readString(out.resolve("MODEL_CARD.md"))).contains("pipeline check").contains("Do not use it clinically");
        List<String> split = Files.readAllLines(out.resolve("split.csv"));
        assertThat(split.stream().filter(l -> l.matches(".*,(train|validation|test)"))).hasSize(40);
        assertThat(split.stream().filter(l -> l.contains(",excluded:"))).allMatch(l -> l.contains("MOTION_BLUR")
                || l.contains("BLUR") || l.contains("FRAMING") || l.contains("EXPOSED"));
        try (ModelRegistry registry = ModelRegistry.open(out.getParent())) {
            assertThat(registry.models()).extracting(ModelStatus::state).containsExactly(ModelStatus.State.LOADED);
        }
    }
}
