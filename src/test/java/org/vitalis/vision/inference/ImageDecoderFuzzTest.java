package org.vitalis.vision.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imported photos come from any camera, phone or folder: whatever the bytes, the decoder returns an image or throws
 * {@link ImageDecodeException} with a sentence; nothing else escapes, and no declared size can exhaust memory.
 * (Jazzer 0.24 cannot instrument Java 25 classes, so seeded mutations run as plain tests.)
 */
class ImageDecoderFuzzTest {
    private final ImageDecoder decoder = new ImageDecoder();

    static byte[] encode(String format, int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(w * 31L + h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, (x * 8) << 16 | (y * 8) << 8 | r.nextInt(64));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(img, format, out)).isTrue();
        return out.toByteArray();
    }

    private void decodesOrFailsCleanly(byte[] bytes) {
        try {
            BufferedImage img = decoder.decode(bytes, "photo");
            assertThat(img.getWidth()).isPositive();
            assertThat((long) img.getWidth() * img.getHeight()).isLessThanOrEqualTo(ImageDecoder.MAX_PIXELS);
        } catch (ImageDecodeException expected) {
            assertThat(expected.getMessage()).startsWith("photo ").endsWith(".");
        }
    }

    @Test
    void validSeedsDecode() throws Exception {
        for (String format : List.of("jpeg", "png", "bmp")) {
            BufferedImage img = decoder.decode(encode(format, 40, 30), "seed");
            assertThat(img.getWidth()).isEqualTo(40);
            assertThat(img.getHeight()).isEqualTo(30);
        }
    }

    @Test
    void seededMutationsDecodeOrFailCleanly() throws Exception {
        Random random = new Random(20261124);
        for (String format : List.of("jpeg", "png", "bmp")) {
            byte[] valid = encode(format, 32, 24);
            for (int i = 0; i < 400; i++) {
                byte[] m = valid.clone();
                int edits = 1 + random.nextInt(4);
                for (int e = 0; e < edits; e++) {
                    switch (random.nextInt(4)) {
                        case 0 -> m[random.nextInt(m.length)] ^= (byte) (1 << random.nextInt(8));
                        case 1 -> m[random.nextInt(Math.min(m.length, 64))] = (byte) random.nextInt(256);
                        case 2 -> m = Arrays.copyOf(m, random.nextInt(m.length) + 1);
                        default -> {
                            int at = random.nextInt(m.length);
                            Arrays.fill(m, at, Math.min(m.length, at + 1 + random.nextInt(16)), (byte) 0xFF);
                        }
                    }
                }
                decodesOrFailsCleanly(m);
            }
        }
    }

    @Test
    void everyTruncationOfASmallJpegFailsCleanly() throws Exception {
        byte[] valid = encode("jpeg", 16, 16);
        for (int n = 0; n < valid.length; n += 3) {
            decodesOrFailsCleanly(Arrays.copyOf(valid, n));
        }
    }

    @Test
    void aPngThatClaimsGiantDimensionsIsRefusedFromItsHeader() throws Exception {
        byte[] png = encode("png", 8, 8);
        // IHDR starts at byte 8: length(4) "IHDR"(4) width(4) height(4) ... CRC over type and data.
        ByteBuffer b = ByteBuffer.wrap(png);
        b.putInt(16, 100_000);
        b.putInt(20, 100_000);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        b.putInt(29, (int) crc.getValue());
        assertThatThrownBy(() -> decoder.decode(png, "giant.png")).isInstanceOf(ImageDecodeException.class)
                .hasMessageContaining("100000 × 100000").hasMessageContaining("megapixels");
    }

    @Test
    void aBmpThatClaimsGiantDimensionsIsRefusedWithoutDecodingPixels() throws Exception {
        byte[] bmp = encode("bmp", 8, 8);
        ByteBuffer b = ByteBuffer.wrap(bmp).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putInt(18, 60_000);
        b.putInt(22, 60_000);
        // ImageIO's BMP reader already rejects a header whose size disagrees with its data; either way, no pixels.
        assertThatThrownBy(() -> decoder.decode(bmp, "giant.bmp")).isInstanceOf(ImageDecodeException.class)
                .hasMessageStartingWith("giant.bmp ");
    }

    @Test
    void aJpegThatClaimsGiantDimensionsIsRefusedFromItsHeader() throws Exception {
        byte[] jpg = encode("jpeg", 8, 8);
        // The SOF0 marker FFC0: length(2) precision(1) height(2) width(2).
        for (int i = 0; i + 8 < jpg.length; i++) {
            if ((jpg[i] & 0xFF) == 0xFF && (jpg[i + 1] & 0xFF) == 0xC0) {
                jpg[i + 5] = (byte) 0x75;
                jpg[i + 6] = (byte) 0x30;
                jpg[i + 7] = (byte) 0x75;
                jpg[i + 8] = (byte) 0x30;
                break;
            }
        }
        assertThatThrownBy(() -> decoder.decode(jpg, "giant.jpg")).isInstanceOf(ImageDecodeException.class)
                .hasMessageContaining("30000 × 30000");
    }

    @Test
    void textAndEmptyFilesAreNotImages(@TempDir Path dir) throws Exception {
        Path txt = Files.writeString(dir.resolve("notes.jpg"), "this is not a photo");
        assertThatThrownBy(() -> decoder.decode(txt)).isInstanceOf(ImageDecodeException.class)
                .hasMessage("notes.jpg is not a JPEG, PNG or BMP image.");
        Path empty = Files.write(dir.resolve("empty.png"), new byte[0]);
        assertThatThrownBy(() -> decoder.decode(empty)).isInstanceOf(ImageDecodeException.class);
        assertThatThrownBy(() -> decoder.decode(dir.resolve("missing.jpg"))).isInstanceOf(java.nio.file.NoSuchFileException.class);
    }

    @Test
    void randomBytesBehindEachSignatureFailCleanly() {
        Random random = new Random(7);
        byte[][] signatures = {{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A},
            {'B', 'M'}};
        for (byte[] sig : signatures) {
            for (int i = 0; i < 200; i++) {
                byte[] m = new byte[sig.length + random.nextInt(200)];
                random.nextBytes(m);
                System.arraycopy(sig, 0, m, 0, sig.length);
                decodesOrFailsCleanly(m);
            }
        }
    }
}
