package org.vitalis.vision.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** When each frame shows: presentation order from decoding order, the loop's length, and the reordering depth. */
class FrameScheduleTest {
    @Test
    void framesInOrderShowAtTheirTimes() {
        FrameSchedule s = FrameSchedule.of(new long[] {0, 100, 200, 300}, new long[] {100, 100, 100, 100}, 1000);
        assertThat(s.frames()).isEqualTo(4);
        assertThat(s.loopNanos()).isEqualTo(400_000_000L);
        assertThat(s.frameRate()).isEqualTo(10.0);
        assertThat(s.displayAt(0)).isZero();
        assertThat(s.displayAt(99_999_999)).isZero();
        assertThat(s.displayAt(100_000_000)).isEqualTo(1);
        assertThat(s.displayAt(399_999_999)).isEqualTo(3);
        assertThat(s.timeOf(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(s.reorderDepth()).isZero();
    }

    @Test
    void bFramesShowInPresentationOrderAndTheDepthCountsWhatWaits() {
        // Decoding order I0 P3 B1 B2 P6 B4 B5, as an encoder with two B-frames writes it; times from 1/3 s into
        // the file, as an edit list's delay leaves them.
        long[] pts = {1, 4, 2, 3, 7, 5, 6};
        long[] dur = {1, 1, 1, 1, 1, 1, 1};
        FrameSchedule s = FrameSchedule.of(pts, dur, 10);
        for (int k = 0; k < 7; k++) {
            assertThat(s.timeOf(k)).isEqualTo(Duration.ofMillis(100L * k));
        }
        assertThat(s.decodeIndexOf(1)).isEqualTo(2);
        assertThat(s.decodeIndexOf(3)).isEqualTo(1);
        assertThat(s.displayIndexOf(4)).isEqualTo(6);
        assertThat(s.reorderDepth()).as("P3 waits while B1 and B2 show").isEqualTo(1);
        assertThat(s.loopNanos()).isEqualTo(700_000_000L);
    }

    @Test
    void aLastFrameWithoutDurationGetsTheAverageAndALoneFrameATenthOfASecond() {
        FrameSchedule s = FrameSchedule.of(new long[] {0, 40, 80}, new long[] {40, 40, 0}, 1000);
        assertThat(s.loopNanos()).isEqualTo(120_000_000L);
        FrameSchedule lone = FrameSchedule.of(new long[] {0}, new long[] {0}, 600);
        assertThat(lone.loopNanos()).isEqualTo(100_000_000L);
        assertThat(lone.displayAt(50_000_000)).isZero();
    }

    @Test
    void framesSharingATimeLeaveTheLaterOneOnScreen() {
        FrameSchedule s = FrameSchedule.of(new long[] {0, 0, 10}, new long[] {0, 10, 10}, 100);
        assertThat(s.displayAt(0)).isEqualTo(1);
        assertThat(s.displayAt(50_000_000)).isEqualTo(1);
    }
}
