package org.vitalis.domain;

/**
 * The vital signs a clinician can record by hand, each with the LOINC code and UCUM unit that
 * DESIGN.md fixes for it. The code is what is stored; the enum is only a typed handle on it.
 */
public enum VitalSign {
    SYSTOLIC_BP("8480-6", "mm[Hg]", 0),
    DIASTOLIC_BP("8462-4", "mm[Hg]", 0),
    HEART_RATE("8867-4", "/min", 0),
    SPO2("59408-5", "%", 0),
    BODY_TEMPERATURE("8310-5", "Cel", 1),
    RESPIRATORY_RATE("9279-1", "/min", 0),
    BODY_WEIGHT("29463-7", "kg", 1),
    BODY_HEIGHT("8302-2", "cm", 1),
    BMI("39156-5", "kg/m2", 1);

    /** LOINC 85354-9 "Blood pressure panel with all children optional": groups systolic and diastolic. */
    public static final String BP_PANEL_LOINC = "85354-9";

    private final String loinc;
    private final String ucum;
    private final int decimals;

    VitalSign(String loinc, String ucum, int decimals) {
        this.loinc = loinc;
        this.ucum = ucum;
        this.decimals = decimals;
    }

    public String loinc() {
        return loinc;
    }

    public String ucum() {
        return ucum;
    }

    /** Decimal places a clinician reads this sign at; values are stored at this scale. */
    public int decimals() {
        return decimals;
    }

    public static VitalSign byLoinc(String code) {
        for (VitalSign sign : values()) {
            if (sign.loinc.equals(code)) {
                return sign;
            }
        }
        throw new IllegalArgumentException("Unknown vital-sign LOINC code: " + code);
    }
}
