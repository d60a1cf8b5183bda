package org.vitalis.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.vitalis.vision.camera.CameraStream;
import org.vitalis.vision.camera.VideoFileSource;

/**
 * Milliseconds per frame for playing a video file as a camera, on the demo's dermatoscope clip (480×360 H.264, 80
 * frames): opening (the file checked through and its first frame decoded), and each frame decoded in order through
 * jcodec and turned into the RGB picture the preview shows. One thread, a clock moved by hand one frame at a time,
 * median of several passes after a warm-up.
 */
public final class VideoBenchmark {
    private static final Path DEMO = Path.of("src/main/resources/org/vitalis/app/democamera/demo-dermatoscope.mp4");
    private static final int PASSES = 5;

    private VideoBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Benchmarks.print(run());
    }

    public static List<Benchmarks.Row> run() throws Exception {
        Instant[] now = {Instant.EPOCH};
        VideoFileSource video = VideoFileSource.open(DEMO, "demo", () -> now[0]);
        long step = video.duration().toNanos() / video.frames();
        List<Double> open = new ArrayList<>();
        List<Double> frame = new ArrayList<>();
        for (int pass = 0; pass <= PASSES; pass++) {
            long t0 = System.nanoTime();
            VideoFileSource.open(DEMO, "demo", () -> now[0]);
            double openMs = (System.nanoTime() - t0) / 1e6;
            int shown = 0;
            long t1 = System.nanoTime();
            try (CameraStream s = video.open(video.resolutions().getFirst())) {
                for (int i = 0; i < video.frames(); i++) {
                    if (s.nextFrame().isPresent()) {
                        shown++;
                    }
                    now[0] = now[0].plus(Duration.ofNanos(step));
                }
            }
            if (shown != video.frames()) {
                throw new IllegalStateException("played " + shown + " of " + video.frames() + " frames");
            }
            if (pass > 0) {
                open.add(openMs);
                frame.add((System.nanoTime() - t1) / 1e6 / shown);
            }
        }
        open.sort(null);
        frame.sort(null);
        String what = video.resolutions().getFirst() + " " + video.coding() + ", " + video.frames() + " frames";
        return List.of(
                new Benchmarks.Row("video: open a file", open.get(PASSES / 2), "ms",
                        "checks, index, first frame decoded; demo clip " + what),
                new Benchmarks.Row("video: frame decoded for preview", frame.get(PASSES / 2), "ms",
                        "jcodec H.264 decode + RGB picture, in order, per frame; demo clip " + what));
    }
}
