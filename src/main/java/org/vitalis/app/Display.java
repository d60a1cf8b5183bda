package org.vitalis.app;

import java.util.Locale;
import java.util.Optional;

/** Whether a window can be opened here; on Linux without X11 or Wayland it cannot. */
final class Display {
    private Display() {
    }

    static Optional<String> missing() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux") || "Headless".equals(System.getProperty("glass.platform"))) {
            return Optional.empty();
        }
        String x = System.getenv("DISPLAY");
        String wayland = System.getenv("WAYLAND_DISPLAY");
        if ((x == null || x.isBlank()) && (wayland == null || wayland.isBlank())) {
            return Optional.of("no graphical display (neither DISPLAY nor WAYLAND_DISPLAY is set), so the workstation "
                    + "window cannot open. Run it in a desktop session, or use a command: ./vitalis --help");
        }
        return Optional.empty();
    }
}
