package org.vitalis.app;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command shares: which station's data to use. */
final class StationOptions {
    @Option(names = "--demo", description = "Use the demo clinic (its own data directory; created with synthetic patients on first start).")
    boolean demo;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory (default: the user's data folder, e.g. ~/.local/share/vitalis).")
    Path dataDir;

    @Option(names = "--config", paramLabel = "FILE", description = "Config file (default: vitalis.properties in the data directory).")
    Path configFile;

    AppConfig load(String language, Boolean dark) {
        AppConfig config = AppConfig.load(new AppConfig.Overrides(dataDir, configFile, demo, language, dark),
                System.getenv());
        LogFiles.writeTo(config.dataDir());
        return config;
    }
}
