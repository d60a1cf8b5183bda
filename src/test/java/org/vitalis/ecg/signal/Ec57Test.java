package org.vitalis.ecg.signal;

import static org.assertj.core.api.Assertions.assertThat;

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
    void learningPeriodIsNotScored() {
        double fs = 10;
        // 300 s at 10 Hz: samples before 3000 are neither missed nor false
        long[] ref = {100, 2990, 3100, 3200};
        int[] det = {50, 2999, 3101, 3300};
        Ec57.Result r = Ec57.score(ref, det, fs);
        assertThat(r).isEqualTo(new Ec57.Result(1, 1, 1));
    }
}
