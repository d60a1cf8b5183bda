package org.vitalis.ecg.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.vitalis.ecg.SharedData;

class AecgReaderTest {
    private static final String[] TWELVE = {"I", "II", "V1", "V2", "V3", "V4", "V5", "V6", "III", "aVR", "aVL", "aVF"};

    @Test
    void readsTheHl7ExampleRhythmLeadsNotTheMedianBeats() throws Exception {
        Path file = SharedData.require("ecg-formats/hl7-aecg").resolve("ecg_hl7.xml");
        assertTwelveLeadExample(AecgReader.read(file));
    }

    @Test
    void readsTheFdaExampleLikeTheHl7One() throws Exception {
        Path file = SharedData.require("ecg-formats/hl7-aecg/fda-aecg-python").resolve("Example_aECG.xml");
        EcgRecord r = AecgReader.read(file);
        assertTwelveLeadExample(r);
        // the second annotation set marks R peaks by time relative to the start, in lead I
        assertThat(r.events()).anySatisfy(e -> {
            assertThat(e.text()).isEqualTo("MDC_ECG_WAVC_RWAVE MDC_ECG_WAVC_PEAK in lead I");
            assertThat(e.onsetSeconds()).isEqualTo(0.332);
        });
    }

    private static void assertTwelveLeadExample(EcgRecord r) {
        // aecg-python reports the document UUID (tests/test_aecg_generalinfo.py)
        assertThat(r.id()).isEqualTo("61d1a24f-b47e-41aa-ae95-f8ac302f4eeb");
        assertThat(r.start()).isEqualTo(Instant.parse("2002-11-22T09:10:00Z"));
        assertThat(r.samplingFrequency()).isEqualTo(500.0);
        assertThat(r.leads()).extracting(EcgLead::label).containsExactly(TWELVE);
        assertThat(r.sampleCount()).isEqualTo(5000);
        EcgLead i = r.leads().getFirst();
        assertThat(i.unit()).isEqualTo("uV");
        assertThat(i.gain()).isEqualTo(0.4);
        assertThat(i.baseline()).isZero();
        assertThat(Arrays.copyOf(i.samples(), 5)).containsExactly(-2, -2, -2, -2, -3);
        assertThat(i.samples()[4999]).isEqualTo(-13);
        assertThat(i.microvolts(4)).isEqualTo(-7.5);
        // sums of every lead's digits, computed independently with Python's ElementTree
        int[] sums = {-4921, -4084, -2299, -2648, -3119, -2499, -3009, -1762, 837, 4432, -2721, -1570};
        for (int k = 0; k < 12; k++) {
            assertThat(Arrays.stream(r.leads().get(k).samples()).sum()).as(TWELVE[k]).isEqualTo(sums[k]);
        }
        assertThat(r.events()).anySatisfy(e -> {
            assertThat(e.text()).isEqualTo("MDC_ECG_RHY_SINUS_RHY");
            assertThat(e.onsetSeconds()).isZero();
            assertThat(e.durationSeconds()).isEqualTo(10.0);
        });
        assertThat(r.events()).anySatisfy(e -> {
            assertThat(e.text()).isEqualTo("MDC_ECG_WAVC_PWAVE");
            assertThat(e.onsetSeconds()).isCloseTo(0.122, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(e.durationSeconds()).isCloseTo(0.102, org.assertj.core.data.Offset.offset(1e-9));
        });
        assertThat(r.events()).anySatisfy(e -> assertThat(e.text()).isEqualTo("MDC_ECG_WAVC_TWAVE end"));
        // a beat's measurements sit at its first wave, not at the start of the recording
        assertThat(r.events()).anySatisfy(e -> {
            assertThat(e.text()).isEqualTo("MDC_ECG_TIME_PD_QT 420 ms");
            assertThat(e.onsetSeconds()).isEqualTo(0.912);
        });
    }

    @Test
    void readsTheMinimalDocument() throws Exception {
        Path file = SharedData.require("ecg-formats/hl7-aecg/fda-aecg-python").resolve("minimum_aecg.xml");
        EcgRecord r = AecgReader.read(file);
        assertThat(r.id()).isEqualTo("61d1a24f-b47e-41aa-ae95-f8ac302f4eeb");
        // aecg-python reads EGDTC 20021122091000 from effectiveTime/center; the time sequence's head agrees
        assertThat(r.start()).isEqualTo(Instant.parse("2002-11-22T09:10:00Z"));
        assertThat(r.samplingFrequency()).isEqualTo(500.0);
        assertThat(r.leads()).extracting(EcgLead::label).containsExactly("II");
        assertThat(r.leads().getFirst().samples()).containsExactly(-2, -2, -2, -2, -3, -4, -3, -5, -5, -4, -6, -9, -9);
        assertThat(r.events()).isEmpty();
    }

    @Test
    void theExamplesAreValidAgainstTheSchemaAsAecgPythonExpects() throws Exception {
        Path dir = SharedData.require("ecg-formats/hl7-aecg");
        // aecg-python's tests expect isValid == "Y" for the example and the minimal document
        for (Path f : new Path[] {dir.resolve("fda-aecg-python/Example_aECG.xml"), dir.resolve("fda-aecg-python/minimum_aecg.xml"),
                dir.resolve("ecg_hl7.xml")}) {
            assertThat(AecgSchema.violations(Files.readAllBytes(f))).as(f.toString()).isEmpty();
        }
    }

    @Test
    void refusesExternalEntities() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<AnnotatedECG xmlns=\"urn:hl7-org:v3\"><id root=\"&x;\"/></AnnotatedECG>";
        assertThatThrownBy(() -> AecgReader.read(xxe.getBytes(StandardCharsets.UTF_8), "xxe.xml", "xxe"))
                .isInstanceOf(AecgFormatException.class).hasMessageStartingWith("xxe.xml: not well-formed XML")
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void refusesEntityExpansion() {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY l0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            b.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        b.append("]><AnnotatedECG xmlns=\"urn:hl7-org:v3\">&l9;</AnnotatedECG>");
        assertThatThrownBy(() -> AecgReader.read(b.toString().getBytes(StandardCharsets.UTF_8), "lol.xml", "lol"))
                .isInstanceOf(AecgFormatException.class);
    }

    @Test
    void namesTheFileAndTheProblem() {
        String noTime = """
                <AnnotatedECG xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                <component><series><code code="RHYTHM"/><component><sequenceSet>
                <component><sequence><code code="MDC_ECG_LEAD_I"/><value xsi:type="SLIST_PQ"><origin value="0" unit="uV"/>
                <scale value="5" unit="uV"/><digits>1 2 3</digits></value></sequence></component>
                </sequenceSet></component></series></component></AnnotatedECG>""";
        assertThatThrownBy(() -> AecgReader.read(noTime.getBytes(StandardCharsets.UTF_8), "a.xml", "a"))
                .isInstanceOf(AecgFormatException.class)
                .hasMessage("a.xml: sequenceSet has no TIME_ABSOLUTE or TIME_RELATIVE sequence, so the sampling rate is unknown");
        String badDigit = noTime.replace("1 2 3", "1 2.5 3").replace("<component><sequence><code code=\"MDC_ECG_LEAD_I\"/>",
                "<component><sequence><code code=\"TIME_RELATIVE\"/><value xsi:type=\"GLIST_PQ\"><head value=\"0\" unit=\"s\"/>"
                        + "<increment value=\"2\" unit=\"ms\"/></value></sequence></component>"
                        + "<component><sequence><code code=\"MDC_ECG_LEAD_I\"/>");
        assertThatThrownBy(() -> AecgReader.read(badDigit.getBytes(StandardCharsets.UTF_8), "b.xml", "b"))
                .isInstanceOf(AecgFormatException.class)
                .hasMessageStartingWith("b.xml: lead I: digits must be integers separated by blanks, found '2.5");
        EcgRecord ok = AecgReader.read(badDigit.replace("2.5", "2").getBytes(StandardCharsets.UTF_8), "c.xml", "c");
        assertThat(ok.samplingFrequency()).isEqualTo(500.0);
        assertThat(ok.start()).isNull();
        assertThat(ok.id()).isEqualTo("c");
    }
}
