package org.vitalis.registry;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.vitalis.domain.VitalSign;

/**
 * One sitting of vitals: any subset of the signs, taken at one time, typed by hand or read from a
 * device. BMI is not entered; it is derived from weight and height.
 *
 * @param device where the values came from when a device read them; null for a manual entry
 */
public record VitalsEntry(Instant takenAt, Map<VitalSign, BigDecimal> values, String note, DeviceSource device) {

    /**
     * The device reading an entry started from. A value in {@code values} that differs from the
     * device's is a correction by hand: it is stored as manual, and its note keeps what the device said.
     * {@code deviceId} is the station's own id for the device; {@code deviceName} is what users call it.
     */
    public record DeviceSource(String deviceId, String deviceName, String rawPayload,
            Map<VitalSign, BigDecimal> deviceValues) {
        public DeviceSource {
            java.util.Objects.requireNonNull(deviceId);
            java.util.Objects.requireNonNull(deviceName);
            deviceValues = Map.copyOf(deviceValues);
        }
    }

    public VitalsEntry(Instant takenAt, Map<VitalSign, BigDecimal> values, String note) {
        this(takenAt, values, note, null);
    }

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
