package org.vitalis.ui.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WaveformTest {
    @Test
    void aTwelveLeadBoardShowsLeadIIAlone() {
        Waveform w = new Waveform(10);
        w.append("I", 250, new double[] {1, 1});
        w.append("II", 250, new double[] {2, 2});
        w.append("V1", 250, new double[] {3, 3});
        w.append("I", 250, new double[] {1});
        w.append("II", 250, new double[] {2});
        assertThat(w.channel()).isEqualTo("II");
        assertThat(w.samples()).containsExactly(2, 2, 2);
    }

    @Test
    void aSingleLeadKeepsItsOwnChannel() {
        Waveform w = new Waveform(3);
        w.append("ECG", 250, new double[] {1, 2});
        w.append("ECG", 250, new double[] {3, 4});
        assertThat(w.channel()).isEqualTo("ECG");
        assertThat(w.samples()).containsExactly(2, 3, 4);
    }
}
