package org.vitalis.registry;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.vitalis.domain.VitalSign;

/**
 * One sitting of manually taken vitals: any subset of the signs, taken at one time. BMI is not
 * entered; it is derived from weight and height.
 */
public record VitalsEntry(Instant takenAt, Map<VitalSign, BigDecimal> values, String note) {
    public VitalsEntry {
        EnumMap<VitalSign, BigDecimal> copy = new EnumMap<>(VitalSign.class);
        if (values != null) {
            values.forEach((k, v) -> {
                if (v != null) {
                    copy.put(k, v);
                }
            });
        }
        values = java.util.Collections.unmodifiableMap(copy);
    }

    public BigDecimal get(VitalSign sign) {
        return values.get(sign);
    }
}
