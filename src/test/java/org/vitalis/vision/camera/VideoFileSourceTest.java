package org.vitalis.vision.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real MP4 and MOV files written by jcodec play as a camera: their size, rate and length are read when opened; frames
 * come when due by the clock, in presentation order, starting over at the end; a still is the frame on screen and
 * says where in the video it was; every file Vitalis cannot play is refused with a sentence saying why.
 */
class VideoFileSourceTest {
    @TempDir
    Path dir;
    private final TestClock clock = new TestClock();

    private int shown(CameraStream s) throws CameraException {
        Optional<BufferedImage> f = s.nextFrame();
        assertThat(f).as("a frame is due").isPresent();
        assertThat(f.get().getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        return TestVideos.frameNumber(f.get());
    }

    @Test
    void anH264Mp4OpensWithItsSizeRateAndLength() throws Exception {
        Path file = TestVideos.h264(dir.resolve("lesion.mp4"), 160, 120, 10, 20);
        VideoFileSource v = VideoFileSource.open(file);
        assertThat(v.id()).isEqualTo("video:" + file.toAbsolutePath());
        assertThat(v.name()).isEqualTo("lesion.mp4");
        // 120 rows are not whole macroblocks: the decoder's 128 are cropped back to the picture's 120.
        assertThat(v.resolutions()).containsExactly(new Resolution(160, 120));
        assertThat(v.coding()).isEqualTo("H.264");
        assertThat(v.frames()).isEqualTo(20);
        assertThat(v.frameRate()).isCloseTo(10.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(v.duration()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void playsInRealTimeByTheClockAndStartsOverAtTheEnd() throws Exception {
        VideoFileSource v = VideoFileSource.open(TestVideos.h264(dir.resolve("clip.mp4"), 160, 120, 10, 20),
                "clip", clock);
        try (CameraStream s = v.open(v.resolutions().getFirst())) {
            assertThat(s.resolution()).isEqualTo(new Resolution(160, 120));
            assertThat(shown(s)).isZero();
            assertThat(s.nextFrame()).as("nothing new at the same time").isEmpty();
            clock.advance(60);
            assertThat(s.nextFrame()).as("frame 1 is due at 100 ms").isEmpty();
            clock.advance(40);
            assertThat(shown(s)).isEqualTo(1);
            clock.advance(250);
            assertThat(shown(s)).as("at 350 ms, frame 2 is passed over").isEqualTo(3);
            for (int i = 4; i < 20; i++) {
                clock.advance(100);
                assertThat(shown(s)).isEqualTo(i);
            }
            clock.advance(50);
            assertThat(shown(s)).as("after 2 s it starts over").isZero();
            clock.advance(100);
            assertThat(shown(s)).isEqualTo(1);
        }
    }

    @Test
    void aPlayerFarBehindCatchesUpWithoutStalling() throws Exception {
        VideoFileSource v = VideoFileSource.open(TestVideos.h264(dir.resolve("long.mp4"), 96, 64, 10, 22),
                "long", clock);
        try (CameraStream s = v.open(v.resolutions().getFirst())) {
            assertThat(shown(s)).isZero();
            clock.advance(1_800);
            // 18 frames are due at once, but one call decodes only a few: each call shows progress until frame 18.
            List<Integer> seen = new ArrayList<>();
            for (int call = 0; call < 5 && !seen.contains(18); call++) {
                s.nextFrame().map(TestVideos::frameNumber).ifPresent(seen::add);
            }
            assertThat(seen).isSorted().endsWith(18).hasSizeGreaterThan(1);
            assertThat(s.nextFrame()).isEmpty();
        }
    }

    @Test
    void aStillIsTheFrameOnScreenAndSaysWhereInTheVideoItWas() throws Exception {
        VideoFileSource v = VideoFileSource.open(TestVideos.h264(dir.resolve("visit.mp4"), 160, 120, 10, 20),
                "visit.mp4", clock);
        try (CameraStream s = v.open(v.resolutions().getFirst())) {
            assertThat(s.stillPosition()).isEmpty();
            BufferedImage before = s.capture();
            assertThat(TestVideos.frameNumber(before)).as("nothing shown yet: the first frame").isZero();
            assertThat(s.stillPosition()).contains(new RecordingPosition("visit.mp4", Duration.ZERO));
            assertThat(shown(s)).as("capturing did not swallow the preview's first frame").isZero();
            clock.advance(730);
            assertThat(shown(s)).isEqualTo(7);
            clock.advance(50);
            assertThat(s.nextFrame()).isEmpty();
            BufferedImage still = s.capture();
            assertThat(TestVideos.frameNumber(still)).isEqualTo(7);
            assertThat(still.getWidth()).isEqualTo(160);
            assertThat(s.stillPosition()).hasValueSatisfying(p -> {
                assertThat(p.time()).isEqualTo("00:00.7");
                assertThat(p.describe()).isEqualTo("video visit.mp4 at 00:00.7");
            });
            still.getGraphics().fillRect(0, 0, 160, 120);
            assertThat(TestVideos.frameNumber(s.capture())).as("a still is the caller's own copy").isEqualTo(7);
        }
    }

    @Test
    void motionJpegPlaysInPresentationOrderNotFileOrder() throws Exception {
        // Frames stored in the order 0 2 1 4 3 6 5 7: composition offsets put them back in order.
        int[] shownAt = {0, 2, 1, 4, 3, 6, 5, 7};
        for (String fourcc : List.of("jpeg", "mjpa")) {
            Path file = TestVideos.mjpeg(dir.resolve("scope-" + fourcc + ".mov"), fourcc, 64, 48, 64, 48, shownAt);
            VideoFileSource v = VideoFileSource.open(file, "scope", clock);
            assertThat(v.coding()).isEqualTo("Motion JPEG");
            assertThat(v.frames()).isEqualTo(8);
            List<Integer> order = new ArrayList<>();
            try (CameraStream s = v.open(new Resolution(64, 48))) {
                for (int i = 0; i < 8; i++) {
                    order.add(shown(s));
                    clock.advance(100);
                }
                assertThat(shown(s)).isZero();
            }
            assertThat(order).as(fourcc).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        }
    }

    @Test
    void aDamagedFrameIsNamedAndSkippedAndPlayGoesOn() throws Exception {
        Path file = TestVideos.mjpeg(dir.resolve("scratched.mov"), 64, 48, 10);
        byte[] bytes = Files.readAllBytes(file);
        int sixth = nthJpeg(bytes, 5);
        // Wipe the sixth frame's JPEG headers: its data is there, but it is no picture.
        Arrays.fill(bytes, sixth + 2, sixth + 200, (byte) 0);
        Files.write(file, bytes);
        VideoFileSource v = VideoFileSource.open(file, "scratched.mov", clock);
        try (CameraStream s = v.open(v.resolutions().getFirst())) {
            for (int i = 0; i < 5; i++) {
                assertThat(shown(s)).isEqualTo(i);
                clock.advance(100);
            }
            assertThatThrownBy(s::nextFrame).isInstanceOfSatisfying(CameraException.class, e -> {
                assertThat(e.isFrameOnly()).isTrue();
                assertThat(e).hasMessage("scratched.mov is damaged at frame 6 (00:00.5); that frame is skipped.");
            });
            assertThat(s.nextFrame()).as("not tried again while it is due").isEmpty();
            assertThat(TestVideos.frameNumber(s.capture())).as("the last good frame stays on screen").isEqualTo(4);
            clock.advance(100);
            assertThat(shown(s)).isEqualTo(6);
        }
    }

    private static int nthJpeg(byte[] b, int n) {
        int seen = 0;
        for (int i = 0; i + 2 < b.length; i++) {
            if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == 0xD8 && (b[i + 2] & 0xFF) == 0xFF && seen++ == n) {
                return i;
            }
        }
        throw new AssertionError("fewer than " + (n + 1) + " JPEG frames");
    }

    @Test
    void aCopyCutShortPlaysTheFramesItHoldsAndSaysItEndsEarly() throws Exception {
        Path file = TestVideos.mjpeg(dir.resolve("cut.mov"), 64, 48, 10);
        byte[] bytes = Files.readAllBytes(file);
        // The index comes first here; cutting inside the seventh frame leaves six whole ones.
        Files.write(file, Arrays.copyOf(bytes, nthJpeg(bytes, 6) + 100));
        VideoFileSource v = VideoFileSource.open(file, "cut.mov", clock);
        assertThat(v.frames()).isEqualTo(6);
        try (CameraStream s = v.open(v.resolutions().getFirst())) {
            for (int i = 0; i < 6; i++) {
                assertThat(shown(s)).isEqualTo(i);
                clock.advance(100);
            }
            assertThatThrownBy(s::nextFrame).isInstanceOfSatisfying(CameraException.class, e -> {
                assertThat(e.isFrameOnly()).isTrue();
                assertThat(e).hasMessage("cut.mov ends early: only 6 of its 10 frames are in the file, so it starts "
                        + "over after them.");
            });
            assertThat(shown(s)).isZero();
        }
    }

    @Test
    void filesVitalisCannotPlayAreRefusedWithTheReason() throws Exception {
        assertRefused(dir.resolve("gone.mp4"), "gone.mp4 does not exist; it may have been moved or deleted.");
        assertRefused(Files.createDirectory(dir.resolve("folder.mp4")), "folder.mp4 is a folder, not a video.");
        assertRefused(Files.write(dir.resolve("empty.mp4"), new byte[0]), "empty.mp4 is empty, not a video.");

        Path png = dir.resolve("photo.mp4");
        ImageIO.write(TestVideos.numbered(32, 32, 1), "png", png.toFile());
        assertRefused(png, "photo.mp4 is not an MP4 or MOV video.");
        assertRefused(Files.writeString(dir.resolve("notes.mov"), "ftyp? no, a note about the lesion"),
                "notes.mov is not an MP4 or MOV video.");

        byte[] whole = Files.readAllBytes(TestVideos.h264(dir.resolve("whole.mp4"), 64, 48, 10, 5));
        Path truncated = Files.write(dir.resolve("truncated.mp4"), Arrays.copyOf(whole, whole.length * 2 / 3));
        assertRefused(truncated, "truncated.mp4 is incomplete: its index is missing, as when a recording is cut off "
                + "before it is finished; Vitalis cannot play it.");

        assertRefused(TestVideos.soundOnly(dir.resolve("dictation.mp4")),
                "dictation.mp4 has no video track; it may hold only sound.");
        assertRefused(TestVideos.mjpeg(dir.resolve("iphone.mov"), "hvc1", 64, 48, 64, 48, new int[] {0, 1}),
                "iphone.mov is coded as HEVC (H.265); Vitalis plays H.264 and Motion JPEG videos in MP4 or MOV files.");
        assertRefused(TestVideos.mjpeg(dir.resolve("huge.mov"), "jpeg", 64, 48, 20_000, 20_000, new int[] {0, 1}),
                "huge.mov has frames of 20000 × 20000 pixels; Vitalis plays videos of up to 40 megapixels and 16384 "
                        + "pixels a side.");
    }

    private static void assertRefused(Path file, String message) {
        assertThatThrownBy(() -> VideoFileSource.open(file)).isInstanceOf(CameraException.class).hasMessage(message);
    }

    @Test
    void aFrameSizeTheSourceDoesNotOfferIsRefused() throws Exception {
        VideoFileSource v = VideoFileSource.open(TestVideos.mjpeg(dir.resolve("a.mov"), 64, 48, 3));
        assertThatThrownBy(() -> v.open(new Resolution(640, 480))).isInstanceOf(CameraException.class)
                .hasMessage("a.mov is a video of 64 × 48 pixels, not 640 × 480.");
    }

    @Test
    void closingReleasesTheFile() throws Exception {
        Path fds = Path.of("/proc/self/fd");
        Assumptions.assumeTrue(Files.isDirectory(fds), "needs /proc to see open files");
        Path file = TestVideos.h264(dir.resolve("held.mp4"), 64, 48, 10, 5).toRealPath();
        VideoFileSource v = VideoFileSource.open(file, "held", clock);
        assertThat(openCount(fds, file)).as("opening only checks the file").isZero();
        CameraStream s = v.open(v.resolutions().getFirst());
        s.nextFrame();
        assertThat(openCount(fds, file)).isEqualTo(1);
        s.close();
        assertThat(openCount(fds, file)).isZero();
        assertThatThrownBy(s::nextFrame).isInstanceOf(CameraException.class).hasMessage("held.mp4 was closed.");
    }

    private static long openCount(Path fds, Path file) throws Exception {
        try (Stream<Path> list = Files.list(fds)) {
            return list.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(file);
                } catch (Exception gone) {
                    return false;
                }
            }).count();
        }
    }
}
