package org.vitalis.device.driver;

import java.util.ArrayList;
import java.util.List;
import org.vitalis.device.codec.GattValue;
import org.vitalis.device.codec.Quantity;
import org.vitalis.domain.VitalSign;

/**
 * The vital signs in a decoded health measurement, in the UCUM units {@link VitalSign} fixes ({@link Quantity} has
 * already converted kPa, °F and pounds; the original unit stays visible in the raw value's flags).
 * <ul>
 * <li>Blood pressure: systolic, diastolic and the pulse rate. Mean arterial pressure has no vital sign here and
 * stays in the raw value.</li>
 * <li>Temperature: body temperature.</li>
 * <li>Weight: body weight only. The height and BMI a scale adds come from the user profile typed into the scale
 * (Weight Scale Service 1.0, 3.1.1.5: "Height ... of the user"), not from a measurement, so they stay in the raw
 * value; Vitalis derives BMI from the weight and the height on the patient's chart.</li>
 * </ul>
 * Intermediate Cuff Pressure is the cuff inflating, not a reading, and yields nothing.
 */
final class HealthReadings {
    private HealthReadings() {
    }

    static List<Measurement> of(GattValue value) {
        List<Measurement> out = new ArrayList<>(3);
        switch (value) {
            case GattValue.BloodPressureMeasurement bp -> {
                add(out, VitalSign.SYSTOLIC_BP, bp.systolic());
                add(out, VitalSign.DIASTOLIC_BP, bp.diastolic());
                add(out, VitalSign.HEART_RATE, bp.pulseRate());
            }
            case GattValue.TemperatureMeasurement t -> add(out, VitalSign.BODY_TEMPERATURE, t.temperature());
            case GattValue.WeightMeasurement w -> add(out, VitalSign.BODY_WEIGHT, w.weight());
            default -> {
            }
        }
        return out;
    }

    /**
     * What the device itself says is wrong with a measurement, in words for the device list: the cuff's Measurement
     * Status (Blood Pressure Service 1.1, 3.1.1.5) and the scale's "measurement unsuccessful" flag (Weight Scale Service
     * 1.0, 3.1.1.1, when the weight field holds 0xFFFF and no number). Empty when it reports nothing.
     */
    static List<String> deviceWarnings(GattValue value) {
        List<String> out = new ArrayList<>(2);
        switch (value) {
            case GattValue.BloodPressureMeasurement bp when bp.status() != null -> {
                GattValue.BloodPressureStatus st = bp.status();
                if (st.bodyMovementDetected()) {
                    out.add("body movement during the measurement");
                }
                if (st.cuffTooLoose()) {
                    out.add("cuff too loose");
                }
                if (st.irregularPulseDetected()) {
                    out.add("irregular pulse");
                }
                if (st.pulseRateRange() == GattValue.PulseRateRange.EXCEEDS_UPPER_LIMIT
                        || st.pulseRateRange() == GattValue.PulseRateRange.BELOW_LOWER_LIMIT) {
                    out.add("pulse rate out of the cuff's range");
                }
                if (st.improperMeasurementPosition()) {
                    out.add("improper measurement position");
                }
            }
            case GattValue.WeightMeasurement w when w.measurementUnsuccessful() ->
                out.add("measurement unsuccessful, weigh again");
            default -> {
            }
        }
        return out;
    }

    private static void add(List<Measurement> out, VitalSign sign, Quantity q) {
        // Null for an absent field or an IEEE 11073 special value (NaN, NRes, infinity): there is no number to record.
        if (q != null && q.value() != null) {
            if (!sign.ucum().equals(q.unit())) {
                throw new IllegalStateException(sign + " arrived in " + q.unit() + ", not " + sign.ucum());
            }
            out.add(new Measurement(sign, q.value(), q.unit()));
        }
    }
}
