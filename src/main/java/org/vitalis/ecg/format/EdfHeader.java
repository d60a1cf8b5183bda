package org.vitalis.ecg.format;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The header of an EDF (Kemp et al. 1992), EDF+ (Kemp &amp; Olivan 2003) or BDF file, fields as the file gives them.
 *
 * @param bdf               true for BioSemi's 24-bit variant (version byte 0xFF, "BIOSEMI")
 * @param version           the 8-byte version field ("0" for EDF, "BIOSEMI" without its 0xFF lead byte for BDF)
 * @param patientField      the 80-character local patient identification, as written
 * @param recordingField    the 80-character local recording identification, as written
 * @param patient           EDF+ subfields of {@code patientField}, or null for plain EDF/BDF
 * @param recording         EDF+ subfields of {@code recordingField}, or null for plain EDF/BDF
 * @param startDateTime     header start date and time: local clock time of the recorder, no zone, whole seconds
 * @param headerBytes       bytes in the header record, 256 * (signals + 1)
 * @param reserved          the 44-character reserved field: "EDF+C", "EDF+D", "BDF+C", "BDF+D", "24BIT" or blank
 * @param dataRecords       number of data records; when the file says -1 (still recording) it is counted from the file size
 * @param recordDuration    seconds per data record; 0 only for files holding nothing but annotations
 * @param signals           all signals, annotation signals included
 */
public record EdfHeader(boolean bdf, String version, String patientField, String recordingField, Patient patient,
        Recording recording, LocalDateTime startDateTime, int headerBytes, String reserved, long dataRecords,
        double recordDuration, List<EdfSignal> signals) {

    /** Fixed part of the header record (Kemp et al. 1992): version 8, patient 80, recording 80, date 8, time 8,
     * header bytes 8, reserved 44, records 8, duration 8, signal count 4. */
    static final int FIXED_BYTES = 256;
    /** Per-signal header bytes: label 16, transducer 80, dimension 8, 4 x 8 ranges, prefiltering 80, samples 8, reserved 32. */
    static final int SIGNAL_BYTES = 256;
    /** Widths of the per-signal fields in file order (Kemp et al. 1992). */
    private static final int[] SIGNAL_FIELD_WIDTHS = {16, 80, 8, 8, 8, 8, 8, 80, 8, 32};

    private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};

    /**
     * EDF+ patient identification subfields (EDF+ spec 2.1.3.1): code, sex, birthdate, name, then anything else.
     * "X" (unknown) becomes "" or null, and underscores become spaces as the spec asks writers to encode them.
     *
     * @param sex        "F", "M" or ""
     * @param birthdate  null when unknown or unreadable
     */
    public record Patient(String code, String sex, LocalDate birthdate, String name, String additional) {
    }

    /**
     * EDF+ recording identification subfields (EDF+ spec 2.1.3.2): "Startdate dd-MMM-yyyy", admin code, technician,
     * equipment, then anything else.
     *
     * @param startdate null when the file writes "Startdate X" (date unknown)
     */
    public record Recording(LocalDate startdate, String adminCode, String technician, String equipment, String additional) {
    }

    public EdfHeader {
        signals = List.copyOf(signals);
    }

    public boolean isEdfPlus() {
        return reserved.startsWith("EDF+") || reserved.startsWith("BDF+");
    }

    /** EDF+D: data records need not follow each other without gaps (EDF+ spec 2.1.3.5). */
    public boolean isDiscontinuous() {
        return reserved.startsWith("EDF+D") || reserved.startsWith("BDF+D");
    }

    public int bytesPerSample() {
        return bdf ? 3 : 2;
    }

    /** Bytes in one data record. */
    public long recordBytes() {
        long n = 0;
        for (EdfSignal s : signals) {
            n += s.samplesPerRecord();
        }
        return n * bytesPerSample();
    }

    /** Signals that hold samples (not EDF+ annotations). */
    public List<EdfSignal> ordinarySignals() {
        return signals.stream().filter(s -> !s.isAnnotations()).toList();
    }

    /**
     * Parses and checks a header against the length of the file it came from, so that no count in it can make a
     * reader allocate or read more than the file holds.
     *
     * @param data       the file's bytes (at least the header)
     * @param fileLength the whole file's length in bytes
     * @param source     names the file in error messages
     */
    public static EdfHeader parse(byte[] data, long fileLength, String source) {
        if (data.length < FIXED_BYTES) {
            throw new EdfFormatException(source, "is " + data.length + " bytes, shorter than the 256-byte EDF header");
        }
        boolean bdf;
        String version;
        if ((data[0] & 0xFF) == 0xFF) {
            bdf = true;
            version = ascii(data, 1, 7);
            if (!version.equals("BIOSEMI")) {
                throw new EdfFormatException(source, "version byte 0xFF announces BDF but is followed by '" + version + "', not BIOSEMI");
            }
        } else {
            bdf = false;
            version = ascii(data, 0, 8);
            if (!version.equals("0")) {
                throw new EdfFormatException(source, "version is '" + version + "', not '0' (EDF) or 0xFF BIOSEMI (BDF)");
            }
        }
        String patientField = ascii(data, 8, 80);
        String recordingField = ascii(data, 88, 80);
        String date = ascii(data, 168, 8);
        String time = ascii(data, 176, 8);
        int headerBytes = parseInt(ascii(data, 184, 8), source, "number of header bytes");
        String reserved = ascii(data, 192, 44);
        long records = parseInt(ascii(data, 236, 8), source, "number of data records");
        double duration = parseDouble(ascii(data, 244, 8), source, "data record duration");
        int ns = parseInt(ascii(data, 252, 4), source, "number of signals");
        if (ns < 1) {
            throw new EdfFormatException(source, "number of signals is " + ns + ", must be at least 1");
        }
        if (headerBytes != FIXED_BYTES + ns * SIGNAL_BYTES) {
            throw new EdfFormatException(source, "header size is " + headerBytes + " bytes but " + ns + " signals need "
                    + (FIXED_BYTES + ns * SIGNAL_BYTES));
        }
        if (headerBytes > data.length) {
            throw new EdfFormatException(source, "header of " + headerBytes + " bytes is longer than the file (" + data.length + " bytes)");
        }
        if (!(duration >= 0) || Double.isInfinite(duration)) {
            throw new EdfFormatException(source, "data record duration " + duration + " s is not a non-negative number");
        }
        List<EdfSignal> signals = new ArrayList<>(ns);
        String[][] f = new String[SIGNAL_FIELD_WIDTHS.length][ns];
        int p = FIXED_BYTES;
        for (int k = 0; k < SIGNAL_FIELD_WIDTHS.length; k++) {
            for (int i = 0; i < ns; i++) {
                f[k][i] = ascii(data, p, SIGNAL_FIELD_WIDTHS[k]);
                p += SIGNAL_FIELD_WIDTHS[k];
            }
        }
        for (int i = 0; i < ns; i++) {
            String where = "signal " + i + " (" + f[0][i] + "): ";
            int spr = parseInt(f[8][i], source, where + "samples per data record");
            if (spr < 0) {
                throw new EdfFormatException(source, where + "negative number of samples per data record " + spr);
            }
            signals.add(new EdfSignal(f[0][i], f[1][i], f[2][i], parseDouble(f[3][i], source, where + "physical minimum"),
                    parseDouble(f[4][i], source, where + "physical maximum"), parseInt(f[5][i], source, where + "digital minimum"),
                    parseInt(f[6][i], source, where + "digital maximum"), f[7][i], spr, f[9][i]));
        }
        boolean plus = reserved.startsWith("EDF+") || reserved.startsWith("BDF+");
        Patient patient = plus ? patient(patientField) : null;
        Recording recording = plus ? recording(recordingField) : null;
        LocalDateTime start = startDateTime(date, time, recording, source);

        long recordBytes = 0;
        for (EdfSignal s : signals) {
            recordBytes += s.samplesPerRecord();
        }
        recordBytes *= bdf ? 3 : 2;
        long available = fileLength - headerBytes;
        if (recordBytes == 0 && records != 0) {
            throw new EdfFormatException(source, "data records hold no samples of any signal");
        }
        if (records == -1) {
            // "-1 while recording" (EDF+ spec 2.1.3.4): the file itself says how many complete records were written.
            records = available / recordBytes;
        } else if (records < 0) {
            throw new EdfFormatException(source, "number of data records is " + records);
        } else if (recordBytes > 0 && records > available / recordBytes) {
            throw new EdfFormatException(source, "header announces " + records + " data records of " + recordBytes
                    + " bytes but the file holds " + available / recordBytes);
        }
        return new EdfHeader(bdf, version, patientField, recordingField, patient, recording, start, headerBytes, reserved,
                records, duration, signals);
    }

    private static LocalDateTime startDateTime(String date, String time, Recording recording, String source) {
        String[] d = date.split("\\.", -1);
        String[] t = time.split("\\.", -1);
        if (d.length != 3 || t.length != 3) {
            throw new EdfFormatException(source, "start date '" + date + "' or time '" + time + "' is not dd.mm.yy / hh.mm.ss");
        }
        int day = parseInt(d[0], source, "start day");
        int month = parseInt(d[1], source, "start month");
        int year;
        if (recording != null && recording.startdate() != null) {
            // EDF+ spec 2.1.3.3: the Startdate subfield carries the four-digit year, needed after 2084 where the
            // header writes "yy".
            year = recording.startdate().getYear();
        } else {
            int yy = parseInt(d[2], source, "start year");
            // Kemp et al. 1992 / EDF+ spec 2.1.3.3: two-digit years are clipped to 1985-2084.
            year = yy >= 85 ? 1900 + yy : 2000 + yy;
        }
        try {
            return LocalDateTime.of(year, month, day, parseInt(t[0], source, "start hour"),
                    parseInt(t[1], source, "start minute"), parseInt(t[2], source, "start second"));
        } catch (DateTimeException e) {
            throw new EdfFormatException(source, "start date '" + date + "' time '" + time + "' is not a valid date and time", e);
        }
    }

    private static Patient patient(String field) {
        String[] s = field.split(" +", 5);
        return new Patient(sub(s, 0), sub(s, 1), date(sub(s, 2)), sub(s, 3), s.length > 4 ? s[4].replace('_', ' ') : "");
    }

    private static Recording recording(String field) {
        if (!field.startsWith("Startdate ")) {
            // Not EDF+-compliant despite the reserved field: keep the text rather than guess at subfields.
            return new Recording(null, "", "", "", field);
        }
        String[] s = field.split(" +", 6);
        return new Recording(date(sub(s, 1)), sub(s, 2), sub(s, 3), sub(s, 4), s.length > 5 ? s[5].replace('_', ' ') : "");
    }

    private static String sub(String[] s, int i) {
        if (i >= s.length || s[i].equals("X")) {
            return "";
        }
        return s[i].replace('_', ' ');
    }

    /** EDF+ dates are dd-MMM-yyyy with English upper-case months (EDF+ spec 2.1.3.1). */
    static LocalDate date(String text) {
        String[] p = text.split("-", -1);
        if (p.length != 3 || !p[0].matches("\\d{1,2}") || !p[2].matches("\\d{4}")) {
            return null;
        }
        String mon = p[1].toUpperCase(Locale.ROOT);
        for (int m = 0; m < 12; m++) {
            if (MONTHS[m].equals(mon)) {
                try {
                    return LocalDate.of(Integer.parseInt(p[2]), m + 1, Integer.parseInt(p[0]));
                } catch (DateTimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    static String month(int month) {
        return MONTHS[month - 1];
    }

    private static String ascii(byte[] data, int offset, int length) {
        // The spec allows printable US-ASCII only; ISO-8859-1 decodes any byte, so stray "µ" or "°" survive as such.
        return new String(data, offset, length, StandardCharsets.ISO_8859_1).strip();
    }

    private static int parseInt(String s, String source, String what) {
        if (!s.matches("[+-]?\\d{1,9}")) {
            throw new EdfFormatException(source, what + " is not an integer: '" + s + "'");
        }
        return Integer.parseInt(s);
    }

    static double parseDouble(String s, String source, String what) {
        // Double.parseDouble also takes hex floats, "NaN", "Infinity" and type suffixes; EDF writes plain decimals.
        if (!s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            throw new EdfFormatException(source, what + " is not a number: '" + s + "'");
        }
        return Double.parseDouble(s);
    }
}
