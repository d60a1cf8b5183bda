package org.vitalis.ui.ecg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.vitalis.device.driver.WaveformChunk;
import org.vitalis.ecg.format.EcgLead;
import org.vitalis.ui.Fx;

/** The paper's scale on screen and the sweep, drawn on a real canvas and read back pixel by pixel. */
class EcgSweepTest {
    /** 254 dpi: exactly 10 pixels per millimetre, so distances read off in whole pixels. */
    private static final double TEN_PX_PER_MM = EcgPaper.pxPerMm(254, 1);

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void millimetresComeFromTheScreensResolution() {
        assertThat(EcgPaper.pxPerMm(96, 1)).isCloseTo(96 / 25.4, within(1e-12));
        assertThat(EcgPaper.pxPerMm(192, 2)).isCloseTo(96 / 25.4, within(1e-12));
        assertThat(EcgPaper.pxPerMm(0, 1)).isCloseTo(96 / 25.4, within(1e-12));
        assertThat(TEN_PX_PER_MM).isCloseTo(10, within(1e-12));
        EcgPaper paper = EcgPaper.standard(TEN_PX_PER_MM);
        EcgLayout layout = EcgLayout.of(List.of(flat(2500)), paper, 1200, true);
        // 25 mm/s: one second is 25 mm; 10 mm/mV: one millivolt is 10 mm.
        assertThat(layout.x(1) - layout.x(0)).isCloseTo(250, within(1e-9));
        assertThat(paper.pxPerMillivolt()).isCloseTo(100, within(1e-9));
        assertThat(EcgLayout.of(List.of(flat(2500)), paper.withSpeed(50), 1200, true).x(1)
                - EcgLayout.of(List.of(flat(2500)), paper.withSpeed(50), 1200, true).x(0)).isCloseTo(500, within(1e-9));
    }

    @Test
    void twelveLeadsGoFourByThreeWithARhythmStrip() {
        List<LeadSignal> leads = LeadOrder.TWELVE.stream().map(l -> (LeadSignal) named(l, 5000)).toList();
        EcgLayout layout = EcgLayout.of(leads, EcgPaper.standard(TEN_PX_PER_MM), 2600, true);
        assertThat(layout.twelveLead()).isTrue();
        assertThat(layout.rows()).hasSize(4);
        assertThat(layout.rows().get(0).cells()).extracting(c -> c.lead().label()).containsExactly("I", "aVR", "V1", "V4");
        assertThat(layout.rows().get(2).cells()).extracting(c -> c.lead().label()).containsExactly("III", "aVF", "V3", "V6");
        assertThat(layout.rows().get(3).cells()).extracting(c -> c.lead().label()).containsExactly("II");
        assertThat(layout.rows().get(1).cells().get(2).fromS()).isCloseTo(layout.pageSeconds() / 2, within(1e-12));
        assertThat(EcgLayout.of(leads.subList(0, 3), EcgPaper.standard(TEN_PX_PER_MM), 2600, true).rows()).hasSize(3);
    }

    @Test
    void theCalibrationPulseIsOneMillivoltTall() {
        WritableImage image = Fx.call(() -> {
            EcgStrip strip = new EcgStrip(new Canvas(1200, 100), EcgPaper.standard(TEN_PX_PER_MM));
            strip.show(List.of(flat(2500)), new int[0]);
            return strip.canvas().snapshot(null, null);
        });
        EcgLayout layout = EcgLayout.of(List.of(flat(2500)), EcgPaper.standard(TEN_PX_PER_MM), 1200, true);
        double baseline = layout.rows().getFirst().baseline();
        // Halfway along the 200 ms pulse: 2 mm margin, then 2.5 mm at 25 mm/s.
        int column = (int) Math.round(45);
        int top = firstDark(image.getPixelReader(), column, 0, (int) baseline + 5);
        assertThat(baseline - top).isCloseTo(100, within(1.5));
        // The pulse lasts 200 ms: 5 mm.
        int row = (int) Math.round(baseline - 50);
        int left = firstDarkInRow(image.getPixelReader(), row, 0, 200);
        int right = lastDarkInRow(image.getPixelReader(), row, 0, (int) layout.margin());
        assertThat(right - left).isCloseTo(50, within(2));
    }

    @Test
    void theSweepPutsEachSampleAtItsTime() {
        LiveEcg live = new LiveEcg();
        Instant t0 = Instant.parse("2025-03-01T08:00:00Z");
        // One lead at 250 Hz, flat but for a 1 mV spike at sample 250 (1 s).
        for (int chunk = 0; chunk < 20; chunk++) {
            int[] counts = new int[25];
            for (int k = 0; k < 25; k++) {
                counts[k] = chunk * 25 + k == 250 ? 1000 : 0;
            }
            live.offer(new WaveformChunk("d", "II", 250, t0.plusMillis(100L * chunk), new double[25], "mV", counts,
                    1000, 0));
        }
        WritableImage image = Fx.call(() -> {
            live.drain();
            EcgSweep sweep = new EcgSweep(new Canvas(1200, 100), EcgPaper.standard(TEN_PX_PER_MM));
            sweep.show(live.trace("d").orElseThrow());
            sweep.frame();
            return sweep.canvas().snapshot(null, null);
        });
        EcgLayout layout = EcgLayout.of(List.of(flat(500)), EcgPaper.standard(TEN_PX_PER_MM), 1200, true);
        double baseline = layout.rows().getFirst().baseline();
        int spikeRow = (int) Math.round(baseline - 90);
        int x = firstDarkInRow(image.getPixelReader(), spikeRow, (int) layout.margin(), 1200);
        assertThat((double) x).isCloseTo(layout.x(1.0), within(1.5));
        int top = firstDark(image.getPixelReader(), x, 0, (int) baseline);
        assertThat(baseline - top).isCloseTo(100, within(1.5));
    }

    @Test
    void twelveLeadsAt500HzReachTheScreenWithNothingDropped() {
        LiveEcg live = new LiveEcg();
        Chunks cyton = new Chunks("c", LiveEcgTest.CYTON, 500, 50, 1000);
        long[] counters = Fx.call(() -> {
            EcgSweep sweep = new EcgSweep(new Canvas(1000, 100), EcgPaper.standard(EcgPaper.pxPerMm(96, 1)));
            // 30 s: a round of chunks every 0.1 s, six frames per round (60 frames a second).
            for (int round = 0; round < 300; round++) {
                LiveEcgTest.feed(live, cyton.round());
                for (int frame = 0; frame < 6; frame++) {
                    live.drain();
                    sweep.show(live.trace("c").orElseThrow());
                    sweep.frame();
                }
            }
            DeviceTrace t = live.trace("c").orElseThrow();
            return new long[] {live.received(), live.buffered(), sweep.drawn(), sweep.skipped(),
                t.commonEnd() - t.commonStart(), (long) Math.ceil(500 / sweep.paper().pxPerSecond())};
        });
        assertThat(counters[0]).isEqualTo(300L * 50 * 8);
        assertThat(counters[1]).isEqualTo(counters[0]);
        assertThat(counters[3]).isZero();
        // Drawn up to the pixel column still filling.
        assertThat(counters[2]).isBetween(counters[4] - counters[5] - 1, counters[4]);
    }

    @Test
    void aBurstCostsOnePageOnScreenAndNothingInTheBuffer() {
        LiveEcg live = new LiveEcg();
        Chunks cyton = new Chunks("c", LiveEcgTest.CYTON, 500, 50, 1000);
        long[] counters = Fx.call(() -> {
            EcgSweep sweep = new EcgSweep(new Canvas(1000, 100), EcgPaper.standard(EcgPaper.pxPerMm(96, 1)));
            LiveEcgTest.feed(live, cyton.round());
            live.drain();
            sweep.show(live.trace("c").orElseThrow());
            sweep.frame();
            // The screen stalls for a minute, then catches up in one frame.
            for (int round = 0; round < 600; round++) {
                LiveEcgTest.feed(live, cyton.round());
            }
            live.drain();
            sweep.frame();
            return new long[] {live.received(), live.buffered(), sweep.drawn(), sweep.skipped()};
        });
        assertThat(counters[1]).isEqualTo(counters[0]);
        assertThat(counters[3]).isPositive();
        // One frame drew at most a page (about 10 s at 500 Hz).
        assertThat(counters[2]).isLessThan(6_000);
    }

    private static boolean dark(Color c) {
        return c.getBrightness() < 0.35;
    }

    private static int firstDark(PixelReader px, int x, int fromY, int toY) {
        for (int y = fromY; y < toY; y++) {
            if (dark(px.getColor(x, y))) {
                return y;
            }
        }
        throw new AssertionError("no trace in column " + x);
    }

    private static int firstDarkInRow(PixelReader px, int y, int fromX, int toX) {
        for (int x = fromX; x < toX; x++) {
            if (dark(px.getColor(x, y))) {
                return x;
            }
        }
        throw new AssertionError("no trace in row " + y);
    }

    private static int lastDarkInRow(PixelReader px, int y, int fromX, int toX) {
        for (int x = toX - 1; x >= fromX; x--) {
            if (dark(px.getColor(x, y))) {
                return x;
            }
        }
        throw new AssertionError("no trace in row " + y);
    }

    private static LeadSignal flat(int n) {
        return named("II", n);
    }

    private static LeadSignal named(String label, int n) {
        return new RecordedLead(new EcgLead(label, new int[n], 1000, 0, "mV"), 250);
    }
}
