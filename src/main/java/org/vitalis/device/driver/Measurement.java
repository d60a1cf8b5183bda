package org.vitalis.device.driver;

import java.math.BigDecimal;
import org.vitalis.domain.VitalSign;

/** One value of a reading, in the UCUM unit DESIGN.md fixes for its vital sign. */
public record Measurement(VitalSign sign, BigDecimal value, String unit) {
}
