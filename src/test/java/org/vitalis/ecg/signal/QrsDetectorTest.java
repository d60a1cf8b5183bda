package org.vitalis.ecg.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class QrsDetectorTest {

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {125, 250, 360, 500, 1000})
    void findsEveryBeatAtAnySamplingRate(double fs) {
        SyntheticEcg ecg = SyntheticEcg.generate(fs, 120, 42, 0.4, 0.05, 0.02);
        QrsDetection d = new QrsDetector(fs).detect(ecg.signal);
        long[] ref = Arrays.stream(ecg.rPeaks).asLongStream().toArray();
        Ec57.Result r = Ec57.score(ref, d.beats(), fs, 0, Ec57.MATCH_WINDOW_S);
        assertThat(r.falseNegatives()).as("missed beats").isZero();
        assertThat(r.falsePositives()).as("false detections").isZero();
        assertThat(d.algorithmVersion()).isEqualTo(QrsDetector.VERSION);
        // the fiducial point lands on the R peak, not merely within the 150 ms window
        for (int b : d.beats()) {
            int nearest = Arrays.stream(ecg.rPeaks).map(p -> Math.abs(p - b)).min().orElseThrow();
            assertThat(nearest / fs).as("R-peak error at %d", b).isLessThan(0.030);
        }
    }

    @Test
    void toleratesNoiseAndRecoversAfterAmplitudeDrop() {
        double fs = 360;
        SyntheticEcg ecg = SyntheticEcg.generate(fs, 90, 7, 0.8, 0.1, 0.05);
        double[] x = ecg.signal.clone();
        // a lead change halfway: the signal becomes four times smaller
        for (int i = x.length / 2; i < x.length; i++) {
            x[i] *= 0.25;
        }
        int[] beats = new QrsDetector(fs).detect(x).beats();
        long[] ref = Arrays.stream(ecg.rPeaks).asLongStream().toArray();
        Ec57.Result r = Ec57.score(ref, beats, fs, 0, Ec57.MATCH_WINDOW_S);
        assertThat(r.sensitivity()).isGreaterThan(0.97);
        assertThat(r.positivePredictivity()).isGreaterThan(0.99);
    }

    @Test
    void flatOrEmptySignalsHaveNoBeats() {
        QrsDetector q = new QrsDetector(250);
        assertThat(q.detect(new double[0]).count()).isZero();
        assertThat(q.detect(new double[2500]).count()).isZero();
        assertThat(q.detect(new double[] {1}).count()).isZero();
    }

    @Test
    void rejectsUnsupportedRates() {
        assertThatThrownBy(() -> new QrsDetector(50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QrsDetector(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
