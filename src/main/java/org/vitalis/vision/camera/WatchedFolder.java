package org.vitalis.vision.camera;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the folder a dermatoscope or intraoral camera saves its pictures to, and hands over each new picture once,
 * when it is complete: a file still being written keeps changing size, so a file is handed over only after its size
 * and time stayed the same for {@code settle}. Pictures already there when watching starts are left alone. Hidden and
 * non-picture files (".part", ".tmp") are ignored.
 */
public final class WatchedFolder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WatchedFolder.class);

    private record Seen(long size, FileTime modified) {
    }

    private record Pending(Seen seen, long stableSinceNanos) {
    }

    private final Path folder;
    private final Duration settle;
    private final Consumer<Path> onPicture;
    private final WatchService watcher;
    private final Thread thread;
    private final Map<Path, Pending> pending = new HashMap<>();
    private final Map<Path, Seen> handedOver = new HashMap<>();
    private final Set<Path> before = new HashSet<>();
    private volatile boolean running = true;

    private WatchedFolder(Path folder, Duration settle, Consumer<Path> onPicture) throws IOException {
        this.folder = folder;
        this.settle = settle;
        this.onPicture = onPicture;
        this.watcher = FileSystems.getDefault().newWatchService();
        folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        try (Stream<Path> files = Files.list(folder)) {
            files.forEach(before::add);
        }
        this.thread = Thread.ofPlatform().daemon().name("watched-folder").unstarted(this::loop);
    }

    /**
     * Starts watching; {@code onPicture} runs on the watcher's thread with each complete new picture's path.
     *
     * @throws IOException when the folder does not exist or cannot be watched
     */
    public static WatchedFolder start(Path folder, Duration settle, Consumer<Path> onPicture) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new NoSuchFileException(folder.toString(), null, "not a folder");
        }
        WatchedFolder w = new WatchedFolder(folder.toAbsolutePath(), settle, onPicture);
        w.thread.start();
        LOG.info("Watching a folder for new pictures");
        return w;
    }

    public Path folder() {
        return folder;
    }

    private void loop() {
        long tick = Math.max(20, Math.min(250, settle.toMillis() / 4));
        while (running) {
            try {
                WatchKey key = watcher.poll(tick, TimeUnit.MILLISECONDS);
                if (key != null) {
                    for (WatchEvent<?> e : key.pollEvents()) {
                        if (e.kind() == StandardWatchEventKinds.OVERFLOW) {
                            rescan();
                        } else if (e.context() instanceof Path name) {
                            Path file = folder.resolve(name);
                            if (e.kind() == StandardWatchEventKinds.ENTRY_DELETE) {
                                // A name reused after deleting a picture that was there at start is a new picture.
                                before.remove(file);
                            }
                            if (!before.contains(file)) {
                                noteChange(file);
                            }
                        }
                    }
                    key.reset();
                }
                handOverSettled();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            } catch (RuntimeException e) {
                // One bad callback must not end the watching; the picture stays in the folder for import by hand.
                LOG.warn("A new picture could not be handed over: {}", e.getClass().getSimpleName());
            }
        }
    }

    /** Events were lost: look at every file not present at start and not handed over yet. */
    private void rescan() {
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(p -> !before.contains(p)).forEach(this::noteChange);
        } catch (IOException e) {
            LOG.warn("Rescanning the watched folder failed: {}", e.getClass().getSimpleName());
        }
    }

    private void noteChange(Path file) {
        if (!StillImages.isImageName(file)) {
            return;
        }
        Seen now = seen(file);
        if (now == null) {
            pending.remove(file);
            return;
        }
        Pending p = pending.get(file);
        if (p == null || !p.seen().equals(now)) {
            pending.put(file, new Pending(now, System.nanoTime()));
        }
    }

    private void handOverSettled() {
        long now = System.nanoTime();
        for (Iterator<Map.Entry<Path, Pending>> it = pending.entrySet().iterator(); it.hasNext();) {
            Map.Entry<Path, Pending> e = it.next();
            Path file = e.getKey();
            Seen current = seen(file);
            if (current == null) {
                it.remove();
            } else if (!current.equals(e.getValue().seen())) {
                // Still growing: the writer is not done.
                e.setValue(new Pending(current, now));
            } else if (now - e.getValue().stableSinceNanos() >= settle.toNanos()) {
                it.remove();
                if (current.size() > 0 && !current.equals(handedOver.get(file))) {
                    handedOver.put(file, current);
                    onPicture.accept(file);
                }
            }
        }
    }

    private static Seen seen(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return null;
            }
            return new Seen(Files.size(file), Files.getLastModifiedTime(file));
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            watcher.close();
        } catch (IOException e) {
            LOG.debug("Closing the folder watcher: {}", e.getClass().getSimpleName());
        }
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
