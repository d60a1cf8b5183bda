package org.vitalis.ecg.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Writes an {@link EcgRecord} as a WFDB record: {@code name.hea}, one interleaved signal file {@code name.dat}, and
 * {@code name.atr} with the beats when there are any (WFDB header(5), signal(5), annot(5)).
 *
 * <p>The signal file uses format 212 when every sample fits in 12 bits, as MIT-BIH recordings do: it is
 * the format most WFDB tools and PhysioNet records use and a quarter smaller than format 16, and for such samples
 * it loses nothing. Otherwise format 16 is used; samples beyond 16 bits are refused rather than clipped. Free-text
 * events have no place in a WFDB record and are not written.
 */
public final class WfdbWriter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    /** Milliseconds in the base time are a later WFDB addition; whole seconds stay in the classic form. */
    private static final DateTimeFormatter TIME_MS = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);

    private WfdbWriter() {
    }

    /**
     * Writes the record into {@code directory}, replacing files of the same name.
     *
     * @param recordName WFDB record name: letters, digits and underscores (WFDB header(5))
     * @throws IllegalArgumentException for an invalid name or a sample that does not fit in 16 bits
     */
    public static void write(EcgRecord record, Path directory, String recordName) throws IOException {
        if (!recordName.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("WFDB record names use letters, digits and underscores only: '" + recordName + "'");
        }
        List<EcgLead> leads = record.leads();
        int format = 212;
        for (EcgLead lead : leads) {
            for (int v : lead.samples()) {
                if (v < -32768 || v > 32767) {
                    throw new IllegalArgumentException("Lead " + lead.label() + " has sample " + v
                            + ", which does not fit the 16 bits of WFDB format 16");
                }
                if (v < -2048 || v > 2047) {
                    format = 16;
                }
            }
        }
        String dat = recordName + ".dat";
        StringBuilder hea = new StringBuilder();
        hea.append(recordName).append(' ').append(leads.size()).append(' ')
                .append(Decimals.plain(record.samplingFrequency())).append(' ').append(record.sampleCount());
        if (record.start() != null) {
            LocalDateTime t = LocalDateTime.ofInstant(record.start(), ZoneOffset.UTC);
            hea.append(' ').append((t.getNano() == 0 ? TIME : TIME_MS).format(t)).append(' ').append(DATE.format(t));
        }
        hea.append('\n');
        for (EcgLead lead : leads) {
            int[] x = lead.samples();
            hea.append(dat).append(' ').append(format).append(' ')
                    .append(Decimals.plain(lead.gain())).append('(').append(lead.baseline()).append(")/")
                    .append(units(lead.unit())).append(' ')
                    .append(format == 212 ? 12 : 16).append(' ')
                    .append(0).append(' ')
                    .append(x.length > 0 ? x[0] : 0).append(' ')
                    .append(WfdbSampleDecoder.checksum(x)).append(' ')
                    .append(0).append(' ')
                    .append(description(lead.label())).append('\n');
        }
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(recordName + ".hea"), hea, StandardCharsets.ISO_8859_1);
        Files.write(directory.resolve(dat), format == 212 ? encode212(leads) : encode16(leads));
        Path atr = directory.resolve(recordName + ".atr");
        if (!record.beats().isEmpty()) {
            MitAnnotations.write(atr, record.beats());
        } else {
            Files.deleteIfExists(atr);
        }
    }

    /** The units field ends at the next blank (header(5)), so a unit must be one word. */
    private static String units(String unit) {
        if (unit.isEmpty() || !unit.matches("\\S+")) {
            throw new IllegalArgumentException("WFDB units must be one word, not '" + unit + "'");
        }
        return unit;
    }

    /** The description runs to the end of its line, so line breaks would start a new signal line. */
    private static String description(String label) {
        String d = label.replaceAll("[\\p{Cntrl}]", " ").strip();
        return d.isEmpty() ? "ECG" : d;
    }

    static byte[] encode16(List<EcgLead> leads) {
        int n = leads.getFirst().samples().length;
        int m = leads.size();
        byte[] out = new byte[n * m * 2];
        int p = 0;
        for (int i = 0; i < n; i++) {
            for (EcgLead lead : leads) {
                int v = lead.samples()[i];
                out[p++] = (byte) v;
                out[p++] = (byte) (v >> 8);
            }
        }
        return out;
    }

    /** Two 12-bit samples in three bytes; an odd last sample takes two bytes, which readers accept (signal(5)). */
    static byte[] encode212(List<EcgLead> leads) {
        int n = leads.getFirst().samples().length;
        int m = leads.size();
        long total = (long) n * m;
        byte[] out = new byte[(int) (total / 2 * 3 + (total % 2) * 2)];
        int p = 0;
        for (long k = 0; k < total; k += 2) {
            int a = leads.get((int) (k % m)).samples()[(int) (k / m)];
            out[p++] = (byte) a;
            if (k + 1 < total) {
                int b = leads.get((int) ((k + 1) % m)).samples()[(int) ((k + 1) / m)];
                out[p++] = (byte) ((a >> 8 & 0x0F) | (b >> 8 & 0x0F) << 4);
                out[p++] = (byte) b;
            } else {
                out[p++] = (byte) (a >> 8 & 0x0F);
            }
        }
        return out;
    }
}
