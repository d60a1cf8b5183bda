package org.vitalis.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One stored lead: the integer samples as the codec compressed them, and the scale that turns them into physical
 * units. The samples are compressed outside the domain (ecg.format's sample codec), so this class only carries bytes.
 */
@Embeddable
public class EcgLeadData {
    /** The largest compressed lead a row may hold; backups carry each row as one line. */
    public static final int MAX_SAMPLE_BYTES = 16 << 20;

    @Column(nullable = false, length = 50)
    private String label;

    @Column(nullable = false)
    private double gain;

    @Column(nullable = false)
    private int baseline;

    @Column(nullable = false, length = 10)
    private String unit;

    /**
     * Up to {@link #MAX_SAMPLE_BYTES}; the migration sizes the column. No length here: above 1 MiB Hibernate would
     * expect a BLOB on H2, where the column is the same VARBINARY type as on PostgreSQL's bytea.
     */
    @Column(name = "samples", nullable = false)
    private byte[] samples;

    protected EcgLeadData() {
    }

    public EcgLeadData(String label, double gain, int baseline, String unit, byte[] samples) {
        this.label = label;
        this.gain = gain;
        this.baseline = baseline;
        this.unit = unit;
        this.samples = samples.clone();
    }

    public String getLabel() {
        return label;
    }

    public double getGain() {
        return gain;
    }

    public int getBaseline() {
        return baseline;
    }

    public String getUnit() {
        return unit;
    }

    /** The compressed samples. */
    public byte[] getSamples() {
        return samples.clone();
    }

    public int storedBytes() {
        return samples.length;
    }
}
