package org.vitalis.device.codec;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A measured value in the UCUM unit Vitalis stores (DESIGN.md, "Data and clinical conventions") together with the
 * value and unit the device actually sent, so a conversion can always be audited against the raw reading.
 *
 * @param value         the value in {@code unit}; null when the device sent a special value (NaN, NRes, ...)
 * @param unit          UCUM unit, e.g. mm[Hg], Cel, kg, cm, %, /min
 * @param originalValue the value as sent, in {@code originalUnit}; null for special values
 * @param originalUnit  UCUM code of the unit the device used, e.g. kPa, [degF], [lb_av]
 * @param special       null for a number; otherwise which IEEE 11073 special value the device sent
 */
public record Quantity(BigDecimal value, String unit, BigDecimal originalValue, String originalUnit,
        MderFloat.Kind special) {

    // UCUM "m[Hg]" is defined as 133.3220 kPa (UCUM 4.5, table "clinical units"), so 1 mm[Hg] = 0.133322 kPa.
    private static final BigDecimal KPA_PER_MMHG = new BigDecimal("0.133322");
    // The international avoirdupois pound, exact since 1959 (UCUM [lb_av] = 7000 [gr], [gr] = 64.79891 mg).
    private static final BigDecimal KG_PER_LB = new BigDecimal("0.45359237");
    // The international inch, exact (UCUM [in_i] = 2.54 cm).
    private static final BigDecimal CM_PER_IN = new BigDecimal("2.54");
    private static final BigDecimal FIVE_NINTHS_DEN = BigDecimal.valueOf(9);

    static Quantity same(BigDecimal v, String ucum) {
        return new Quantity(v, ucum, v, ucum, null);
    }

    static Quantity same(MderFloat f, String ucum) {
        return f.isNumber() ? same(f.value(), ucum) : new Quantity(null, ucum, null, ucum, f.kind());
    }

    static Quantity pressure(MderFloat f, boolean kpa) {
        if (!kpa) {
            return same(f, "mm[Hg]");
        }
        if (!f.isNumber()) {
            return new Quantity(null, "mm[Hg]", null, "kPa", f.kind());
        }
        // Division by 0.133322 does not terminate; two decimals keep 0.01 mmHg, far below any cuff's accuracy.
        BigDecimal mmhg = f.value().divide(KPA_PER_MMHG, 2, RoundingMode.HALF_EVEN);
        return new Quantity(mmhg, "mm[Hg]", f.value(), "kPa", null);
    }

    static Quantity temperature(MderFloat f, boolean fahrenheit) {
        if (!fahrenheit) {
            return same(f, "Cel");
        }
        if (!f.isNumber()) {
            return new Quantity(null, "Cel", null, "[degF]", f.kind());
        }
        // (F - 32) x 5/9 does not terminate; 0.01 Cel is finer than any clinical thermometer resolves.
        BigDecimal c = f.value().subtract(BigDecimal.valueOf(32)).multiply(BigDecimal.valueOf(5))
                .divide(FIVE_NINTHS_DEN, 2, RoundingMode.HALF_EVEN);
        return new Quantity(c, "Cel", f.value(), "[degF]", null);
    }

    static Quantity poundsToKg(BigDecimal lb) {
        return new Quantity(lb.multiply(KG_PER_LB).stripTrailingZeros(), "kg", lb, "[lb_av]", null);
    }

    static Quantity inchesToCm(BigDecimal in) {
        return new Quantity(in.multiply(CM_PER_IN).stripTrailingZeros(), "cm", in, "[in_i]", null);
    }

    static Quantity metresToCm(BigDecimal m) {
        return new Quantity(m.movePointRight(2).stripTrailingZeros(), "cm", m, "m", null);
    }
}
