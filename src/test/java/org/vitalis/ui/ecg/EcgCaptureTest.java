package org.vitalis.ui.ecg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vitalis.ui.ecg.LiveEcgTest.CYTON;
import static org.vitalis.ui.ecg.LiveEcgTest.feed;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vitalis.device.driver.DeviceGap;
import org.vitalis.ecg.format.EcgLead;
import org.vitalis.ecg.format.EcgRecord;

class EcgCaptureTest {
    private final LiveEcg live = new LiveEcg();
    private final Chunks cyton = new Chunks("cyton", CYTON, 250, 25, 24_000);

    private DeviceTrace seconds(double s) {
        for (int i = 0; i < Math.round(s * 10); i++) {
            feed(live, cyton.round());
        }
        live.drain();
        return live.trace("cyton").orElseThrow();
    }

    private static EcgLead lead(EcgRecord r, String label) {
        return r.leads().stream().filter(l -> l.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void aRestingEcgTakesTheLastTenSecondsAsTheDeviceCountedThem() {
        DeviceTrace t = seconds(12);
        EcgCapture c = EcgCapture.fixed(t, 10);
        assertThat(c.poll()).isEqualTo(EcgCapture.State.COMPLETE);
        EcgRecord r = c.record();
        assertThat(r.samplingFrequency()).isEqualTo(250);
        assertThat(r.sampleCount()).isEqualTo(2500);
        assertThat(r.leads()).extracting(EcgLead::label).containsExactlyElementsOf(LeadOrder.TWELVE);
        long first = Chunks.sampleOf(lead(r, "I").samples()[0]);
        assertThat(first).isEqualTo(12 * 250 - 2500);
        for (int c2 = 0; c2 < CYTON.size(); c2++) {
            EcgLead l = lead(r, CYTON.get(c2));
            assertThat(l.gain()).isEqualTo(24_000);
            assertThat(l.unit()).isEqualTo("mV");
            for (int i = 0; i < r.sampleCount(); i++) {
                assertThat(l.samples()[i]).isEqualTo(Chunks.count(first + i, c2));
            }
        }
        EcgLead one = lead(r, "I");
        EcgLead two = lead(r, "II");
        for (int i = 0; i < r.sampleCount(); i += 97) {
            assertThat(lead(r, "III").samples()[i]).isEqualTo(two.samples()[i] - one.samples()[i]);
            assertThat(lead(r, "aVR").samples()[i]).isEqualTo(-(one.samples()[i] + two.samples()[i]));
            assertThat(lead(r, "aVR").microvolts(i))
                    .isCloseTo(-(one.microvolts(i) + two.microvolts(i)) / 2, org.assertj.core.api.Assertions.within(1e-9));
        }
        assertThat(lead(r, "III").gain()).isEqualTo(24_000);
        assertThat(lead(r, "aVF").gain()).isEqualTo(48_000);
    }

    @Test
    void aRecordingLongerThanTheBufferWaitsForTheRest() {
        DeviceTrace t = seconds(3);
        EcgCapture c = EcgCapture.fixed(t, 10);
        assertThat(c.poll()).isEqualTo(EcgCapture.State.RUNNING);
        assertThat(c.progress()).isBetween(0.2, 0.3);
        seconds(6);
        assertThat(c.poll()).isEqualTo(EcgCapture.State.RUNNING);
        seconds(2);
        assertThat(c.poll()).isEqualTo(EcgCapture.State.COMPLETE);
        assertThat(c.record().sampleCount()).isEqualTo(2500);
        // The first checked round starts the recording: what came before it may predate a gap.
        assertThat(Chunks.sampleOf(lead(c.record(), "V6").samples()[0])).isEqualTo(25);
    }

    @Test
    void aGapDuringTheRecordingStoresNothing() {
        DeviceTrace t = seconds(3);
        EcgCapture c = EcgCapture.fixed(t, 10);
        c.poll();
        live.listener().gap(new DeviceGap("cyton", Instant.now(), Instant.now()));
        seconds(10);
        assertThat(c.poll()).isEqualTo(EcgCapture.State.FAILED);
        assertThat(c.interrupted()).isTrue();
        assertThat(c.record()).isNull();
    }

    @Test
    void anOpenRecordingRunsFromStartToStop() {
        DeviceTrace t = seconds(2);
        EcgCapture c = EcgCapture.open(t, 600);
        assertThat(c.poll()).isEqualTo(EcgCapture.State.RUNNING);
        long startedAt = t.commonEnd();
        seconds(4.5);
        assertThat(c.poll()).isEqualTo(EcgCapture.State.RUNNING);
        assertThat(c.recordedSeconds()).isEqualTo(4.5);
        c.stop();
        assertThat(c.poll()).isEqualTo(EcgCapture.State.COMPLETE);
        assertThat(c.record().durationSeconds()).isEqualTo(4.5);
        assertThat(Chunks.sampleOf(lead(c.record(), "I").samples()[0])).isEqualTo(startedAt);
    }

    @Test
    void waitsForTheLeadsToLineUpAndAStopBeforeAnythingCameCancels() {
        feed(live, cyton.round().subList(3, 8));
        live.drain();
        DeviceTrace t = live.trace("cyton").orElseThrow();
        EcgCapture c = EcgCapture.open(t, 600);
        assertThat(c.poll()).isEqualTo(EcgCapture.State.WAITING);
        c.stop();
        assertThat(c.poll()).isEqualTo(EcgCapture.State.FAILED);
        assertThat(c.interrupted()).isFalse();
        assertThat(List.of(c.progress(), c.recordedSeconds())).containsOnly(0.0);
    }
}
