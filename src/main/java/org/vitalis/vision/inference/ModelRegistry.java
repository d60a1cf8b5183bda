package org.vitalis.vision.inference;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models installed under one folder, each in {@code <modelsDir>/<name>/} with {@code manifest.json}, its network
 * file and {@code MODEL_CARD.md}. Opening the registry verifies every file's sha256 against the manifest and loads the
 * network; a model that fails is listed as FAILED with its reason and disables only its own task, never the others.
 * Nothing is downloaded.
 */
public final class ModelRegistry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);

    private final List<ModelStatus> statuses;
    private final Map<String, Classifier> loaded;

    private ModelRegistry(List<ModelStatus> statuses, Map<String, Classifier> loaded) {
        this.statuses = List.copyOf(statuses);
        this.loaded = loaded;
    }

    public static ModelRegistry open(Path modelsDir) {
        return open(modelsDir, Clock.systemUTC());
    }

    public static ModelRegistry open(Path modelsDir, Clock clock) {
        List<ModelStatus> statuses = new ArrayList<>();
        Map<String, Classifier> loaded = new LinkedHashMap<>();
        if (Files.isDirectory(modelsDir)) {
            List<Path> folders = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(modelsDir, Files::isDirectory)) {
                ds.forEach(folders::add);
            } catch (IOException e) {
                LOG.warn("Cannot list the models folder {}: {}", modelsDir, e.getMessage());
            }
            folders.sort(Comparator.comparing(p -> p.getFileName().toString()));
            for (Path folder : folders) {
                ModelStatus status = load(folder, clock, loaded);
                if (!status.loaded()) {
                    LOG.warn("Model {} not loaded: {}", status.name(), status.reason());
                }
                statuses.add(status);
            }
        }
        return new ModelRegistry(statuses, loaded);
    }

    private static ModelStatus load(Path folder, Clock clock, Map<String, Classifier> loaded) {
        String name = folder.getFileName().toString();
        Path manifestFile = folder.resolve(ModelManifest.FILE_NAME);
        if (!Files.isRegularFile(manifestFile)) {
            return failed(name, null, null, "the folder has no " + ModelManifest.FILE_NAME + ".");
        }
        ModelManifest m;
        try {
            m = ModelManifest.read(manifestFile);
        } catch (IOException e) {
            return failed(name, null, null, "its manifest cannot be read: " + firstLine(e.getMessage()));
        }
        List<String> problems = m.problems();
        if (!problems.isEmpty()) {
            return failed(name, m.task(), m.version(), "its manifest is not valid: " + String.join("; ", problems) + ".");
        }
        if (!Files.isRegularFile(folder.resolve("MODEL_CARD.md"))) {
            return failed(name, m.task(), m.version(), "the model card MODEL_CARD.md is missing.");
        }
        for (Map.Entry<String, String> f : m.files().entrySet()) {
            Path file = folder.resolve(f.getKey());
            if (!Files.isRegularFile(file)) {
                return failed(name, m.task(), m.version(), "the file " + f.getKey() + " is missing.");
            }
            try {
                String actual = Sha256.of(file);
                if (!actual.equalsIgnoreCase(f.getValue())) {
                    return failed(name, m.task(), m.version(), "the checksum of " + f.getKey()
                            + " does not match its manifest (the file was changed or damaged).");
                }
            } catch (IOException e) {
                return failed(name, m.task(), m.version(), "the file " + f.getKey() + " cannot be read: " + e.getMessage());
            }
        }
        OnnxNetwork net = null;
        try {
            net = OnnxNetwork.load(folder.resolve(m.modelFile()), m.inputSize());
            Classifier c = new Classifier(m, net, clock);
            // A network whose output does not fit the manifest would give meaningless numbers; try it once now.
            c.probabilities(new float[3 * m.inputSize() * m.inputSize()], 1);
            loaded.put(name, c);
            return new ModelStatus(name, m.task(), m.version(), ModelStatus.State.LOADED, "");
        } catch (IOException | RuntimeException e) {
            if (net != null) {
                net.close();
            }
            return failed(name, m.task(), m.version(), "the inference engine could not run it: " + firstLine(e.getMessage()));
        }
    }

    private static ModelStatus failed(String name, String task, String version, String reason) {
        return new ModelStatus(name, task, version, ModelStatus.State.FAILED, reason);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Every model folder found, loaded or not, by name. */
    public List<ModelStatus> models() {
        return statuses;
    }

    public Optional<Classifier> classifier(String name) {
        return Optional.ofNullable(loaded.get(name));
    }

    /**
     * The model a screen of {@code task} (skin or oral) should use: the loaded one of that task (the last by name when
     * there are several, so {@code -v2} wins over {@code -v1}), or the reason there is none.
     */
    public TaskModel forTask(String task) {
        Optional<ModelStatus> ok = statuses.stream().filter(s -> task.equals(s.task()) && s.loaded())
                .reduce((a, b) -> b);
        if (ok.isPresent()) {
            return new TaskModel(task, Optional.of(loaded.get(ok.get().name())), "");
        }
        List<ModelStatus> failed = statuses.stream().filter(s -> task.equals(s.task())).toList();
        if (!failed.isEmpty()) {
            ModelStatus f = failed.getLast();
            return new TaskModel(task, Optional.empty(), "The " + task + " model " + f.name() + " is installed but disabled: "
                    + f.reason());
        }
        return new TaskModel(task, Optional.empty(), "No " + task + " model is installed.");
    }

    @Override
    public void close() {
        loaded.values().forEach(Classifier::close);
    }
}
