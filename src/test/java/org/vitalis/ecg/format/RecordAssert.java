package org.vitalis.ecg.format;

import static org.assertj.core.api.Assertions.assertThat;

/** Compares recordings lead by lead, the way a lossless conversion must keep them. */
public final class RecordAssert {
    private RecordAssert() {
    }

    /** Same leads, integers, gains, baselines and units, same rate and start. */
    public static void sameSignals(EcgRecord actual, EcgRecord expected) {
        assertThat(actual.start()).isEqualTo(expected.start());
        sameSamples(actual, expected);
    }

    /** Same leads, integers, gains, baselines and units at the same rate, wherever and whenever they start. */
    public static void sameSamples(EcgRecord actual, EcgRecord expected) {
        assertThat(actual.samplingFrequency()).isEqualTo(expected.samplingFrequency());
        assertThat(actual.leads()).hasSameSizeAs(expected.leads());
        for (int k = 0; k < expected.leads().size(); k++) {
            EcgLead a = actual.leads().get(k);
            EcgLead e = expected.leads().get(k);
            assertThat(a.label()).isEqualTo(e.label());
            assertThat(a.samples()).as(e.label()).isEqualTo(e.samples());
            assertThat(a.gain()).as(e.label()).isEqualTo(e.gain());
            assertThat(a.baseline()).as(e.label()).isEqualTo(e.baseline());
            assertThat(a.unit()).as(e.label()).isEqualTo(e.unit());
        }
    }
}
