package org.vitalis.ecg.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class Ec57Test {

    @Test
    void matchesWithinTheWindowOnceEach() {
        double fs = 100; // 150 ms = 15 samples
        long[] ref = {100, 200, 300, 400};
        int[] det = {90, 101, 215, 316, 500};
        Ec57.Result r = Ec57.score(ref, det, fs, 0, Ec57.MATCH_WINDOW_S);
        // 100 takes 101 (nearest), 200 takes 215, 300 has 316 just outside, 400 nothing; 90, 316, 500 are false
        assertThat(r).isEqualTo(new Ec57.Result(2, 2, 3));
        assertThat(r.sensitivity()).isEqualTo(0.5);
        assertThat(r.positivePredictivity()).isEqualTo(0.4);
        assertThat(r.plus(r)).isEqualTo(new Ec57.Result(4, 4, 6));
    }

    @Test
    void ventricularFibrillationIsLeftOutAsBxbDoes() {
        double fs = 10;
        // after the 300 s learning period (3000 samples): VF from 3200 to 3400
        long[] ref = {3100, 3300, 3500};
        int[] det = {3101, 3210, 3260, 3390, 3420, 3501};
        List<Ec57.Episode> vf = List.of(new Ec57.Episode(3200, 3400));
        // without the episode: 3300 has no detection within 150 ms (the nearest, 3260, is 4 s away at 10 Hz), and
        // every detection but the two matches is false
        assertThat(Ec57.score(ref, det, fs)).isEqualTo(new Ec57.Result(2, 1, 4));
        // with it: the reference annotation inside VF is skipped, the three detections inside are not counted,
        // and 3420, outside the episode, stays a false positive
        assertThat(Ec57.score(ref, det, fs, vf)).isEqualTo(new Ec57.Result(2, 0, 1));
        assertThat(Ec57.score(ref, det, fs, List.of())).isEqualTo(Ec57.score(ref, det, fs));
        assertThatThrownBy(() -> new Ec57.Episode(5, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void learningPeriodIsNotScored() {
        double fs = 10;
        // 300 s at 10 Hz: samples before 3000 are neither missed nor false
        long[] ref = {100, 2990, 3100, 3200};
        int[] det = {50, 2999, 3101, 3300};
        Ec57.Result r = Ec57.score(ref, det, fs);
        assertThat(r).isEqualTo(new Ec57.Result(1, 1, 1));
    }
}
