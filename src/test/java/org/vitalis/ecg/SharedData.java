package org.vitalis.ecg;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared data sets at ../shared/data relative to the project root; tests skip when absent. */
public final class SharedData {
    private SharedData() {
    }

    public static Path root() {
        return Path.of(System.getProperty("vitalis.shared.data", "../shared/data")).toAbsolutePath().normalize();
    }

    /** The folder, or a skipped test with a message saying what is missing. */
    public static Path require(String folder) {
        Path p = root().resolve(folder);
        assumeTrue(Files.isDirectory(p), "shared data set " + p + " is absent (expected at ../shared/data relative to the project root); skipping");
        return p;
    }
}
