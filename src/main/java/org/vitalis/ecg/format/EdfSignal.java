package org.vitalis.ecg.format;

/**
 * One signal of an EDF/BDF header (Kemp et al. 1992, "header record", the ns-repeated fields), values as written.
 * EDF maps digital to physical values linearly through the two corner points
 * (digitalMinimum, physicalMinimum) and (digitalMaximum, physicalMaximum).
 *
 * @param label             e.g. "ECG II" or "EDF Annotations" (EDF+ spec 2.2.1 reserves that label)
 * @param transducer        transducer type
 * @param physicalDimension unit as written, e.g. "uV"
 * @param samplesPerRecord  samples of this signal in each data record
 * @param reserved          the 32-character per-signal reserved field
 */
public record EdfSignal(String label, String transducer, String physicalDimension, double physicalMinimum,
        double physicalMaximum, int digitalMinimum, int digitalMaximum, String prefiltering, int samplesPerRecord,
        String reserved) {

    /** EDF+ spec section 2.2.1: the label that marks a signal of TALs instead of samples. */
    public static final String EDF_ANNOTATIONS = "EDF Annotations";
    /** The BDF+ counterpart of {@link #EDF_ANNOTATIONS}, as BioSemi and EDFlib write it. */
    public static final String BDF_ANNOTATIONS = "BDF Annotations";

    public boolean isAnnotations() {
        return label.equals(EDF_ANNOTATIONS) || label.equals(BDF_ANNOTATIONS);
    }

    /** Digital units per physical unit; negative when the header maps rising digital values to falling physical ones. */
    public double gain() {
        return ((double) digitalMaximum - digitalMinimum) / (physicalMaximum - physicalMinimum);
    }

    /** Digital value that means physical zero; fractional whenever the physical range is not centred on a digital integer. */
    public double offset() {
        return digitalMinimum - physicalMinimum * gain();
    }

    /** The exact EDF linear map of one digital sample. */
    public double toPhysical(int digital) {
        return physicalMinimum + (digital - (double) digitalMinimum) * (physicalMaximum - physicalMinimum)
                / ((double) digitalMaximum - digitalMinimum);
    }

    /** Samples per second, given the data record duration in seconds. */
    public double samplingFrequency(double recordDuration) {
        return samplesPerRecord / recordDuration;
    }

    /**
     * The unit as {@link EcgLead} spells it: "uV", "mV" or "V" for voltages, whatever EDF wrote otherwise. EDF's
     * dimension field is free text, so "µV" and case variants of the same unit are common.
     */
    public String unit() {
        String d = physicalDimension.strip();
        return switch (d) {
            case "uV", "uv", "UV", "µV", "μV", "µv", "μv" -> "uV";
            case "mV", "mv" -> "mV";
            case "V", "v" -> "V";
            default -> d;
        };
    }
}
