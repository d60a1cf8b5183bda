package org.vitalis.ui.common;

import java.nio.file.Path;
import java.util.Optional;

/** Choosing files and folders; the window uses native choosers, tests supply paths directly. */
public interface FileDialogs {
    Optional<Path> open(String title, String filterDescription, String... extensions);

    Optional<Path> save(String title, String initialName, String filterDescription, String... extensions);

    Optional<Path> folder(String title);
}
