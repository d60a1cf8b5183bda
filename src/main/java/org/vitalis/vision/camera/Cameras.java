package org.vitalis.vision.camera;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Where the station's cameras come from: the system's devices, and in the demo a still-image stand-in first. */
public interface Cameras extends AutoCloseable {
    /** Lists the cameras now (devices come and go); never throws, a failure is the list's problem. */
    CameraList list();

    @Override
    void close();

    /** The given sources first, then what {@code system} lists. */
    static Cameras withSources(List<CameraSource> sources, Cameras system) {
        List<CameraSource> fixed = List.copyOf(sources);
        return new Cameras() {
            @Override
            public CameraList list() {
                CameraList found = system.list();
                List<CameraSource> all = new ArrayList<>(fixed);
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
