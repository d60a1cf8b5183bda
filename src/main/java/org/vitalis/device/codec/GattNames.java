package org.vitalis.device.codec;

/**
 * Names of the GATT services and characteristics the health devices use (Bluetooth Assigned Numbers, 3.4 and 3.8),
 * for messages and decoded captures.
 */
public final class GattNames {
    public static final int GENERIC_ACCESS = 0x1800;
    public static final int HEALTH_THERMOMETER = 0x1809;
    public static final int BATTERY = 0x180F;
    public static final int BLOOD_PRESSURE = 0x1810;
    public static final int WEIGHT_SCALE = 0x181D;
    public static final int DEVICE_NAME = 0x2A00;

    private GattNames() {
    }

    /** A service's name, or null for one not listed here. */
    public static String service(int uuid16) {
        return switch (uuid16) {
            case GENERIC_ACCESS -> "Generic Access";
            case HEALTH_THERMOMETER -> "Health Thermometer";
            case BATTERY -> "Battery";
            case BLOOD_PRESSURE -> "Blood Pressure";
            case WEIGHT_SCALE -> "Weight Scale";
            default -> null;
        };
    }

    /** A characteristic's name, or null for one not listed here. */
    public static String characteristic(int uuid16) {
        return switch (uuid16) {
            case DEVICE_NAME -> "Device Name";
            case 0x2A01 -> "Appearance";
            case Characteristics.BATTERY_LEVEL -> "Battery Level";
            case Characteristics.TEMPERATURE_MEASUREMENT -> "Temperature Measurement";
            case Characteristics.BLOOD_PRESSURE_MEASUREMENT -> "Blood Pressure Measurement";
            case Characteristics.INTERMEDIATE_CUFF_PRESSURE -> "Intermediate Cuff Pressure";
            case Characteristics.HEART_RATE_MEASUREMENT -> "Heart Rate Measurement";
            case Characteristics.BLOOD_PRESSURE_FEATURE -> "Blood Pressure Feature";
            case Characteristics.RECORD_ACCESS_CONTROL_POINT -> "Record Access Control Point";
            case Characteristics.PLX_SPOT_CHECK_MEASUREMENT -> "PLX Spot-Check Measurement";
            case Characteristics.PLX_CONTINUOUS_MEASUREMENT -> "PLX Continuous Measurement";
            case Characteristics.PLX_FEATURES -> "PLX Features";
            case Characteristics.WEIGHT_MEASUREMENT -> "Weight Measurement";
            case 0x2A9E -> "Weight Scale Feature";
            default -> null;
        };
    }
}
