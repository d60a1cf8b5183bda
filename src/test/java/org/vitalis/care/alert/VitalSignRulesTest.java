package org.vitalis.care.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vitalis.domain.Flag;
import org.vitalis.domain.VitalSign;

class VitalSignRulesTest {
    @ParameterizedTest
    @CsvSource({
        "SYSTOLIC_BP, 59, false", "SYSTOLIC_BP, 60, true", "SYSTOLIC_BP, 279, true", "SYSTOLIC_BP, 280, false",
        "SPO2, 101, false", "SPO2, 100, true", "BODY_TEMPERATURE, 45.1, false", "HEART_RATE, 19, false",
        "BODY_WEIGHT, 0.2, false", "BODY_HEIGHT, 273, false", "RESPIRATORY_RATE, 2, false"})
    void plausibilityLimitsAreInclusive(VitalSign sign, String value, boolean plausible) {
        assertThat(VitalSignRules.checkPlausible(sign, new BigDecimal(value)).isEmpty()).isEqualTo(plausible);
    }

    @Test
    void aRefusalSaysWhyWithTheRange() {
        Violation v = VitalSignRules.checkPlausible(VitalSign.SYSTOLIC_BP, new BigDecimal("300")).orElseThrow();
        assertThat(v.kind()).isEqualTo(Violation.Kind.OUT_OF_RANGE);
        assertThat(v.message()).contains("300").contains("60–279").contains("mm[Hg]");
    }

    @Test
    void moreThanThreeDecimalsIsRefused() {
        assertThat(VitalSignRules.checkPlausible(VitalSign.BODY_WEIGHT, new BigDecimal("70.1234")).orElseThrow().kind())
                .isEqualTo(Violation.Kind.TOO_PRECISE);
    }

    /** Band edges of NEWS2 chart 1 (RCP 2017) and of the ACC/AHA 2017 categories. */
    @ParameterizedTest
    @CsvSource({
        "RESPIRATORY_RATE, 8, CRITICAL", "RESPIRATORY_RATE, 9, ABNORMAL", "RESPIRATORY_RATE, 12, NORMAL",
        "RESPIRATORY_RATE, 20, NORMAL", "RESPIRATORY_RATE, 21, ABNORMAL", "RESPIRATORY_RATE, 25, CRITICAL",
        "SPO2, 91, CRITICAL", "SPO2, 92, ABNORMAL", "SPO2, 95, ABNORMAL", "SPO2, 96, NORMAL",
        "SYSTOLIC_BP, 90, CRITICAL", "SYSTOLIC_BP, 91, ABNORMAL", "SYSTOLIC_BP, 111, NORMAL", "SYSTOLIC_BP, 139, NORMAL",
        "SYSTOLIC_BP, 140, ABNORMAL", "SYSTOLIC_BP, 180, ABNORMAL", "SYSTOLIC_BP, 181, CRITICAL", "SYSTOLIC_BP, 220, CRITICAL",
        "DIASTOLIC_BP, 89, NORMAL", "DIASTOLIC_BP, 90, ABNORMAL", "DIASTOLIC_BP, 121, CRITICAL",
        "HEART_RATE, 40, CRITICAL", "HEART_RATE, 41, ABNORMAL", "HEART_RATE, 51, NORMAL", "HEART_RATE, 90, NORMAL",
        "HEART_RATE, 91, ABNORMAL", "HEART_RATE, 131, CRITICAL",
        "BODY_TEMPERATURE, 35.0, CRITICAL", "BODY_TEMPERATURE, 35.1, ABNORMAL", "BODY_TEMPERATURE, 36.1, NORMAL",
        "BODY_TEMPERATURE, 38.0, NORMAL", "BODY_TEMPERATURE, 38.1, ABNORMAL", "BODY_TEMPERATURE, 39.1, ABNORMAL",
        "BMI, 18.4, ABNORMAL", "BMI, 18.5, NORMAL", "BMI, 29.9, NORMAL", "BMI, 30.0, ABNORMAL",
        "BODY_WEIGHT, 150, NORMAL"})
    void flagsFollowTheGuidelineBands(VitalSign sign, String value, Flag expected) {
        assertThat(VitalSignRules.classify(sign, new BigDecimal(value))).isEqualTo(expected);
    }

    @Test
    void bmiIsWeightOverHeightSquared() {
        assertThat(Bmi.of(new BigDecimal("70"), new BigDecimal("175"))).isEqualByComparingTo("22.9");
        assertThat(Bmi.of(new BigDecimal("120.5"), new BigDecimal("160"))).isEqualByComparingTo("47.1");
    }
}
