package org.vitalis.app;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the installed models are: -Dvitalis.models.dir if set; else {@code models/} beside the application jar (the
 * installed app); else {@code models/} in the working directory (a source checkout run through ./vitalis).
 */
final class ModelsFolder {
    private ModelsFolder() {
    }

    static Path locate() {
        String property = System.getProperty("vitalis.models.dir");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        try {
            Path jar = Path.of(ModelsFolder.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path beside = jar.getParent() == null ? null : jar.getParent().resolve("models");
            if (beside != null && Files.isDirectory(beside)) {
                return beside;
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // No code source location (unusual class loaders): fall back to the working directory.
        }
        return Path.of("models");
    }
}
