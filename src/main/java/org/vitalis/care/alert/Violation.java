package org.vitalis.care.alert;

import java.math.BigDecimal;
import org.vitalis.domain.VitalSign;

/**
 * Why a value was refused as implausible. Screens turn {@link Kind} into a sentence of their
 * language; {@link #message()} is the English one for logs-free places such as the command line.
 */
public record Violation(Kind kind, VitalSign sign, BigDecimal value, BigDecimal min, BigDecimal max) {

    public enum Kind {
        OUT_OF_RANGE,
        DIASTOLIC_NOT_BELOW_SYSTOLIC,
        BP_INCOMPLETE,
        TOO_PRECISE,
        TAKEN_IN_FUTURE,
        NOTHING_ENTERED
    }

    public String message() {
        return switch (kind) {
            case OUT_OF_RANGE -> sign + " " + value.toPlainString() + " " + sign.ucum() + " is outside the plausible range "
                    + min.toPlainString() + "–" + max.toPlainString() + " " + sign.ucum() + "; check the value or the device.";
            case DIASTOLIC_NOT_BELOW_SYSTOLIC -> "Diastolic pressure must be lower than systolic pressure.";
            case BP_INCOMPLETE -> "Blood pressure needs both systolic and diastolic values.";
            case TOO_PRECISE -> sign + " " + value.toPlainString() + " has more than 3 decimal places.";
            case TAKEN_IN_FUTURE -> "The time taken lies in the future.";
            case NOTHING_ENTERED -> "Enter at least one value.";
        };
    }
}
