package org.vitalis.ecg.format;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Decimal text for scales. Formats store a gain as its reciprocal (aECG scale, FHIR factor), and a binary double's
 * reciprocal of a decimal such as 0.005 is 199.99999999999997, not 200; rounding to 12 significant digits gives back
 * the gain a device actually had while staying far below any physically meaningful precision.
 */
final class Decimals {
    private static final MathContext WRITE = MathContext.DECIMAL64;
    private static final MathContext READ = new MathContext(12);

    private Decimals() {
    }

    /** Plain decimal text (no exponent) of {@code 1 / x}, to 16 significant digits. */
    static String reciprocal(double x) {
        return plain(BigDecimal.ONE.divide(new BigDecimal(Double.toString(x)), WRITE));
    }

    /** {@code 1 / x} for decimal text {@code x}, rounded to 12 significant digits. */
    static double reciprocalOf(BigDecimal x) {
        return BigDecimal.ONE.divide(x, READ).doubleValue();
    }

    /** Shortest plain decimal text of a double, e.g. 200 rather than 200.0 or 2E+2. */
    static String plain(double x) {
        return plain(new BigDecimal(Double.toString(x)));
    }

    static String plain(BigDecimal x) {
        BigDecimal s = x.stripTrailingZeros();
        return s.signum() == 0 ? "0" : s.toPlainString();
    }
}
