package org.vitalis.ecg.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vitalis.ecg.SharedData;

/**
 * Reads the EDF/BDF test files of pyedflib and wfdb-python and checks what their own test suites expect of them
 * (pyedflib tests/test_edfreader.py), plus what the EDF+ spec says where pyedflib differs.
 */
class EdfReaderTest {
    private static final ZoneId UTC = ZoneOffset.UTC;

    private static Path pyedflib(String name) {
        return SharedData.require("edf/pyedflib").resolve(name);
    }

    private static Path wfdbPython(String name) {
        return SharedData.require("edf/wfdb-python").resolve(name);
    }

    @Test
    void testGeneratorEdfMatchesPyedflib() throws IOException {
        EdfFile f = EdfReader.read(pyedflib("test_generator.edf"), UTC);
        EdfHeader h = f.header();
        assertThat(h.ordinarySignals()).hasSize(11);
        assertThat(h.dataRecords()).isEqualTo(600);
        assertThat(h.recordDuration()).isEqualTo(1.0);
        assertThat(h.isEdfPlus()).isTrue();
        assertThat(h.isDiscontinuous()).isFalse();
        assertThat(h.startDateTime()).isEqualTo(LocalDateTime.of(2011, 4, 4, 12, 57, 2));
        assertThat(h.patient()).isEqualTo(new EdfHeader.Patient("abcxyz99", "M", LocalDate.of(1969, 6, 30), "Hans Muller", "patient"));
        assertThat(h.recording()).isEqualTo(new EdfHeader.Recording(LocalDate.of(2011, 4, 4), "Dr. X", "Mr. Spotty", "test generator", "unit test file"));
        EdfSignal s0 = h.signals().getFirst();
        assertThat(s0.prefiltering()).isEqualTo("pre1");
        assertThat(s0.transducer()).isEqualTo("trans1");
        assertThat(h.ordinarySignals()).extracting(EdfSignal::physicalDimension).containsOnly("uV");

        EcgRecord r = f.record();
        assertThat(f.skipped()).isEmpty();
        assertThat(r.id()).isEqualTo("test_generator");
        assertThat(r.samplingFrequency()).isEqualTo(200.0);
        assertThat(r.sampleCount()).isEqualTo(120000);
        assertThat(r.start()).isEqualTo(LocalDateTime.of(2011, 4, 4, 12, 57, 2).toInstant(ZoneOffset.UTC));
        assertThat(r.leads()).extracting(EcgLead::label).containsExactly("squarewave", "ramp", "pulse", "noise", "sine 1 Hz",
                "sine 8 Hz", "sine 8.1777 Hz", "sine 8.5 Hz", "sine 15 Hz", "sine 17 Hz", "sine 50 Hz");
        assertThat(r.events()).containsExactly(new EcgEvent(0, 0, "Recording starts"), new EcgEvent(600, 0, "Recording ends"));

        // The generator's square wave is +-100 uV: digital 3276 in the -32768..32767 <-> -1000..1000 uV range.
        EcgLead square = r.leads().getFirst();
        assertThat(square.samples()[0]).isEqualTo(3276);
        assertThat(square.samples()[5000]).isEqualTo(-3276);
        assertThat(square.unit()).isEqualTo("uV");
        assertThat(square.gain()).isEqualTo(65535.0 / 2000.0);
        assertThat(s0.offset()).isEqualTo(-0.5);
        assertThat(s0.toPhysical(3276)).isCloseTo(100.0, within(0.01));
        for (int i = 0; i < r.leads().size(); i++) {
            EcgLead lead = r.leads().get(i);
            EdfSignal s = h.signals().get(i);
            for (int k = 0; k < lead.samples().length; k += 997) {
                // the integer baseline is within half a digital step of EDF's exact map
                assertThat(lead.microvolts(k)).isCloseTo(s.toPhysical(lead.samples()[k]), within(0.5 / lead.gain() + 1e-9));
            }
        }
        assertThat(r.leads().get(1).samples()).startsWith(-3276, -3243);
        assertThat(r.leads().get(3).samples()[119999]).isEqualTo(819);
    }

    @Test
    void bdfKeepsTheMainRateAndListsTheOthers() throws IOException {
        EdfFile f = EdfReader.read(pyedflib("test_generator.bdf"), UTC);
        assertThat(f.header().bdf()).isTrue();
        assertThat(f.header().ordinarySignals()).hasSize(5);
        assertThat(f.header().dataRecords()).isEqualTo(30);
        assertThat(f.header().ordinarySignals()).extracting(s -> s.samplingFrequency(f.header().recordDuration()))
                .containsExactly(1000.0, 800.0, 500.0, 975.0, 999.0);
        EcgRecord r = f.record();
        assertThat(r.samplingFrequency()).isEqualTo(1000.0);
        assertThat(r.leads()).extracting(EcgLead::label).containsExactly("sine 5Hz");
        assertThat(r.sampleCount()).isEqualTo(30 * 1000);
        assertThat(f.skipped()).extracting(EdfFile.SkippedSignal::label).containsExactly("square 13Hz", "ramp 7Hz", "pink noise", "white noise");
        assertThat(f.skipped()).extracting(EdfFile.SkippedSignal::samplingFrequency).containsExactly(800.0, 500.0, 975.0, 999.0);
        assertThat(f.skipped().getFirst().reason()).contains("800.0 Hz").contains("1000.0 Hz");
        EdfSignal s = f.header().signals().getFirst();
        assertThat(r.leads().getFirst().gain()).isEqualTo((8388607.0 + 8388608.0) / 6000.0);
        int[] x = r.leads().getFirst().samples();
        int max = 0;
        for (int v : x) {
            max = Math.max(max, Math.abs(v));
        }
        assertThat(max).as("24-bit samples use more than 16 bits").isGreaterThan(32767);
        assertThat(s.toPhysical(max)).isBetween(-3000.0, 3000.0);
    }

    @Test
    void bdfWithFractionalAndLongRecords() throws IOException {
        EdfFile half = EdfReader.read(pyedflib("test_generator_datarec_generator_0_5.bdf"), UTC);
        assertThat(half.header().recordDuration()).isEqualTo(0.5);
        assertThat(half.header().dataRecords()).isEqualTo(60);
        assertThat(half.header().ordinarySignals()).extracting(s -> s.samplingFrequency(0.5))
                .containsExactly(2000.0, 1600.0, 1000.0, 1950.0, 1998.0);
        assertThat(half.record().samplingFrequency()).isEqualTo(2000.0);
        assertThat(half.record().sampleCount()).isEqualTo(60000);

        EdfFile two = EdfReader.read(pyedflib("test_generator_datarec_generator_2.bdf"), UTC);
        assertThat(two.header().recordDuration()).isEqualTo(2.0);
        assertThat(two.header().dataRecords()).isEqualTo(15);
        assertThat(two.header().ordinarySignals()).extracting(s -> s.samplingFrequency(2.0))
                .containsExactly(500.0, 400.0, 250.0, 487.5, 499.5);
        assertThat(two.record().durationSeconds()).isEqualTo(30.0);
    }

    @Test
    void subsecondStartAndInvertedRange() throws IOException {
        EdfFile f = EdfReader.read(pyedflib("test_subsecond.edf"), UTC);
        // First time-keeping TAL is +0.3945312 (EDF+ spec 2.2.4: the first record starts that long after the header
        // time). pyedflib's test expects 04:05:56.039453, misplacing the digits; the spec gives .3945312.
        assertThat(f.localStart()).isEqualTo(LocalDateTime.of(2020, 1, 24, 4, 5, 56, 394_531_200));
        assertThat(f.header().startDateTime()).isEqualTo(LocalDateTime.of(2020, 1, 24, 4, 5, 56));
        assertThat(f.record().start()).isEqualTo(f.localStart().toInstant(ZoneOffset.UTC));
        // TAL onsets count from the header time; events count from the first sample.
        assertThat(f.events().getFirst().text()).isEqualTo("XLSpike");
        assertThat(f.events().getFirst().onsetSeconds()).isCloseTo(2.3457031 - 0.3945312, within(1e-12));
        assertThat(f.events()).extracting(EcgEvent::text).startsWith("XLSpike", "Clip Note", "XLEvent");

        // Fp1 maps 8711 uV to digital -32768 and -8711 uV to 32767: stored negated with a positive gain.
        EdfSignal s = f.header().signals().getFirst();
        EcgLead fp1 = f.record().leads().getFirst();
        assertThat(s.gain()).isNegative();
        assertThat(fp1.gain()).isEqualTo(-s.gain());
        assertThat(fp1.samples()[0]).isEqualTo(24);
        assertThat(fp1.microvolts(0)).isCloseTo(s.toPhysical(-24), within(0.5 / fp1.gain() + 1e-9));
        assertThat(f.record().samplingFrequency()).isEqualTo(128.0);
        assertThat(f.record().sampleCount()).isEqualTo(698 * 128);
    }

    @Test
    void utf8AnnotationText() throws IOException {
        EdfFile f = EdfReader.read(pyedflib("test_utf8.edf"), UTC);
        assertThat(f.events()).extracting(EcgEvent::text)
                .contains("\u4e2d\u6587\u6d4b\u8bd5\u516b\u4e2a\u5b57");
        EcgEvent e = f.events().stream().filter(x -> x.text().startsWith("\u4e2d")).findFirst().orElseThrow();
        assertThat(e.onsetSeconds()).isCloseTo(120 - 0.3945312, within(1e-12));
    }

    @Test
    void sameValuesAsTheWfdbConversion() throws IOException {
        EdfFile f = EdfReader.read(wfdbPython("test_generator_2.edf"), UTC);
        EcgRecord r = f.record();
        assertThat(r.leads()).hasSize(11);
        assertThat(r.start()).isEqualTo(LocalDateTime.of(2009, 12, 10, 12, 44, 2).toInstant(ZoneOffset.UTC));
        assertThat(r.events()).containsExactly(new EcgEvent(0, 0, "RECORD START"), new EcgEvent(600, 0, "REC STOP"));
        // Two signals have the dimension "°" (degree): kept, with that unit.
        assertThat(r.leads()).extracting(EcgLead::unit).containsOnly("uV", "\u00b0");

        // The WFDB header has 200 samples per frame (16x200), which WfdbHeader refuses; its signal lines still give
        // the scale once the frame count is stripped, and WfdbSampleDecoder decodes the frames as 2251 columns.
        Path hea = wfdbPython("test_generator_2.hea");
        String text = Files.readString(hea, StandardCharsets.ISO_8859_1).replaceAll("16x\\d+", "16");
        WfdbHeader wh = WfdbHeader.parse(text, hea.toString());
        assertThat(wh.signals()).hasSize(12);
        int frameWidth = 11 * 200 + 51;
        int[][] cols = WfdbSampleDecoder.decode(Files.readAllBytes(wfdbPython("test_generator_2.dat")), 0, 16, frameWidth,
                600, "test_generator_2.dat");
        for (int s = 0; s < 11; s++) {
            WfdbSignal ws = wh.signals().get(s);
            EcgLead lead = r.leads().get(s);
            assertThat(lead.label()).isEqualTo(ws.description());
            assertThat(lead.gain()).isEqualTo(ws.gain());
            assertThat(lead.baseline()).isEqualTo(ws.baseline());
            for (int frame = 0; frame < 600; frame++) {
                for (int j = 0; j < 200; j++) {
                    int wfdb = cols[s * 200 + j][frame];
                    int k = frame * 200 + j;
                    if (lead.samples()[k] != wfdb) {
                        throw new AssertionError(lead.label() + " sample " + k + ": EDF " + lead.samples()[k] + ", WFDB " + wfdb);
                    }
                }
            }
            int k = 12345;
            double physical = (lead.samples()[k] - lead.baseline()) / lead.gain();
            assertThat(physical).isEqualTo(ws.toPhysical(cols[s * 200 + k % 200][k / 200]));
        }
    }

    @Test
    void annotationOnlyFile() throws IOException {
        EdfFile f = EdfReader.read(wfdbPython("test_edfann.edf"), UTC);
        assertThat(f.hasRecord()).isFalse();
        assertThat(f.header().recordDuration()).isZero();
        assertThat(f.header().recording().startdate()).isNull();
        // header date 01.01.01: the 1985-2084 rule makes it 2001
        assertThat(f.localStart()).isEqualTo(LocalDateTime.of(2001, 1, 1, 23, 59, 30));
        assertThat(f.events()).hasSize(856);
        assertThat(f.events().getFirst()).isEqualTo(new EcgEvent(0, 30, "Sleep stage W"));
        assertThat(f.events()).contains(new EcgEvent(33.43, 0, "Lights off@@EEG F4-A1"));
        assertThat(f.events().getLast()).isEqualTo(new EcgEvent(25618.74, 0, "Lights on@@EEG Fpz-Cz"));
        List<String> stages = new ArrayList<>();
        for (EcgEvent e : f.events()) {
            if (e.text().startsWith("Sleep stage")) {
                stages.add(e.text());
            }
        }
        assertThat(stages).contains("Sleep stage N1", "Sleep stage N2");
    }
}
