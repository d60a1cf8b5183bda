package org.vitalis.ecg.signal;

/**
 * LOINC codes of the ECG interval measurements (DESIGN.md, "Data and clinical conventions"), kept here rather than in
 * {@code domain} so the pure analysis core depends on nothing else in Vitalis.
 */
public final class EcgLoinc {
    /** 8625-6 P-R interval. */
    public static final String PR = "8625-6";
    /** 8633-0 QRS duration. */
    public static final String QRS = "8633-0";
    /** 8634-8 Q-T interval. */
    public static final String QT = "8634-8";
    /** 8636-3 Q-T interval corrected; the correction formula travels with the value as its method. */
    public static final String QTC = "8636-3";
    /** 8867-4 Heart rate. */
    public static final String HEART_RATE = "8867-4";
    /** UCUM unit of the intervals. */
    public static final String MILLISECONDS = "ms";

    private EcgLoinc() {
    }
}
