package org.vitalis.ecg.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vitalis.ecg.SharedData;

class FhirEcgObservationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode example() throws Exception {
        Path f = SharedData.require("fhir-r4-examples/r4-4.0.1-examples/json").resolve("observation-example-sample-data.json");
        return JSON.readTree(Files.readString(f));
    }

    @Test
    void hasTheShapeOfTheSpecificationsEcgExample() throws Exception {
        JsonNode ex = example();
        EcgRecord r = AecgReader.read(SharedData.require("ecg-formats/hl7-aecg").resolve("ecg_hl7.xml"));
        JsonNode o = JSON.readTree(FhirEcgObservation.toJson(r, "Patient/f001"));

        assertThat(o.path("resourceType").asText()).isEqualTo("Observation");
        assertThat(o.path("status").asText()).isEqualTo(ex.path("status").asText());
        assertThat(o.at("/category/0/coding/0")).isEqualTo(ex.at("/category/0/coding/0"));
        assertThat(o.at("/code/coding/0")).isEqualTo(ex.at("/code/coding/0"));
        assertThat(o.at("/code/coding/1/code").asText()).isEqualTo("34534-8");
        assertThat(o.at("/subject/reference").asText()).isEqualTo("Patient/f001");
        assertThat(o.path("effectiveDateTime").asText()).isEqualTo("2002-11-22T09:10:00Z");
        assertThat(o.path("component")).hasSize(12);
        // the example's three leads carry the same MDC codings as ours
        for (int k = 0; k < 3; k++) {
            JsonNode exCoding = ex.at("/component/" + k + "/code/coding/0");
            String display = exCoding.path("display").asText();
            JsonNode ours = null;
            for (JsonNode c : o.path("component")) {
                if (display.equals(c.at("/code/coding/0/display").asText())) {
                    ours = c;
                }
            }
            assertThat(ours).as(display).isNotNull();
            assertThat(ours.at("/code/coding/0")).isEqualTo(exCoding);
        }
        // every SampledData field of the example is present, with the same JSON types
        JsonNode exSd = ex.at("/component/0/valueSampledData");
        for (JsonNode c : o.path("component")) {
            JsonNode sd = c.path("valueSampledData");
            for (Iterator<String> it = exSd.fieldNames(); it.hasNext();) {
                String f = it.next();
                assertThat(sd.path(f).getNodeType()).as(f).isEqualTo(exSd.path(f).getNodeType());
            }
            assertThat(sd.at("/origin/system").asText()).isEqualTo("http://unitsofmeasure.org");
            assertThat(sd.at("/origin/code").asText()).isEqualTo("uV");
            assertThat(sd.path("period").decimalValue()).isEqualByComparingTo("2");
            assertThat(sd.path("factor").decimalValue()).isEqualByComparingTo("2.5");
            assertThat(sd.path("dimensions").asInt()).isEqualTo(1);
        }
        JsonNode lead1 = o.at("/component/0/valueSampledData");
        assertThat(lead1.path("data").asText()).startsWith("-2 -2 -2 -2 -3 ");
        assertThat(lead1.path("data").asText().split(" ")).hasSize(5000);
    }

    @Test
    void roundTripsTheIntegers() throws Exception {
        EcgRecord r = AecgReader.read(SharedData.require("ecg-formats/hl7-aecg").resolve("ecg_hl7.xml"));
        EcgRecord back = FhirEcgObservation.read(FhirEcgObservation.toJson(r, "Patient/1"), "obs.json");
        RecordAssert.sameSignals(back, r);
        assertThat(back.id()).isEqualTo(r.id());
    }

    @Test
    void millivoltLeadsKeepTheirIntegersAndVoltages() {
        EcgRecord r = new EcgRecord("100s/part", Instant.parse("2026-01-02T03:04:05.5Z"), 360, List.of(
                new EcgLead("MLII", new int[] {995, 1024, 1100, -3}, 200, 1024, "mV"),
                new EcgLead("V5", new int[] {1011, 1000, 0, 7}, 200, 1024, "mV")), List.of(), List.of());
        String json = FhirEcgObservation.toJson(r, "Patient/7");
        assertThat(json).doesNotContain("34534-8").contains("\"text\" : \"MLII\"").contains("\"id\" : \"100s-part\"");
        EcgRecord back = FhirEcgObservation.read(json);
        assertThat(back.samplingFrequency()).isEqualTo(360.0);
        assertThat(back.start()).isEqualTo(r.start());
        for (int k = 0; k < 2; k++) {
            EcgLead a = back.leads().get(k);
            EcgLead e = r.leads().get(k);
            assertThat(a.label()).isEqualTo(e.label());
            assertThat(a.samples()).isEqualTo(e.samples());
            assertThat(a.baseline()).isEqualTo(1024);
            assertThat(a.unit()).isEqualTo("uV");
            assertThat(a.gain()).isEqualTo(0.2);
            for (int i = 0; i < 4; i++) {
                assertThat(a.microvolts(i)).isCloseTo(e.microvolts(i), org.assertj.core.data.Offset.offset(1e-9));
            }
        }
    }

    @Test
    void readsTheSpecificationsExample() throws Exception {
        EcgRecord r = FhirEcgObservation.read(example().toString(), "observation-example-sample-data.json");
        assertThat(r.leads()).extracting(EcgLead::label).containsExactly("I", "II", "III");
        assertThat(r.samplingFrequency()).isEqualTo(100.0);
        assertThat(r.sampleCount()).isEqualTo(116);
        assertThat(r.leads().getFirst().samples()[0]).isEqualTo(2041);
        assertThat(r.start()).isEqualTo(Instant.parse("2015-02-19T08:30:35Z"));
    }

    @Test
    void namesTheSourceAndTheProblem() {
        assertThatThrownBy(() -> FhirEcgObservation.read("{\"resourceType\":\"Patient\"}", "p.json"))
                .isInstanceOf(FhirFormatException.class).hasMessage("p.json: not a FHIR Observation (resourceType is 'Patient')");
        String lower = """
                {"resourceType":"Observation","component":[{"code":{"text":"I"},
                 "valueSampledData":{"origin":{"value":0},"period":2,"dimensions":1,"data":"1 L 3"}}]}""";
        assertThatThrownBy(() -> FhirEcgObservation.read(lower, "l.json")).isInstanceOf(FhirFormatException.class)
                .hasMessageStartingWith("l.json: lead I: data point 1 is 'L', not an integer sample");
        assertThatThrownBy(() -> FhirEcgObservation.read("{", "x.json")).isInstanceOf(FhirFormatException.class)
                .hasMessageStartingWith("x.json: not valid JSON");
    }

}
