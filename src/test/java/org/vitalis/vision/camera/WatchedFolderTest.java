package org.vitalis.vision.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real files written into a real temporary folder, the way a dermatoscope's software saves them. */
class WatchedFolderTest {
    private static final Duration SETTLE = Duration.ofMillis(400);
    @TempDir
    Path dir;

    private static byte[] png() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(StillImageSourceTest.picture(120, 90, Color.PINK), "png", out);
        return out.toByteArray();
    }

    private static void waitFor(List<Path> got, int n) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (got.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(25);
        }
    }

    @Test
    void handsOverEachNewPictureOnceWhenItIsComplete() throws Exception {
        Files.write(dir.resolve("old.png"), png());
        List<Path> got = new CopyOnWriteArrayList<>();
        try (WatchedFolder w = WatchedFolder.start(dir, SETTLE, got::add)) {
            byte[] bytes = png();
            Path file = dir.resolve("IMG_0001.png");
            try (OutputStream out = Files.newOutputStream(file)) {
                // A slow writer: half the file, a pause shorter than the settle time, then the rest.
                out.write(bytes, 0, bytes.length / 2);
                out.flush();
                Thread.sleep(SETTLE.toMillis() / 3);
                assertThat(got).isEmpty();
                out.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
            }
            Files.writeString(dir.resolve("notes.txt"), "ignored");
            Files.write(dir.resolve(".hidden.png"), bytes);
            waitFor(got, 1);
            assertThat(got).containsExactly(file.toAbsolutePath());
            assertThat(Files.size(got.getFirst())).as("handed over complete").isEqualTo(bytes.length);
            Thread.sleep(3 * SETTLE.toMillis());
            assertThat(got).as("once, and old or non-picture files never").hasSize(1);

            Path second = dir.resolve("IMG_0002.jpg");
            Files.write(second, bytes);
            waitFor(got, 2);
            assertThat(got).containsExactly(file.toAbsolutePath(), second.toAbsolutePath());
        }
    }

    @Test
    void aFileDeletedBeforeItSettlesIsNotHandedOver() throws Exception {
        List<Path> got = new CopyOnWriteArrayList<>();
        try (WatchedFolder w = WatchedFolder.start(dir, SETTLE, got::add)) {
            Path file = dir.resolve("IMG_0003.png");
            Files.write(file, png());
            Files.delete(file);
            Thread.sleep(3 * SETTLE.toMillis());
            assertThat(got).isEmpty();
        }
    }

    @Test
    void aMissingFolderIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WatchedFolder.start(dir.resolve("absent"), SETTLE,
                p -> { })).isInstanceOf(java.nio.file.NoSuchFileException.class);
    }
}
