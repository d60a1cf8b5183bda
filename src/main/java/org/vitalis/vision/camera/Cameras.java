package org.vitalis.vision.camera;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Where the station's cameras come from: the system's devices, and in the demo a still-image stand-in first. */
public interface Cameras extends AutoCloseable {
    /** Lists the cameras now (devices come and go); never throws, a failure is the list's problem. */
    CameraList list();

    @Override
    void close();

    /** The given sources first, then what {@code system} lists. */
    static Cameras withSources(List<CameraSource> sources, Cameras system) {
        List<CameraSource> fixed = List.copyOf(sources);
        return withSources(() -> fixed, system);
    }

    /**
     * As above, with the sources made on the first listing (off the screen's thread, as listing is), not when the
     * station starts: a command that never lists cameras never makes them.
     */
    static Cameras withSources(Supplier<List<CameraSource>> sources, Cameras system) {
        Supplier<List<CameraSource>> once = new Supplier<>() {
            private List<CameraSource> made;

            @Override
            public synchronized List<CameraSource> get() {
                if (made == null) {
                    made = List.copyOf(sources.get());
                }
                return made;
            }
        };
        return new Cameras() {
            @Override
            public CameraList list() {
                CameraList found = system.list();
                List<CameraSource> all = new ArrayList<>(once.get());
                all.addAll(found.cameras());
                return new CameraList(all, found.problem());
            }

            @Override
            public void close() {
                system.close();
            }
        };
    }

    /** No cameras at all: a station whose camera library is switched off. */
    static Cameras none() {
        return new Cameras() {
            @Override
            public CameraList list() {
                return new CameraList(List.of(), Optional.empty());
            }

            @Override
            public void close() {
            }
        };
    }
}
