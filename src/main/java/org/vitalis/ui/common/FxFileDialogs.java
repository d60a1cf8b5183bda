package org.vitalis.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Native file and folder choosers owned by the workstation window. */
public final class FxFileDialogs implements FileDialogs {
    private final Window owner;

    public FxFileDialogs(Window owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> open(String title, String filterDescription, String... extensions) {
        File f = chooser(title, filterDescription, extensions).showOpenDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> save(String title, String initialName, String filterDescription, String... extensions) {
        FileChooser c = chooser(title, filterDescription, extensions);
        c.setInitialFileName(initialName);
        return Optional.ofNullable(c.showSaveDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> folder(String title) {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle(title);
        return Optional.ofNullable(c.showDialog(owner)).map(File::toPath);
    }

    private static FileChooser chooser(String title, String filterDescription, String... extensions) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        // Patterns match case-sensitively on Linux, and devices from other systems write EDF, JPG and MP4.
        Set<String> both = new LinkedHashSet<>();
        for (String e : extensions) {
            both.add(e.toLowerCase(Locale.ROOT));
            both.add(e.toUpperCase(Locale.ROOT));
        }
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(filterDescription, List.copyOf(both)));
        return c;
    }
}
