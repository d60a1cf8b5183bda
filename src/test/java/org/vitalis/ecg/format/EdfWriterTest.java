package org.vitalis.ecg.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vitalis.ecg.SharedData;

/** EDF+ writing and reading of self-made records (no shared data needed), and a round trip of a real file. */
class EdfWriterTest {
    private static final ZoneId UTC = ZoneOffset.UTC;

    @TempDir
    Path tmp;

    static EcgRecord mitLike(int n, Instant start, List<EcgEvent> events) {
        int[] a = new int[n];
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = 1024 + (int) Math.round(300 * Math.sin(i / 20.0));
            b[i] = 1024 - (i % 97) * 5;
        }
        return new EcgRecord("rec", start, 360, List.of(new EcgLead("MLII", a, 200, 1024, "mV"), new EcgLead("V5", b, 200, 1024, "mV")),
                List.of(), events);
    }

    static void assertSameRecording(EcgRecord actual, EcgRecord expected) {
        assertThat(actual.samplingFrequency()).isEqualTo(expected.samplingFrequency());
        assertThat(actual.start()).isEqualTo(expected.start());
        assertThat(actual.events()).containsExactlyInAnyOrderElementsOf(expected.events());
        assertThat(actual.leads()).hasSameSizeAs(expected.leads());
        for (int i = 0; i < expected.leads().size(); i++) {
            EcgLead a = actual.leads().get(i);
            EcgLead e = expected.leads().get(i);
            assertThat(a.label()).isEqualTo(e.label());
            assertThat(a.unit()).isEqualTo(e.unit());
            assertThat(a.samples()).as(e.label()).isEqualTo(e.samples());
            assertThat(a.gain()).as("gain of " + e.label()).isEqualTo(e.gain());
            assertThat(a.baseline()).isEqualTo(e.baseline());
        }
    }

    @Test
    void selfMadeRecordRoundTripsExactly() throws IOException {
        Instant start = LocalDateTime.of(2026, 11, 24, 9, 30, 15, 125_000_000).toInstant(ZoneOffset.UTC);
        List<EcgEvent> events = List.of(new EcgEvent(0, 0, "start"), new EcgEvent(1.5, 0.25, "PVC"),
                new EcgEvent(-0.5, 0, "before the first sample"), new EcgEvent(9.999, 2, "\u00e9v\u00e9nement \u4e2d\u6587"));
        EcgRecord rec = mitLike(3600, start, events);
        Path file = tmp.resolve("rec.edf");
        EdfWriter.write(rec, file, UTC);
        EdfFile back = EdfReader.read(file, UTC);
        assertSameRecording(back.record(), rec);
        assertThat(back.record().id()).isEqualTo("rec");
        assertThat(back.header().reserved()).isEqualTo("EDF+C");
        assertThat(back.header().recordDuration()).isEqualTo(1.0);
        assertThat(back.localStart()).isEqualTo(LocalDateTime.of(2026, 11, 24, 9, 30, 15, 125_000_000));
        assertThat(back.header().patient().name()).isEmpty();
    }

    @Test
    void zoneTurnsLocalClockTimeIntoTheInstant() {
        Instant start = Instant.parse("2026-03-29T00:30:00Z");
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        byte[] edf = EdfWriter.toBytes(mitLike(360, start, List.of()), berlin);
        assertThat(new String(edf, 168, 16, StandardCharsets.US_ASCII)).isEqualTo("29.03.2601.30.00");
        assertThat(EdfReader.read(edf, "mem", "mem", berlin).record().start()).isEqualTo(start);
    }

    @Test
    void unknownStartStaysUnknown() {
        EcgRecord rec = mitLike(720, null, List.of(new EcgEvent(1, 0, "x")));
        EcgRecord withEmpty = mitLike(720, null, List.of(new EcgEvent(1, 0, "x"), new EcgEvent(2, 0, "")));
        assertThat(EdfReader.read(EdfWriter.toBytes(withEmpty, UTC), "mem", "rec", UTC).events()).containsExactly(new EcgEvent(1, 0, "x"));
        EdfFile back = EdfReader.read(EdfWriter.toBytes(rec, UTC), "mem", "rec", UTC);
        assertThat(back.header().recordingField()).startsWith("Startdate X");
        assertSameRecording(back.record(), rec);
    }

    @Test
    void awkwardLengthIsPaddedWithTheLastSample() {
        // 1001 samples at 360 Hz: exact durations need a multiple of 9 samples (9 / 360 = 0.025 s), and 9 does not divide 1001.
        EcgRecord rec = mitLike(1001, Instant.EPOCH.plusSeconds(86400L * 365 * 20), List.of());
        EdfFile back = EdfReader.read(EdfWriter.toBytes(rec, UTC), "mem", "rec", UTC);
        int[] a = back.record().leads().getFirst().samples();
        assertThat(a.length).isGreaterThan(1001);
        assertThat(Arrays.copyOf(a, 1001)).isEqualTo(rec.leads().getFirst().samples());
        assertThat(a[a.length - 1]).isEqualTo(rec.leads().getFirst().samples()[1000]);
        assertThat(back.record().samplingFrequency()).isEqualTo(360.0);
    }

    @Test
    void durationDividesTheSampleCountWhenItCan() {
        assertThat(EdfWriter.samplesPerRecord(500, 5000)).isEqualTo(500);
        assertThat(EdfWriter.samplesPerRecord(360, 360 * 7 + 9)).isEqualTo(9 * 281);
        assertThat(EdfWriter.samplesPerRecord(128, 100)).isEqualTo(100);
    }

    @Test
    void fractionalBaselineAndOddGainRoundTrip() {
        int[] x = {-32768, -1, 0, 1, 32767};
        EcgRecord rec = new EcgRecord("odd", null, 1000, List.of(new EcgLead("I", x, 32.7675, 0, "uV"),
                new EcgLead("II", x.clone(), 1 / 3.0, -7, "mV"), new EcgLead("Temp", x.clone(), 100, 0, "Cel")), null, null);
        EcgRecord back = EdfReader.read(EdfWriter.toBytes(rec, UTC), "mem", "odd", UTC).record();
        for (int i = 0; i < 3; i++) {
            EcgLead a = back.leads().get(i);
            EcgLead e = rec.leads().get(i);
            assertThat(a.samples()).isEqualTo(e.samples());
            assertThat(a.baseline()).isEqualTo(e.baseline());
            // samples span the whole 16-bit range, so the ranges cannot be tuned: gain agrees to EDF's 8 characters
            assertThat(a.gain()).isCloseTo(e.gain(), Percentage.withPercentage(1e-3));
            assertThat(a.unit()).isEqualTo(e.unit());
        }
    }

    @Test
    void samplesBeyondSixteenBitsAreRefused() {
        EcgRecord rec = new EcgRecord("big", null, 100, List.of(new EcgLead("I", new int[] {0, 40000}, 1, 0, "uV")), null, null);
        assertThatThrownBy(() -> EdfWriter.toBytes(rec, UTC)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16-bit");
    }

    @Test
    void realFileRoundTrips() throws IOException {
        Path dir = SharedData.require("edf/pyedflib");
        for (String name : List.of("test_generator.edf", "test_subsecond.edf", "test_utf8.edf")) {
            EcgRecord first = EdfReader.read(dir.resolve(name), UTC).record();
            Path out = tmp.resolve(name);
            EdfWriter.write(first, out, UTC);
            EcgRecord second = EdfReader.read(out, UTC).record();
            assertSameRecording(second, first);
        }
    }

    // ---- reader behaviour on hand-edited headers ----

    private static byte[] patch(byte[] edf, int offset, int width, String text) {
        byte[] b = edf.clone();
        byte[] t = String.format("%-" + width + "s", text).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(t, 0, b, offset, width);
        return b;
    }

    private static byte[] sample() {
        return EdfWriter.toBytes(mitLike(3600, Instant.parse("2020-05-06T07:08:09Z"), List.of(new EcgEvent(2, 0, "a"))), UTC);
    }

    @Test
    void unknownRecordCountIsCountedFromTheFile() {
        EdfFile f = EdfReader.read(patch(sample(), 236, 8, "-1"), "mem", "x", UTC);
        assertThat(f.header().dataRecords()).isEqualTo(10);
        assertThat(f.record().sampleCount()).isEqualTo(3600);
    }

    @Test
    void truncatedFileIsRefusedNamingTheFile() {
        byte[] b = sample();
        assertThatThrownBy(() -> EdfReader.read(Arrays.copyOf(b, b.length - 1), "short.edf", "x", UTC))
                .isInstanceOf(EdfFormatException.class).hasMessageStartingWith("short.edf: ").hasMessageContaining("data records");
        assertThatThrownBy(() -> EdfReader.read(patch(b, 236, 8, "99999999"), "lie.edf", "x", UTC))
                .isInstanceOf(EdfFormatException.class).hasMessageContaining("99999999");
        assertThatThrownBy(() -> EdfReader.read(patch(b, 252, 4, "9999"), "lie.edf", "x", UTC))
                .isInstanceOf(EdfFormatException.class).hasMessageContaining("header");
    }

    @Test
    void twoDigitYearsAreClippedTo1985Through2084() {
        byte[] plain = patch(sample(), 192, 44, "");
        assertThat(EdfReader.read(patch(plain, 168, 8, "01.02.85"), "m", "x", UTC).localStart().getYear()).isEqualTo(1985);
        assertThat(EdfReader.read(patch(plain, 168, 8, "01.02.84"), "m", "x", UTC).localStart().getYear()).isEqualTo(2084);
        // EDF+ after 2084: "yy" in the header, the year from Startdate
        byte[] late = patch(patch(sample(), 168, 8, "06.05.yy"), 88, 80, "Startdate 06-MAY-2101 X X X");
        assertThat(EdfReader.read(late, "m", "x", UTC).localStart()).isEqualTo(LocalDateTime.of(2101, 5, 6, 7, 8, 9));
    }

    @Test
    void plainEdfHasNoAnnotationsOrSubfields() {
        EdfFile f = EdfReader.read(patch(sample(), 192, 44, ""), "m", "x", UTC);
        assertThat(f.header().isEdfPlus()).isFalse();
        assertThat(f.header().patient()).isNull();
        assertThat(f.events()).isEmpty();
        assertThat(f.record().leads()).hasSize(2);
    }

    @Test
    void discontinuousFilesAreReadOnlyWithoutGaps() {
        byte[] d = patch(sample(), 192, 44, "EDF+D");
        assertThat(EdfReader.read(d, "m", "x", UTC).record().sampleCount()).isEqualTo(3600);
        // move record 3's time-keeping TAL from +3 to +4: a one-second gap
        int headerBytes = 256 * 4;
        int recordBytes = (3600 / 10 * 2 + annotationSpr(d)) * 2;
        int at = headerBytes + 3 * recordBytes + 2 * 360 * 2;
        assertThat((char) d[at + 1]).isEqualTo('3');
        d[at + 1] = '4';
        assertThatThrownBy(() -> EdfReader.read(d, "gap.edf", "x", UTC)).isInstanceOf(EdfFormatException.class)
                .hasMessageContaining("gap.edf").hasMessageContaining("record 3").hasMessageContaining("gaps");
    }

    private static int annotationSpr(byte[] edf) {
        int ns = 3;
        int sprField = 256 + ns * (16 + 80 + 8 + 8 + 8 + 8 + 8 + 80) + 2 * 8;
        return Integer.parseInt(new String(edf, sprField, 8, StandardCharsets.US_ASCII).strip());
    }

    @Test
    void mainRateFollowsTheVoltageLeads() {
        // one uV lead at 250 Hz and two temperature signals at 500 Hz: the ECG rate wins
        EcgRecord rec = mitLike(720, null, List.of());
        byte[] b = EdfWriter.toBytes(rec, UTC);
        int ns = 3;
        int dims = 256 + ns * (16 + 80);
        int spr = 256 + ns * (16 + 80 + 8 + 8 + 8 + 8 + 8 + 80);
        b = patch(b, dims + 8, 8, "degC");
        b = patch(b, spr, 8, "180");
        b = patch(b, spr + 8, 8, "360");
        b = patch(b, 236, 8, "-1");
        // plain EDF, so the moved annotation bytes are not read as TALs
        b = patch(b, 192, 44, "");
        EdfFile f = EdfReader.read(b, "m", "x", UTC);
        assertThat(f.record().samplingFrequency()).isEqualTo(180.0);
        assertThat(f.record().leads()).extracting(EcgLead::label).containsExactly("MLII");
        assertThat(f.skipped()).singleElement().satisfies(s -> {
            assertThat(s.label()).isEqualTo("V5");
            assertThat(s.reason()).contains("360.0 Hz");
        });
    }
}
