package org.vitalis.ui.ecg;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vitalis.device.driver.DeviceGap;
import org.vitalis.device.driver.DeviceState;
import org.vitalis.device.driver.DeviceStatus;
import org.vitalis.device.driver.WaveformChunk;

class LiveEcgTest {
    static final List<String> CYTON = List.of("I", "II", "V1", "V2", "V3", "V4", "V5", "V6");

    /** Every channel's sample n holds the device's sample of one and the same instant. */
    static void assertAligned(DeviceTrace t) {
        long from = t.commonStart();
        long to = t.commonEnd();
        assertThat(to).isGreaterThan(from);
        long offset = Long.MIN_VALUE;
        for (ChannelRing r : t.channels()) {
            for (long i = from; i < to; i++) {
                long device = Chunks.sampleOf(r.count(i));
                if (offset == Long.MIN_VALUE) {
                    offset = device - i;
                }
                assertThat(device - i).as("channel %s at %d", r.label(), i).isEqualTo(offset);
            }
        }
    }

    static void feed(LiveEcg live, List<WaveformChunk> chunks) {
        chunks.forEach(live::offer);
    }

    @Test
    void keepsEverySampleOfASingleLead() {
        LiveEcg live = new LiveEcg();
        Chunks ascii = new Chunks("ecg-1", List.of("ECG"), 250, 25, 341);
        for (int i = 0; i < 300; i++) {
            feed(live, ascii.round());
            if (i % 3 == 0) {
                live.drain();
            }
        }
        live.drain();
        assertThat(live.received()).isEqualTo(300 * 25);
        assertThat(live.buffered()).isEqualTo(live.received());
        assertThat(live.dropped()).isZero();
        assertThat(live.ignored()).isZero();
        DeviceTrace t = live.trace("ecg-1").orElseThrow();
        assertThat(t.synchronised()).isTrue();
        assertThat(t.commonEnd() - t.commonStart()).isEqualTo(300 * 25);
        assertThat(t.leads()).extracting(LeadSignal::label).containsExactly("ECG");
        assertThat(t.leads().getFirst().millivolts(t.commonStart() + 10)).isEqualTo(Chunks.count(10, 0) / 341.0);
    }

    @Test
    void listeningFromTheMiddleOfARoundLinesTheLeadsUp() {
        for (int skip = 0; skip < CYTON.size(); skip++) {
            LiveEcg live = new LiveEcg();
            Chunks cyton = new Chunks("cyton", CYTON, 250, 25, 24_000);
            List<WaveformChunk> first = cyton.round();
            feed(live, first.subList(skip, first.size()));
            for (int i = 0; i < 4; i++) {
                feed(live, cyton.round());
            }
            live.drain();
            DeviceTrace t = live.trace("cyton").orElseThrow();
            assertThat(t.synchronised()).as("skipping %d", skip).isTrue();
            assertAligned(t);
            assertThat(t.commonEnd() - t.commonStart()).isEqualTo(4 * 25 + (skip == 0 ? 25 : 0));
            assertThat(live.buffered()).isEqualTo(live.received());
        }
    }

    @Test
    void linesUpWhenOneReadHeldSeveralRounds() {
        LiveEcg live = new LiveEcg();
        Chunks cyton = new Chunks("cyton", CYTON, 250, 25, 24_000);
        List<WaveformChunk> first = cyton.round();
        feed(live, first.subList(5, first.size()));
        // The next two rounds came in the same read as the first: same arrival stamp, no visible boundary.
        feed(live, cyton.round(false));
        feed(live, cyton.round(false));
        for (int i = 0; i < 3; i++) {
            feed(live, cyton.round());
        }
        live.drain();
        DeviceTrace t = live.trace("cyton").orElseThrow();
        assertThat(t.synchronised()).isTrue();
        assertAligned(t);
        assertThat(t.leads()).extracting(LeadSignal::label).containsExactly("I", "II", "III", "aVR", "aVL", "aVF",
                "V1", "V2", "V3", "V4", "V5", "V6");
    }

    @Test
    void aLostChunkAGapOrDroppedEventsStartTheTraceOver() {
        LiveEcg live = new LiveEcg();
        Chunks cyton = new Chunks("cyton", CYTON, 250, 25, 24_000);
        for (int i = 0; i < 5; i++) {
            feed(live, cyton.round());
        }
        live.drain();
        DeviceTrace t = live.trace("cyton").orElseThrow();
        assertThat(t.synchronised()).isTrue();
        int generation = t.generation();

        List<WaveformChunk> lossy = cyton.round();
        feed(live, lossy.subList(0, 3));
        feed(live, lossy.subList(4, 8));
        feed(live, cyton.round());
        live.drain();
        assertThat(t.generation()).isEqualTo(generation + 1);
        assertThat(t.synchronised()).isFalse();
        for (int i = 0; i < 3; i++) {
            feed(live, cyton.round());
        }
        live.drain();
        assertThat(t.synchronised()).isTrue();
        assertAligned(t);

        live.listener().gap(new DeviceGap("cyton", Instant.now(), Instant.now()));
        live.drain();
        assertThat(t.generation()).isEqualTo(generation + 2);

        var listener = live.listener();
        listener.status(status(3));
        listener.status(status(3));
        live.drain();
        assertThat(t.generation()).isEqualTo(generation + 2);
        listener.status(status(5));
        live.drain();
        assertThat(t.generation()).isEqualTo(generation + 3);
        assertThat(t.cleared()).isPositive();
        // Numbers never run backwards, so a sweep continues where it was.
        feed(live, cyton.round());
        live.drain();
        assertThat(t.commonStart()).isGreaterThanOrEqualTo(9 * 25);
    }

    private static DeviceStatus status(long dropped) {
        return new DeviceStatus("cyton", DeviceState.STREAMING, null, Instant.now(), null, null, 0, 0, 0, dropped,
                null, null);
    }

    @Test
    void nothingBeforeTheFirstCheckedRoundIsRecordable() {
        LiveEcg live = new LiveEcg();
        Chunks cyton = new Chunks("cyton", CYTON, 250, 25, 24_000);
        feed(live, cyton.round());
        feed(live, cyton.round(false));
        live.drain();
        DeviceTrace t = live.trace("cyton").orElseThrow();
        assertThat(t.recordableStart()).isEqualTo(Long.MAX_VALUE);
        feed(live, cyton.round());
        live.drain();
        assertThat(t.recordableStart()).isEqualTo(50);
    }

    @Test
    void otherChannelsAndOtherRatesAreNotMixedIn() {
        LiveEcg live = new LiveEcg();
        live.offer(new WaveformChunk("ox", "pleth", 75, Instant.now(), new double[] {1, 2, 3}, "1"));
        assertThat(live.received()).isZero();
        Chunks cyton = new Chunks("cyton", List.of("I"), 250, 25, 24_000);
        feed(live, cyton.round());
        live.offer(new WaveformChunk("cyton", "aux", 125, Instant.now(), new double[] {0.1, 0.2}, "mV"));
        live.drain();
        assertThat(live.ignored()).isEqualTo(2);
        assertThat(live.buffered() + live.ignored()).isEqualTo(live.received());
        assertThat(live.devices()).containsExactly("cyton");
    }

    @Test
    void valuesWithoutCountsAreKeptToTheMicrovolt() {
        LiveEcg live = new LiveEcg();
        Instant t0 = Instant.parse("2025-03-01T08:00:00Z");
        for (int i = 0; i < 3; i++) {
            live.offer(new WaveformChunk("m", "II", 500, t0.plusMillis(100L * i), new double[] {0.0014, -1.2345, 2.5},
                    "mV"));
        }
        live.offer(new WaveformChunk("m", "II", 500, t0.plusMillis(400), new double[] {Double.NaN}, "mV"));
        live.drain();
        assertThat(LiveEcg.counts(new WaveformChunk("m", "II", 500, t0, new double[] {0.0014, -1.2346}, "mV")))
                .containsExactly(1, -1235);
        DeviceTrace t = live.trace("m").orElseThrow();
        // The value that is not a number is not stored; the trace starts over after it.
        assertThat(live.ignored()).isEqualTo(1);
        assertThat(t.generation()).isEqualTo(1);
    }

    @Test
    void aDeviceTenTimesTooFastLosesNothingFromTheBuffer() {
        LiveEcg live = new LiveEcg(Duration.ofMinutes(1));
        // Declares 500 Hz, sends 5,000 samples a second: chunks of 500 ten times a second.
        Chunks fast = new Chunks("fast", LeadOrder.TWELVE, 500, 500, 1000);
        for (int s = 0; s < 10 * 10; s++) {
            feed(live, fast.round());
            live.drain();
        }
        assertThat(live.buffered()).isEqualTo(live.received()).isEqualTo(100L * 500 * 12);
        assertThat(live.dropped()).isZero();
    }
}
