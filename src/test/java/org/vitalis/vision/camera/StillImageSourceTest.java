package org.vitalis.vision.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder of real picture files served as a camera, cycling, each picture exactly as stored. */
class StillImageSourceTest {
    @TempDir
    Path dir;

    static BufferedImage picture(int w, int h, Color c) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.fillOval(w / 4, h / 4, w / 2, h / 2);
        g.dispose();
        return img;
    }

    static void write(BufferedImage img, String format, Path file) throws IOException {
        assertThat(ImageIO.write(img, format, file.toFile())).isTrue();
    }

    @Test
    void servesThePicturesOfAFolderInNameOrderAndCycles() throws Exception {
        write(picture(64, 48, Color.RED), "png", dir.resolve("b.png"));
        write(picture(64, 48, Color.GREEN), "png", dir.resolve("a.PNG"));
        write(picture(32, 24, Color.BLUE), "bmp", dir.resolve("c.bmp"));
        Files.writeString(dir.resolve("notes.txt"), "not a picture");
        StillImageSource source = StillImageSource.fromFolder("Test camera", dir);
        assertThat(source.size()).isEqualTo(3);
        assertThat(source.resolutions()).containsExactly(new Resolution(64, 48));
        try (CameraStream s = source.open(new Resolution(64, 48))) {
            BufferedImage preview = s.nextFrame().orElseThrow();
            assertThat(new Color(preview.getRGB(1, 1))).isEqualTo(Color.GREEN);
            assertThat(s.nextFrame()).as("no new frame until the picture changes").isEmpty();
            assertThat(new Color(s.capture().getRGB(1, 1))).isEqualTo(Color.GREEN);
            assertThat(new Color(s.nextFrame().orElseThrow().getRGB(1, 1))).isEqualTo(Color.RED);
            assertThat(new Color(s.capture().getRGB(1, 1))).isEqualTo(Color.RED);
            BufferedImage third = s.capture();
            assertThat(third.getWidth()).as("served as stored, not scaled").isEqualTo(32);
            assertThat(new Color(s.capture().getRGB(1, 1))).as("cycles").isEqualTo(Color.GREEN);
        }
    }

    @Test
    void aCapturedPictureIsACopy() throws Exception {
        write(picture(16, 16, Color.RED), "png", dir.resolve("a.png"));
        StillImageSource source = StillImageSource.fromFolder("Test camera", dir);
        try (CameraStream s = source.open(source.resolutions().getFirst())) {
            BufferedImage first = s.capture();
            first.setRGB(1, 1, Color.WHITE.getRGB());
            assertThat(new Color(s.capture().getRGB(1, 1))).isEqualTo(Color.RED);
        }
    }

    @Test
    void refusesAnEmptyFolderAndDamagedPicturesWithASentence() throws Exception {
        assertThatThrownBy(() -> StillImageSource.fromFolder("Empty", dir)).isInstanceOf(CameraException.class)
                .hasMessageContaining("holds no PNG, JPEG or BMP pictures");
        Path bad = dir.resolve("bad.jpg");
        Files.write(bad, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00, 0x10, 0x4A});
        assertThatThrownBy(() -> StillImageSource.fromFolder("Bad", dir)).isInstanceOf(CameraException.class)
                .hasMessageContaining("bad.jpg");
        assertThatThrownBy(() -> StillImageSource.fromFolder("Missing", dir.resolve("nope")))
                .isInstanceOf(CameraException.class).hasMessageContaining("cannot be read");
    }

    @Test
    void refusesAResolutionItDoesNotOffer() throws Exception {
        write(picture(16, 16, Color.RED), "png", dir.resolve("a.png"));
        StillImageSource source = StillImageSource.fromFolder("Test camera", dir);
        assertThatThrownBy(() -> source.open(new Resolution(640, 480))).isInstanceOf(CameraException.class)
                .hasMessageContaining("does not offer 640 × 480");
    }

    @Test
    void resourcesMustExist() {
        assertThatThrownBy(() -> StillImageSource.fromResources("Demo", StillImageSourceTest.class,
                List.of("no-such-picture.png"))).isInstanceOf(CameraException.class).hasMessageContaining("missing");
    }
}
