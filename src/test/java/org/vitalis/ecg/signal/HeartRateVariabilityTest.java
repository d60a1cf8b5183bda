package org.vitalis.ecg.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class HeartRateVariabilityTest {

    @Test
    void timeDomainMeasuresOfAKnownSeries() {
        double[] rr = {0.8, 0.9, 0.7, 0.8, 1.0};
        HeartRateVariability.Result r = HeartRateVariability.of(rr);
        assertThat(r.intervals()).isEqualTo(5);
        assertThat(r.meanRr()).isCloseTo(0.84, offset(1e-12));
        assertThat(r.heartRate()).isCloseTo(60 / 0.84, offset(1e-9));
        // deviations 0.04 0.06 0.14 0.04 0.16: sum of squares 0.052, / 4
        assertThat(r.sdnn()).isCloseTo(Math.sqrt(0.052 / 4), offset(1e-12));
        // successive differences 0.1 -0.2 0.1 0.2: sum of squares 0.1, / 4
        assertThat(r.rmssd()).isCloseTo(Math.sqrt(0.1 / 4), offset(1e-12));
        assertThat(r.pnn50()).isCloseTo(1.0, offset(1e-12));
        assertThat(r.algorithmVersion()).isEqualTo(HeartRateVariability.VERSION);
        assertThat(HeartRateVariability.of(new double[] {1.0, 1.03, 1.0, 1.1}).pnn50()).isCloseTo(1 / 3.0, offset(1e-12));
    }

    @Test
    void rrFromBeatsAndHeartRate() {
        double[] rr = HeartRateVariability.rrIntervals(new int[] {100, 460, 820, 1270}, 360);
        assertThat(rr).containsExactly(new double[] {1.0, 1.0, 1.25}, offset(1e-12));
        assertThat(HeartRateVariability.heartRate(rr)).containsExactly(new double[] {60, 60, 48}, offset(1e-9));
        assertThat(HeartRateVariability.rrIntervals(new int[] {5}, 360)).isEmpty();
        assertThatThrownBy(() -> HeartRateVariability.rrIntervals(new int[] {5, 5}, 360)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HeartRateVariability.of(new double[] {1})).isInstanceOf(IllegalArgumentException.class);
    }
}
