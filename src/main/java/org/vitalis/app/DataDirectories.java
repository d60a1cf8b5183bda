package org.vitalis.app;

import java.nio.file.Path;
import java.util.Locale;

/** Where each operating system keeps a user's application data; the demo clinic has its own folder. */
final class DataDirectories {
    private DataDirectories() {
    }

    static Path defaultFor(boolean demo) {
        String name = demo ? "vitalis-demo" : "vitalis";
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home, demo ? "Vitalis Demo" : "Vitalis");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", demo ? "Vitalis Demo" : "Vitalis");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share")).resolve(name);
    }
}
