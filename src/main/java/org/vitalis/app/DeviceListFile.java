package org.vitalis.app;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitalis.ui.StationDevices;

/**
 * The devices configured at this workstation, kept in devices.json in its data directory: devices are
 * plugged into one desk, so their ports belong to the station, not to the shared database.
 */
final class DeviceListFile {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceListFile.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    DeviceListFile(Path file) {
        this.file = file;
    }

    /**
     * The saved devices; none when there is no file yet. A file that cannot be read is moved aside
     * (never overwritten) so that its contents can still be recovered by hand.
     */
    List<StationDevices.Device> load() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return JSON.readValue(file.toFile(), new TypeReference<List<StationDevices.Device>>() { });
        } catch (IOException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".unreadable-" + System.currentTimeMillis());
            try {
                Files.move(file, aside);
                LOG.warn("The device list {} could not be read ({}); kept it as {} and started with no devices",
                        file, e.getClass().getSimpleName(), aside.getFileName());
            } catch (IOException moving) {
                LOG.warn("The device list {} could not be read or moved aside: {}", file, moving.getMessage());
            }
            return List.of();
        }
    }

    /** Written to a temporary file first, so a crash mid-write leaves the previous list intact. */
    void save(List<StationDevices.Device> devices) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), devices);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("Could not save the device list to " + file + ": " + e.getMessage(), e);
        }
    }
}
