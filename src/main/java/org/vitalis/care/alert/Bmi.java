package org.vitalis.care.alert;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Body-mass index, WHO: weight in kilograms divided by the square of height in metres. */
public final class Bmi {
    private Bmi() {
    }

    public static BigDecimal of(BigDecimal weightKg, BigDecimal heightCm) {
        BigDecimal metres = heightCm.movePointLeft(2);
        return weightKg.divide(metres.multiply(metres), MathContext.DECIMAL64).setScale(1, RoundingMode.HALF_UP);
    }
}
