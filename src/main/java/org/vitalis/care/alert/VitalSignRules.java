package org.vitalis.care.alert;

import java.math.BigDecimal;
import java.util.Optional;
import org.vitalis.domain.Flag;
import org.vitalis.domain.VitalSign;

/**
 * The two checks every reading gets. Plausibility: a value outside these limits is almost
 * certainly a typing or device error at an outpatient clinic, so it is refused. Abnormality: a
 * plausible value is stored and flagged amber or red by the guideline thresholds below (adult
 * thresholds; paediatric ranges are not applied).
 */
public final class VitalSignRules {
    private VitalSignRules() {
    }

    /** Inclusive plausible range; systolic 60–279 mmHg is DESIGN.md's, the others are physiological limits. */
    public static BigDecimal[] plausibleRange(VitalSign sign) {
        return switch (sign) {
            case SYSTOLIC_BP -> range("60", "279");
            case DIASTOLIC_BP -> range("30", "200");
            case HEART_RATE -> range("20", "300");
            case SPO2 -> range("50", "100");
            case BODY_TEMPERATURE -> range("25", "45");
            case RESPIRATORY_RATE -> range("3", "80");
            case BODY_WEIGHT -> range("0.3", "500");
            case BODY_HEIGHT -> range("25", "272");
            case BMI -> range("5", "150");
        };
    }

    public static Optional<Violation> checkPlausible(VitalSign sign, BigDecimal value) {
        if (value.scale() > 3) {
            return Optional.of(new Violation(Violation.Kind.TOO_PRECISE, sign, value, null, null));
        }
        BigDecimal[] r = plausibleRange(sign);
        if (value.compareTo(r[0]) < 0 || value.compareTo(r[1]) > 0) {
            return Optional.of(new Violation(Violation.Kind.OUT_OF_RANGE, sign, value, r[0], r[1]));
        }
        return Optional.empty();
    }

    /** The flag a plausible value is stored with. */
    public static Flag classify(VitalSign sign, BigDecimal value) {
        double v = value.doubleValue();
        return switch (sign) {
            case SYSTOLIC_BP -> max(news2(systolicScore(v)), systolicHypertension(v));
            case DIASTOLIC_BP -> diastolicHypertension(v);
            case HEART_RATE -> news2(pulseScore(v));
            case SPO2 -> news2(spo2Score(v));
            case BODY_TEMPERATURE -> news2(temperatureScore(v));
            case RESPIRATORY_RATE -> news2(respirationScore(v));
            case BMI -> bmi(v);
            case BODY_WEIGHT, BODY_HEIGHT -> Flag.NORMAL;
        };
    }

    // NEWS2 single-parameter scores: Royal College of Physicians, National Early Warning Score 2 (2017), chart 1.
    // A score of 3 in one parameter calls for an urgent review, so it is red; 1 or 2 is amber.

    static int respirationScore(double rr) {
        if (rr <= 8) return 3;
        if (rr <= 11) return 1;
        if (rr <= 20) return 0;
        if (rr <= 24) return 2;
        return 3;
    }

    /** SpO2 scale 1 (patients without hypercapnic respiratory failure). */
    static int spo2Score(double spo2) {
        if (spo2 <= 91) return 3;
        if (spo2 <= 93) return 2;
        if (spo2 <= 95) return 1;
        return 0;
    }

    static int systolicScore(double sbp) {
        if (sbp <= 90) return 3;
        if (sbp <= 100) return 2;
        if (sbp <= 110) return 1;
        if (sbp <= 219) return 0;
        return 3;
    }

    static int pulseScore(double hr) {
        if (hr <= 40) return 3;
        if (hr <= 50) return 1;
        if (hr <= 90) return 0;
        if (hr <= 110) return 1;
        if (hr <= 130) return 2;
        return 3;
    }

    static int temperatureScore(double celsius) {
        if (celsius <= 35.0) return 3;
        if (celsius <= 36.0) return 1;
        if (celsius <= 38.0) return 0;
        if (celsius <= 39.0) return 1;
        return 2;
    }

    private static Flag news2(int score) {
        return score >= 3 ? Flag.CRITICAL : score > 0 ? Flag.ABNORMAL : Flag.NORMAL;
    }

    // 2017 ACC/AHA Guideline for High Blood Pressure in Adults (Whelton et al., Hypertension 2018;71:e13):
    // stage 2 hypertension from 140 systolic or 90 diastolic; hypertensive crisis above 180 / 120.

    private static Flag systolicHypertension(double sbp) {
        return sbp > 180 ? Flag.CRITICAL : sbp >= 140 ? Flag.ABNORMAL : Flag.NORMAL;
    }

    private static Flag diastolicHypertension(double dbp) {
        return dbp > 120 ? Flag.CRITICAL : dbp >= 90 ? Flag.ABNORMAL : Flag.NORMAL;
    }

    /** WHO adult BMI classification: below 18.5 underweight, 30 and above obese. */
    private static Flag bmi(double bmi) {
        return bmi < 18.5 || bmi >= 30 ? Flag.ABNORMAL : Flag.NORMAL;
    }

    private static Flag max(Flag a, Flag b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static BigDecimal[] range(String lo, String hi) {
        return new BigDecimal[] {new BigDecimal(lo), new BigDecimal(hi)};
    }
}
