package org.vitalis.device.codec;

import java.math.BigDecimal;
import java.util.List;

/** A decoded Bluetooth GATT characteristic value; {@link Characteristics#decode} returns one of these. */
public sealed interface GattValue {

    /** 16-bit UUID of the characteristic this value came from, e.g. 0x2A35. */
    int uuid();

    /**
     * Blood Pressure Measurement Status (Blood Pressure Service 1.1, 3.1.1.5; GSS 3.31.2.5). Bits 6..15 are
     * reserved; they stay visible in {@code raw}.
     */
    record BloodPressureStatus(int raw, boolean bodyMovementDetected, boolean cuffTooLoose,
            boolean irregularPulseDetected, PulseRateRange pulseRateRange, boolean improperMeasurementPosition) {
    }

    /** Bits 3-4 of the Measurement Status (BPS 1.1, 3.1.1.5). */
    enum PulseRateRange {
        WITHIN_RANGE, EXCEEDS_UPPER_LIMIT, BELOW_LOWER_LIMIT, RESERVED
    }

    /**
     * Blood Pressure Measurement 0x2A35 (BPS 1.1, 3.1; GSS 3.31). {@code kpa} is flag bit 0.
     */
    record BloodPressureMeasurement(int uuid, int flags, boolean kpa, Quantity systolic, Quantity diastolic,
            Quantity meanArterialPressure, GattDateTime timeStamp, Quantity pulseRate, Integer userId,
            BloodPressureStatus status) implements GattValue {
    }

    /**
     * Intermediate Cuff Pressure 0x2A36 (BPS 1.1, 3.3; GSS 3.128): same layout as 0x2A35, but only the first
     * SFLOAT is meaningful (the current cuff pressure); the other two are sent as NaN or unused and kept raw.
     */
    record IntermediateCuffPressure(int uuid, int flags, boolean kpa, Quantity cuffPressure, MderFloat unused1,
            MderFloat unused2, GattDateTime timeStamp, Quantity pulseRate, Integer userId,
            BloodPressureStatus status) implements GattValue {
    }

    /** Blood Pressure Feature 0x2A49 (BPS 1.1, 3.2; GSS 3.30). Bits 9..15 reserved, visible in {@code raw}. */
    record BloodPressureFeature(int uuid, int raw, boolean bodyMovementDetection, boolean cuffFitDetection,
            boolean irregularPulseDetection, boolean pulseRateRangeDetection, boolean measurementPositionDetection,
            boolean multipleBonds, boolean e2eCrc, boolean userDataService, boolean userFacingTime)
            implements GattValue {
    }

    /**
     * Heart Rate Measurement 0x2A37 (Heart Rate Service 1.0, 3.1.1; GSS 3.113). {@code sensorContact} is null when
     * the sensor does not support contact detection (flag bits 1-2 = 0b0x); RR intervals are in 1/1024 s with
     * their exact value in seconds alongside.
     */
    record HeartRateMeasurement(int uuid, int flags, boolean uint16Value, Quantity heartRate,
            boolean sensorContactSupported, Boolean sensorContact, Quantity energyExpended,
            List<Integer> rrIntervals1024, List<BigDecimal> rrIntervalsSeconds) implements GattValue {
    }

    /** Temperature Measurement 0x2A1C (Health Thermometer Service 1.0, 3.1; GSS 3.216). */
    record TemperatureMeasurement(int uuid, int flags, boolean fahrenheit, Quantity temperature,
            GattDateTime timeStamp, Integer temperatureType, String temperatureTypeName) implements GattValue {
    }

    /** PLX Measurement Status (Pulse Oximeter Service 1.0, 3.1.1.3 / GSS 3.170.3); bits 0..4 reserved. */
    record PlxMeasurementStatus(int raw, boolean measurementOngoing, boolean earlyEstimatedData,
            boolean validatedData, boolean fullyQualifiedData, boolean dataFromMeasurementStorage,
            boolean dataForDemonstration, boolean dataForTesting, boolean calibrationOngoing,
            boolean measurementUnavailable, boolean questionableMeasurementDetected,
            boolean invalidMeasurementDetected) {
    }

    /** PLX Device and Sensor Status, 24 bits (PLXS 1.0, 3.1.1.4 / GSS 3.170.4); bits 16..23 reserved. */
    record PlxDeviceAndSensorStatus(int raw, boolean extendedDisplayUpdateOngoing,
            boolean equipmentMalfunctionDetected, boolean signalProcessingIrregularityDetected,
            boolean inadequateSignalDetected, boolean poorSignalDetected, boolean lowPerfusionDetected,
            boolean erraticSignalDetected, boolean nonpulsatileSignalDetected, boolean questionablePulseDetected,
            boolean signalAnalysisOngoing, boolean sensorInterferenceDetected, boolean sensorUnconnectedToUser,
            boolean unknownSensorConnected, boolean sensorDisplaced, boolean sensorMalfunctioning,
            boolean sensorDisconnected) {
    }

    /** An SpO2 and pulse-rate pair, as in the SpO2PR-Spot-Check/Normal/Fast/Slow fields of PLXS 1.0. */
    record SpO2PulseRate(Quantity spo2, Quantity pulseRate) {
    }

    /** PLX Spot-Check Measurement 0x2A5E (PLXS 1.0, 3.1; GSS 3.172). */
    record PlxSpotCheck(int uuid, int flags, SpO2PulseRate spotCheck, GattDateTime timeStamp,
            PlxMeasurementStatus measurementStatus, PlxDeviceAndSensorStatus deviceAndSensorStatus,
            Quantity pulseAmplitudeIndex, boolean deviceClockNotSet) implements GattValue {
    }

    /** PLX Continuous Measurement 0x2A5F (PLXS 1.0, 3.2; GSS 3.170). */
    record PlxContinuous(int uuid, int flags, SpO2PulseRate normal, SpO2PulseRate fast, SpO2PulseRate slow,
            PlxMeasurementStatus measurementStatus, PlxDeviceAndSensorStatus deviceAndSensorStatus,
            Quantity pulseAmplitudeIndex) implements GattValue {
    }

    /**
     * PLX Features 0x2A60 (PLXS 1.0, 3.3; GSS 3.171). The two support fields are present only when features bits 0
     * and 1 say so; they reuse the bit layout of the status fields they describe.
     */
    record PlxFeatures(int uuid, int raw, boolean measurementStatusSupported, boolean deviceAndSensorStatusSupported,
            boolean spotCheckMeasurementStorage, boolean spotCheckTimeStamp, boolean spo2prFast, boolean spo2prSlow,
            boolean pulseAmplitudeIndex, boolean multipleBonds, PlxMeasurementStatus measurementStatusSupport,
            PlxDeviceAndSensorStatus deviceAndSensorStatusSupport) implements GattValue {
    }

    /**
     * Weight Measurement 0x2A9D (Weight Scale Service 1.0, 3.1; GSS 3.241). {@code weight} is null with
     * {@code measurementUnsuccessful} true when the scale sent the special value 0xFFFF. User id 0xFF means an
     * unknown user (User Data Service 1.0, 3.2.1), kept as 255.
     */
    record WeightMeasurement(int uuid, int flags, boolean imperial, boolean measurementUnsuccessful, Quantity weight,
            GattDateTime timeStamp, Integer userId, BigDecimal bmi, Quantity height) implements GattValue {
    }

    /** Battery Level 0x2A19 (Battery Service 1.0, 3.1; GSS 3.27): 0..100 %. */
    record BatteryLevel(int uuid, Quantity level) implements GattValue {
    }

    /** A Record Access Control Point 0x2A52 indication, see {@link RecordAccessControlPoint}. */
    record RacpResponse(int uuid, RecordAccessControlPoint.Response response) implements GattValue {
    }
}
