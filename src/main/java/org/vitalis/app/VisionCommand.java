package org.vitalis.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vitalis.vision.inference.Classification;
import org.vitalis.vision.inference.Classifier;
import org.vitalis.vision.inference.ImageDecodeException;
import org.vitalis.vision.inference.ImageDecoder;
import org.vitalis.vision.inference.ModelManifest;
import org.vitalis.vision.inference.ModelRegistry;
import org.vitalis.vision.inference.ModelStatus;
import org.vitalis.vision.inference.TaskModel;
import org.vitalis.vision.quality.Check;
import org.vitalis.vision.quality.QualityGate;
import org.vitalis.vision.quality.QualityReport;
import org.vitalis.vision.inference.training.SkinModelTrainer;
import org.vitalis.vision.inference.training.TrainingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "vision", mixinStandardHelpOptions = true,
        description = {"Skin and oral image models: train the skin model, classify photos.",
            "Results are decision support for a clinician, not a diagnosis."},
        subcommands = {VisionCommand.Classify.class, VisionCommand.Models.class, VisionCommand.Train.class})
final class VisionCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Command(name = "classify", mixinStandardHelpOptions = true,
            description = {"Check each photo's quality and classify it with an installed model (one JSON line each).",
                "Each line: file, label, calibrated probability, threshold, model, version, sha256, time, quality checks.",
                "An unreadable image gives an error line on stderr and exit code 1; the other images are still printed.",
                "Decision support, not a diagnosis."})
    static final class Classify implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "JPEG, PNG or BMP photos.")
        List<Path> images;

        @Option(names = "--model", paramLabel = "NAME", description = "The model folder name (default: the installed skin model).")
        String model;

        @Option(names = "--models", paramLabel = "DIR", description = "The models folder (default: the installed one, else ./models).")
        Path models;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (ModelRegistry registry = ModelRegistry.open(models != null ? models : ModelsFolder.locate())) {
                Classifier classifier = choose(registry);
                ImageDecoder decoder = new ImageDecoder();
                QualityGate gate = QualityGate.dermoscopy();
                int failures = 0;
                for (Path image : images) {
                    BufferedImage decoded;
                    try {
                        decoded = decoder.decode(image);
                    } catch (ImageDecodeException e) {
                        err.println("vitalis: " + image + ": " + e.getMessage());
                        failures++;
                        continue;
                    } catch (NoSuchFileException e) {
                        err.println("vitalis: " + image + ": no such file.");
                        failures++;
                        continue;
                    } catch (IOException e) {
                        err.println("vitalis: " + image + ": cannot be read (" + e.getMessage() + ").");
                        failures++;
                        continue;
                    }
                    out.println(JSON.writeValueAsString(json(image, classifier.classify(decoded), gate.check(decoded))));
                }
                out.flush();
                return failures == 0 ? 0 : 1;
            }
        }

        private Classifier choose(ModelRegistry registry) {
            if (model == null) {
                TaskModel skin = registry.forTask(ModelManifest.TASK_SKIN);
                return skin.classifier().orElseThrow(() -> new IllegalStateException(skin.reason()));
            }
            return registry.classifier(model).orElseThrow(() -> new IllegalStateException(registry.models().stream()
                    .filter(s -> s.name().equals(model)).findFirst().map(s -> "model " + model + " is disabled: " + s.reason())
                    .orElse("no model named " + model + " is installed.")));
        }

        private static Map<String, Object> json(Path file, Classification c, QualityReport q) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", file.toString());
            m.put("label", c.label());
            m.put("probability", Math.round(c.probability() * 10_000) / 10_000.0);
            m.put("probabilityOf", c.positiveLabel());
            m.put("threshold", Math.round(c.threshold() * 10_000) / 10_000.0);
            m.put("model", c.modelName());
            m.put("version", c.version());
            m.put("sha256", c.sha256());
            m.put("at", c.at().toString());
            Map<String, Object> quality = new LinkedHashMap<>();
            quality.put("passed", q.passed());
            for (Check k : q.checks()) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("passed", k.passed());
                one.put("measured", Math.round(k.measured() * 10_000) / 10_000.0);
                one.put("threshold", k.threshold());
                quality.put(k.kind().name().toLowerCase(java.util.Locale.ROOT), one);
            }
            m.put("quality", quality);
            m.put("notice", Classification.NOTICE);
            return m;
        }
    }

    @Command(name = "models", mixinStandardHelpOptions = true,
            description = "List the installed models with their state, and which screens have a model.")
    static final class Models implements Callable<Integer> {
        @Option(names = "--models", paramLabel = "DIR", description = "The models folder (default: the installed one, else ./models).")
        Path models;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Path dir = models != null ? models : ModelsFolder.locate();
            try (ModelRegistry registry = ModelRegistry.open(dir)) {
                out.println("Models in " + dir.toAbsolutePath().normalize() + ":");
                if (registry.models().isEmpty()) {
                    out.println("  (none)");
                }
                for (ModelStatus s : registry.models()) {
                    out.println("  " + s.name() + "  " + (s.version() == null ? "" : "version " + s.version() + "  ")
                            + (s.task() == null ? "" : "task " + s.task() + "  ") + s.state()
                            + (s.loaded() ? "" : ": " + s.reason()));
                }
                for (String task : List.of(ModelManifest.TASK_SKIN, ModelManifest.TASK_ORAL)) {
                    TaskModel t = registry.forTask(task);
                    out.println(task + " screen: " + (t.available() ? "uses " + t.classifier().get().manifest().name() : t.reason()));
                }
            }
            return 0;
        }
    }

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = {"Train the melanoma-vs-nevus skin model on isic-uda1 and write its model folder.",
                "DJL on PyTorch, CPU, fixed seeds; exported as ONNX and checked against PyTorch. Writes model.onnx,",
                "manifest.json, MODEL_CARD.md and split.csv; prints progress and the held-out test metrics."})
    static final class Train implements Callable<Integer> {
        @Option(names = "--data", required = true, paramLabel = "DIR", description = "The isic-uda1 folder (labels.csv and JPEGs).")
        Path data;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "The model folder to write, e.g. models/skin-melanoma-v1.")
        Path out;

        @Option(names = "--seed", paramLabel = "N", description = "Training seed (default: ${DEFAULT-VALUE}).")
        long seed = TrainingOptions.DEFAULT_SEED;

        @Option(names = "--split-seed", paramLabel = "N", description = "Seed of the train/validation/test split (default: ${DEFAULT-VALUE}).")
        long splitSeed = TrainingOptions.DEFAULT_SPLIT_SEED;

        @Option(names = "--epochs", paramLabel = "N", description = "Most epochs (default: ${DEFAULT-VALUE}); early stopping may end sooner.")
        int epochs = TrainingOptions.DEFAULT_EPOCHS;

        @Option(names = "--patience", paramLabel = "N", description = "Epochs without a better validation AUC before stopping (default: ${DEFAULT-VALUE}).")
        int patience = TrainingOptions.DEFAULT_PATIENCE;

        @Option(names = "--limit", paramLabel = "N", description = "Use only the first N usable labelled images (a quick pipeline check; default: all).")
        int limit;

        @Option(names = "--input-size", paramLabel = "PX", description = "Side of the network input in pixels (default: ${DEFAULT-VALUE}).")
        int inputSize = TrainingOptions.DEFAULT_INPUT_SIZE;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter o = spec.commandLine().getOut();
            String command = "./vitalis vision train --data " + data + " --out " + out + " --seed " + seed
                    + " --split-seed " + splitSeed + " --epochs " + epochs + " --patience " + patience
                    + (limit > 0 ? " --limit " + limit : "") + " --input-size " + inputSize;
            TrainingOptions options = new TrainingOptions(data, out, seed, splitSeed, epochs, patience, limit, inputSize, command);
            new SkinModelTrainer(line -> {
                o.println(line);
                o.flush();
            }).train(options);
            o.println("Wrote " + out.resolve("model.onnx") + ", manifest.json, MODEL_CARD.md and split.csv.");
            return 0;
        }
    }
}
