package org.vitalis.ecg.format;

/**
 * A DICOM file that cannot be read as an ECG waveform: the message names the file, the tag and what is wrong.
 * Unchecked because a malformed file is a data problem the caller reports, not one it can repair.
 */
public final class DicomFormatException extends EcgFormatException {
    private static final long serialVersionUID = 1L;

    private final String source;

    public DicomFormatException(String source, String problem) {
        super(source + ": " + problem);
        this.source = source;
    }

    /** The file (or other origin) the bad bytes came from. */
    public String source() {
        return source;
    }
}
