package org.vitalis.device.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vitalis.device.codec.GattValue.BloodPressureMeasurement;
import org.vitalis.device.codec.GattValue.BloodPressureStatus;
import org.vitalis.device.codec.GattValue.HeartRateMeasurement;
import org.vitalis.device.codec.GattValue.IntermediateCuffPressure;
import org.vitalis.device.codec.GattValue.TemperatureMeasurement;

/**
 * Every vector of ../shared/data/ble/nordic-vectors.json (transcribed from Nordic Semiconductor's Android BLE
 * library tests). Where the file marks an expectation as not spec-conformant, or as an implementation choice
 * (spec_conformant null), the value is checked against what the Bluetooth / IEEE 11073 specifications define.
 */
class NordicVectorsTest {
    private static final Path FILE = Path.of("..", "shared", "data", "ble", "nordic-vectors.json");

    @TestFactory
    Stream<DynamicTest> everyVectorDecodesAsTheSpecificationDefines() throws IOException {
        assumeTrue(Files.isRegularFile(FILE), "shared data set " + FILE.toAbsolutePath().normalize()
                + " is absent; skipping the Nordic BLE vectors (the hand-made vectors in CharacteristicsTest still run)");
        JsonNode root = new ObjectMapper().readTree(FILE.toFile());
        List<DynamicTest> tests = new ArrayList<>();
        int i = 0;
        for (JsonNode v : root.get("vectors")) {
            String name = (i++) + " " + v.get("characteristic").asText() + " " + v.get("hex").asText();
            tests.add(DynamicTest.dynamicTest(name, () -> check(v)));
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(30);
        return tests.stream();
    }

    private static void check(JsonNode v) {
        int uuid = Integer.parseInt(v.get("characteristic").asText().substring(2, 6), 16);
        byte[] bytes = HexFormat.of().parseHex(v.get("hex").asText());
        JsonNode exp = v.get("expected");
        JsonNode conformant = v.get("spec_conformant");
        String hex = v.get("hex").asText();
        if (conformant.isBoolean() && !conformant.asBoolean()) {
            specOverrides(uuid, hex, bytes);
            return;
        }
        if (conformant.isNull() && hex.equals("08C40900FE")) {
            // Nordic rejects reserved flag bit 3; the Core Specification says reserved bits are ignored on receipt,
            // so per the SPEC this is 25.0 Cel. Decoding per the specification, not the library.
            var t = (TemperatureMeasurement) Characteristics.decode(uuid, bytes);
            assertThat(t.temperature().value()).isEqualByComparingTo("25.0");
            return;
        }
        if (exp.has("valid") && !exp.get("valid").asBoolean()) {
            // Nordic's "FF64" (spec_conformant null) is invalid per the SPEC too: flag bit 0 announces a UINT16 heart
            // rate but one byte follows.
            assertThatThrownBy(() -> Characteristics.decode(uuid, bytes)).isInstanceOf(CodecException.class)
                    .hasMessageContaining("offset");
            return;
        }
        GattValue value = Characteristics.decode(uuid, bytes);
        switch (value) {
            case BloodPressureMeasurement bp -> {
                unit(exp, bp.kpa());
                number(exp, "systolic", bp.systolic());
                number(exp, "diastolic", bp.diastolic());
                number(exp, "map", bp.meanArterialPressure());
                number(exp, "pulse_rate", bp.pulseRate());
                integer(exp, "user_id", bp.userId());
                timestamp(exp, bp.timeStamp());
                status(exp, bp.status());
            }
            case IntermediateCuffPressure icp -> {
                unit(exp, icp.kpa());
                number(exp, "cuff_pressure", icp.cuffPressure());
                number(exp, "pulse_rate", icp.pulseRate());
                integer(exp, "user_id", icp.userId());
                timestamp(exp, icp.timeStamp());
                status(exp, icp.status());
            }
            case HeartRateMeasurement hr -> {
                assertThat(hr.heartRate().value()).isEqualByComparingTo(exp.get("heart_rate").decimalValue());
                for (String contact : List.of("contact_detected", "sensor_contact")) {
                    if (exp.has(contact)) {
                        if (exp.get(contact).isNull()) {
                            assertThat(hr.sensorContact()).isNull();
                        } else {
                            // Nordic reports "not detected" for "not supported" too; per spec both mean no contact.
                            assertThat(Boolean.TRUE.equals(hr.sensorContact())).isEqualTo(exp.get(contact).asBoolean());
                        }
                    }
                }
                if (exp.has("energy_expended")) {
                    if (exp.get("energy_expended").isNull()) {
                        assertThat(hr.energyExpended()).isNull();
                    } else {
                        assertThat(hr.energyExpended().value()).isEqualByComparingTo(
                                exp.get("energy_expended").decimalValue());
                    }
                }
                if (exp.has("rr_intervals_1_1024s")) {
                    JsonNode rr = exp.get("rr_intervals_1_1024s");
                    if (rr.isNull()) {
                        assertThat(hr.rrIntervals1024()).isNull();
                    } else {
                        List<Integer> want = new ArrayList<>();
                        rr.forEach(n -> want.add(n.asInt()));
                        assertThat(hr.rrIntervals1024()).isEqualTo(want);
                    }
                }
            }
            case TemperatureMeasurement t -> {
                JsonNode temp = exp.get("temperature");
                if (temp.isTextual() && temp.asText().equals("NaN")) {
                    assertThat(t.temperature().special()).isEqualTo(MderFloat.Kind.NAN);
                } else {
                    assertThat(t.temperature().originalValue()).isEqualByComparingTo(temp.decimalValue());
                }
                if (exp.has("unit")) {
                    assertThat(t.fahrenheit()).isEqualTo(exp.get("unit").asText().equals("Fahrenheit"));
                }
                timestamp(exp, t.timeStamp());
                if (exp.has("type")) {
                    assertThat(t.temperatureType()).isEqualTo(exp.get("type").asInt());
                    assertThat(t.temperatureTypeName()).startsWith(exp.get("type_name").asText());
                }
            }
            default -> throw new AssertionError("no expectation mapping for " + value);
        }
    }

    /** Entries whose source expectation contradicts IEEE 11073-20601: assert the specification's value instead. */
    private static void specOverrides(int uuid, String hex, byte[] bytes) {
        if (hex.equals("00FFFFFF7F")) {
            // FLOAT 0x7FFFFFFF is exponent 127, mantissa -1 (20601 Annex F.6); +INFINITY is 0x007FFFFE only.
            var t = (TemperatureMeasurement) Characteristics.decode(uuid, bytes);
            assertThat(t.temperature().special()).isNull();
            assertThat(t.temperature().originalValue()).isEqualByComparingTo(new BigDecimal("-1E+127"));
            return;
        }
        throw new AssertionError("a new non-conformant vector " + hex + " needs its spec value written down here");
    }

    private static void unit(JsonNode exp, boolean kpa) {
        assertThat(kpa).isEqualTo(exp.get("unit").asText().equals("kPa"));
    }

    private static void number(JsonNode exp, String key, Quantity q) {
        if (!exp.has(key)) {
            return;
        }
        if (exp.get(key).isNull()) {
            assertThat(q).as(key).isNull();
        } else {
            // Nordic's values are in the unit the device sent; ours keep that as the original value.
            assertThat(q.originalValue()).as(key).isEqualByComparingTo(exp.get(key).decimalValue());
        }
    }

    private static void integer(JsonNode exp, String key, Integer actual) {
        if (exp.has(key)) {
            assertThat(actual).as(key).isEqualTo(exp.get(key).isNull() ? null : exp.get(key).asInt());
        }
    }

    private static void timestamp(JsonNode exp, GattDateTime ts) {
        if (!exp.has("timestamp")) {
            return;
        }
        JsonNode t = exp.get("timestamp");
        if (t.isNull()) {
            assertThat(ts).isNull();
        } else if (t.isTextual()) {
            assertThat(ts.iso()).isEqualTo(t.asText());
        } else {
            assertThat(ts).isEqualTo(new GattDateTime(t.get("year").asInt(), t.get("month").asInt(),
                    t.get("day").asInt(), t.get("hour").asInt(), t.get("minute").asInt(), t.get("second").asInt()));
        }
    }

    private static void status(JsonNode exp, BloodPressureStatus s) {
        JsonNode raw = exp.has("status_raw") ? exp.get("status_raw") : exp.has("status") && !exp.get("status").isNull()
                ? exp.get("status").get("raw") : null;
        if (exp.has("status") && exp.get("status").isNull()) {
            assertThat(s).isNull();
        }
        if (raw != null) {
            assertThat(s.raw()).isEqualTo(Integer.parseInt(raw.asText().substring(2), 16));
        }
        if (exp.has("irregular_pulse")) {
            assertThat(s.irregularPulseDetected()).isEqualTo(exp.get("irregular_pulse").asBoolean());
        }
        if (exp.has("status") && !exp.get("status").isNull()) {
            JsonNode st = exp.get("status");
            if (st.has("body_movement")) {
                assertThat(s.bodyMovementDetected()).isEqualTo(st.get("body_movement").asBoolean());
            }
            if (st.has("cuff_too_loose")) {
                assertThat(s.cuffTooLoose()).isEqualTo(st.get("cuff_too_loose").asBoolean());
            }
            if (st.has("irregular_pulse")) {
                assertThat(s.irregularPulseDetected()).isEqualTo(st.get("irregular_pulse").asBoolean());
            }
            if (st.has("improper_position")) {
                assertThat(s.improperMeasurementPosition()).isEqualTo(st.get("improper_position").asBoolean());
            }
            if (st.has("pulse_rate_range")) {
                String want = switch (st.get("pulse_rate_range").asText()) {
                    case "within" -> "WITHIN_RANGE";
                    case "below_lower_limit" -> "BELOW_LOWER_LIMIT";
                    case "exceeds_upper_limit" -> "EXCEEDS_UPPER_LIMIT";
                    default -> st.get("pulse_rate_range").asText();
                };
                assertThat(s.pulseRateRange().name()).isEqualTo(want);
            }
        }
    }
}
