package org.vitalis.vision.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Videos come from any device, copy or download: whatever the bytes, opening and playing them gives frames or a
 * {@link CameraException} with a sentence; no exception of jcodec's, no error and no hang escapes. Seeded mutations of
 * small real files (H.264 in MP4, Motion JPEG in MOV) written to disk, as plain tests (Jazzer 0.24 cannot instrument
 * Java 25 classes). The timeout guards against hangs only; it is no speed check.
 */
class VideoFileFuzzTest {
    private static final int CASES = 600;
    @TempDir
    Path dir;

    @Test
    void mutatedH264Mp4sPlayOrFailCleanly() throws Exception {
        byte[] valid = Files.readAllBytes(TestVideos.h264(dir.resolve("seed.mp4"), 48, 32, 10, 6));
        run(valid, new Random(20260301), "mp4");
    }

    @Test
    void mutatedMotionJpegMovsPlayOrFailCleanly() throws Exception {
        byte[] valid = Files.readAllBytes(TestVideos.mjpeg(dir.resolve("seed.mov"), "jpeg", 32, 24, 32, 24,
                new int[] {0, 2, 1, 3, 4}));
        run(valid, new Random(20260302), "mov");
    }

    @Test
    void theSeedsThemselvesPlay() throws Exception {
        for (Path seed : new Path[] {TestVideos.h264(dir.resolve("a.mp4"), 48, 32, 10, 6),
            TestVideos.mjpeg(dir.resolve("b.mov"), 32, 24, 5)}) {
            Outcome o = playOrFail(seed);
            assertThat(o.frames()).as(seed.getFileName().toString()).isGreaterThan(3);
            assertThat(o.errors()).isZero();
        }
    }

    private void run(byte[] valid, Random random, String extension) throws Exception {
        int refused = 0;
        int played = 0;
        int errors = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] bytes = mutate(valid, random);
            Path file = Files.write(dir.resolve("case-" + i + "." + extension), bytes);
            int seed = i;
            Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> playOrFail(file),
                    () -> "case " + seed + " hangs");
            refused += o.frames() < 0 ? 1 : 0;
            played += o.frames() > 0 ? 1 : 0;
            errors += o.errors();
            Files.delete(file);
        }
        // The mutations reach the checks made on opening, the playing, and frames that fail to decode.
        assertThat(refused).isPositive();
        assertThat(played).isPositive();
        assertThat(errors).isPositive();
    }

    /** Frames shown (-1 when the file was refused) and failures met while playing. */
    private record Outcome(int frames, int errors) {
    }

    /** Opens and plays a second of {@code file}, then takes a still. */
    private static Outcome playOrFail(Path file) {
        TestClock clock = new TestClock();
        VideoFileSource source;
        try {
            source = VideoFileSource.open(file, file.getFileName().toString(), clock);
        } catch (CameraException refused) {
            assertThat(refused.getMessage()).startsWith(file.getFileName().toString()).endsWith(".");
            return new Outcome(-1, 0);
        }
        int frames = 0;
        int errors = 0;
        try (CameraStream s = source.open(source.resolutions().getFirst())) {
            for (int step = 0; step < 12; step++) {
                try {
                    Optional<BufferedImage> f = s.nextFrame();
                    if (f.isPresent()) {
                        assertThat(new Resolution(f.get().getWidth(), f.get().getHeight())).isEqualTo(s.resolution());
                        frames++;
                    }
                } catch (CameraException e) {
                    assertThat(e.getMessage()).startsWith(file.getFileName().toString()).endsWith(".");
                    errors++;
                    if (!e.isFrameOnly()) {
                        return new Outcome(frames, errors);
                    }
                }
                clock.advance(100);
            }
            assertThat(s.capture().getWidth()).isEqualTo(s.resolution().width());
        } catch (CameraException e) {
            assertThat(e.getMessage()).startsWith(file.getFileName().toString()).endsWith(".");
            errors++;
        }
        return new Outcome(frames, errors);
    }

    /** Bit flips, overwritten bytes (often in the boxes' sizes and counts near the start), cuts and stretches. */
    private static byte[] mutate(byte[] valid, Random random) {
        byte[] m = valid.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            switch (random.nextInt(6)) {
                case 0 -> m[random.nextInt(m.length)] ^= (byte) (1 << random.nextInt(8));
                case 1 -> m[random.nextInt(m.length)] = (byte) random.nextInt(256);
                case 2 -> {
                    // A box size or table count: four bytes made large, small or zero.
                    if (m.length < 5) {
                        continue;
                    }
                    int at = random.nextInt(m.length - 4);
                    int v = switch (random.nextInt(3)) {
                        case 0 -> 0x7FFF_FFF0 + random.nextInt(16);
                        case 1 -> random.nextInt(16);
                        default -> random.nextInt();
                    };
                    m[at] = (byte) (v >>> 24);
                    m[at + 1] = (byte) (v >>> 16);
                    m[at + 2] = (byte) (v >>> 8);
                    m[at + 3] = (byte) v;
                }
                case 3 -> m = Arrays.copyOf(m, 1 + random.nextInt(m.length));
                case 4 -> {
                    int at = random.nextInt(m.length);
                    Arrays.fill(m, at, Math.min(m.length, at + 1 + random.nextInt(64)), (byte) random.nextInt(256));
                }
                default -> {
                    int at = random.nextInt(m.length);
                    int n = 1 + random.nextInt(16);
                    byte[] grown = new byte[m.length + n];
                    System.arraycopy(m, 0, grown, 0, at);
                    System.arraycopy(m, at, grown, at + n, m.length - at);
                    m = grown;
                }
            }
        }
        return m;
    }
}
