package org.vitalis.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** One coded value of a recording's analysis (an interval or the heart rate), with its LOINC code and UCUM unit. */
@Embeddable
public class EcgMeasurement {
    @Column(name = "loinc_code", nullable = false, length = 20)
    private String loincCode;

    @Column(nullable = false, length = 50)
    private String name;

    /** How it was measured ("median beat", "Bazett", "Fridericia", "mean RR"), since one code can have several. */
    @Column(nullable = false, length = 50)
    private String method;

    @Column(name = "value_decimal", nullable = false, precision = 12, scale = 3)
    private BigDecimal value;

    @Column(nullable = false, length = 20)
    private String unit;

    protected EcgMeasurement() {
    }

    public EcgMeasurement(String loincCode, String name, String method, BigDecimal value, String unit) {
        this.loincCode = loincCode;
        this.name = name;
        this.method = method;
        this.value = value;
        this.unit = unit;
    }

    public String getLoincCode() {
        return loincCode;
    }

    public String getName() {
        return name;
    }

    public String getMethod() {
        return method;
    }

    public BigDecimal getValue() {
        return value;
    }

    public String getUnit() {
        return unit;
    }
}
