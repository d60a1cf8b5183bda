package org.vitalis.vision.camera;

import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * When each frame of a video is shown. A file stores frames in decoding order; where an H.264 stream has B-frames a
 * frame is shown later than it is decoded, so display order follows presentation times (decoding time plus
 * composition offset; ISO/IEC 14496-12 §8.6.1.1 and §8.6.1.3). Times count from the earliest frame, so an edit
 * list's start delay is not waited for. Frames with the same time show the later-decoded one.
 */
final class FrameSchedule {
    /** A single picture still needs a time on screen before the video starts over. */
    private static final long LONE_FRAME_NANOS = 100_000_000L;

    private final long[] startNanos;
    private final int[] decodeOf;
    private final int[] displayOf;
    private final long loopNanos;
    private final int reorderDepth;

    private FrameSchedule(long[] startNanos, int[] decodeOf, int[] displayOf, long loopNanos) {
        this.startNanos = startNanos;
        this.decodeOf = decodeOf;
        this.displayOf = displayOf;
        this.loopNanos = loopNanos;
        this.reorderDepth = deepestReorder(decodeOf, displayOf);
    }

    /**
     * {@code presentation} and {@code durations} per frame in decoding order, in units of {@code timescale} per
     * second; at least one frame, no negative duration.
     */
    static FrameSchedule of(long[] presentation, long[] durations, long timescale) {
        int n = presentation.length;
        if (n == 0 || durations.length != n || timescale <= 0) {
            throw new IllegalArgumentException("A schedule needs frames, one duration each and a positive timescale");
        }
        int[] decodeOf = IntStream.range(0, n).boxed()
                .sorted(Comparator.<Integer>comparingLong(i -> presentation[i]).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
        int[] displayOf = new int[n];
        for (int k = 0; k < n; k++) {
            displayOf[decodeOf[k]] = k;
        }
        long first = presentation[decodeOf[0]];
        long[] start = new long[n];
        long end = 0;
        for (int k = 0; k < n; k++) {
            int i = decodeOf[k];
            start[k] = nanos(presentation[i] - first, timescale);
            end = Math.max(end, nanos(presentation[i] - first + durations[i], timescale));
        }
        long last = start[n - 1];
        if (end <= last) {
            // The last frame has no duration: give it the average of the others, as players do.
            end = last + (n > 1 ? Math.max(1, last / (n - 1)) : LONE_FRAME_NANOS);
        }
        return new FrameSchedule(start, decodeOf, displayOf, end);
    }

    static long nanos(long units, long timescale) {
        return Math.addExact(Math.multiplyExact(units / timescale, 1_000_000_000L),
                (units % timescale) * 1_000_000_000L / timescale);
    }

    /**
     * How many decoded frames wait at most to be shown when playing in order: each frame is decoded when it is due,
     * and frames decoded before then (shown later) are kept.
     */
    private static int deepestReorder(int[] decodeOf, int[] displayOf) {
        boolean[] waiting = new boolean[displayOf.length];
        int decoded = -1;
        int kept = 0;
        int deepest = 0;
        for (int k = 0; k < decodeOf.length; k++) {
            if (waiting[k]) {
                waiting[k] = false;
                kept--;
                continue;
            }
            while (decoded < decodeOf[k]) {
                decoded++;
                int d = displayOf[decoded];
                if (d > k) {
                    waiting[d] = true;
                    kept++;
                }
            }
            deepest = Math.max(deepest, kept);
        }
        return deepest;
    }

    int frames() {
        return startNanos.length;
    }

    /** The video's length: when it starts over. */
    long loopNanos() {
        return loopNanos;
    }

    /** The frame on screen {@code nanos} into the video (0 ≤ nanos < loop). */
    int displayAt(long nanos) {
        int k = Arrays.binarySearch(startNanos, nanos);
        if (k >= 0) {
            // Equal times: the last of them is the one left on screen.
            while (k + 1 < startNanos.length && startNanos[k + 1] == nanos) {
                k++;
            }
            return k;
        }
        return Math.max(0, -k - 2);
    }

    Duration timeOf(int display) {
        return Duration.ofNanos(startNanos[display]);
    }

    int decodeIndexOf(int display) {
        return decodeOf[display];
    }

    int displayIndexOf(int decode) {
        return displayOf[decode];
    }

    int reorderDepth() {
        return reorderDepth;
    }

    double frameRate() {
        return frames() * 1e9 / loopNanos;
    }
}
