package org.vitalis.vision.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A manifest can be damaged or hand-edited: whatever its bytes, opening the registry lists the model as LOADED or as
 * FAILED with a reason, and never throws. (Seeded mutations in plain JUnit: Jazzer cannot instrument Java 25 classes.)
 */
class ModelManifestFuzzTest {
    @Test
    void mutatedManifestsGiveAStatusNeverAnException(@TempDir Path dir) throws Exception {
        Path models = ModelRegistryTest.copyModels(dir);
        Path manifest = models.resolve(ModelRegistryTest.SKIN).resolve(ModelManifest.FILE_NAME);
        byte[] valid = Files.readAllBytes(manifest);
        Random random = new Random(20261124);
        int failed = 0;
        for (int i = 0; i < 150; i++) {
            byte[] m = valid.clone();
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(m.length);
                switch (random.nextInt(3)) {
                    case 0 -> m[at] = (byte) "0123456789-.e\"{}[],: x".charAt(random.nextInt(22));
                    case 1 -> m = java.util.Arrays.copyOf(m, at);
                    default -> m[at] ^= (byte) (1 << random.nextInt(7));
                }
                if (m.length == 0) {
                    break;
                }
            }
            Files.write(manifest, m);
            try (ModelRegistry registry = ModelRegistry.open(models)) {
                ModelStatus s = registry.models().getFirst();
                if (!s.loaded()) {
                    failed++;
                    assertThat(s.reason()).as(new String(m, StandardCharsets.UTF_8)).isNotBlank();
                }
            }
        }
        assertThat(failed).isPositive();
    }
}
