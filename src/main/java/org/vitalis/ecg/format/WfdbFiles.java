package org.vitalis.ecg.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a WFDB record into the format-neutral {@link EcgRecord}: ADC integers, gain, baseline and units of every
 * signal unchanged, the base time and date of the record line as the start, and the reference annotations of
 * {@code name.atr} when that file exists.
 */
public final class WfdbFiles {
    private WfdbFiles() {
    }

    /**
     * Reads the record a header names.
     *
     * @param headerOrRecord the {@code .hea} file, or the record path without extension ({@code dir/100s})
     * @throws WfdbFormatException when the header, signal or annotation file is malformed
     */
    public static EcgRecord read(Path headerOrRecord) throws IOException {
        String file = headerOrRecord.getFileName().toString();
        Path header = file.endsWith(".hea") ? headerOrRecord : headerOrRecord.resolveSibling(file + ".hea");
        WfdbRecord rec = WfdbRecord.read(header);
        Instant start = baseInstant(Files.readString(header, StandardCharsets.ISO_8859_1), header.toString());
        List<EcgLead> leads = new ArrayList<>();
        for (int i = 0; i < rec.adc().length; i++) {
            WfdbSignal s = rec.header().signals().get(i);
            String label = s.description().isBlank() ? "signal " + i : s.description();
            leads.add(new EcgLead(label, rec.adc()[i], s.gain(), s.baseline(), s.units()));
        }
        String name = rec.header().recordName();
        Path atr = header.resolveSibling(name + ".atr");
        List<Annotation> beats = Files.isRegularFile(atr) ? MitAnnotations.read(atr) : List.of();
        if (leads.isEmpty()) {
            throw new WfdbFormatException(header.toString(), "record has no signals");
        }
        return new EcgRecord(name, start, rec.samplingFrequency(), leads, beats, List.of());
    }

    /**
     * The base time and date of a header's record line ({@code name nsig fs nsamp hh:mm:ss dd/mm/yyyy}, WFDB
     * header(5)), or null when the line lacks either: a time of day alone does not fix an instant. WFDB records
     * carry no time zone; they are read as UTC, the zone {@link WfdbWriter} writes them in.
     */
    static Instant baseInstant(String headerText, String source) {
        for (String raw : headerText.split("\r?\n|\r")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] t = line.split("\\s+");
            if (t.length < 6) {
                return null;
            }
            try {
                LocalTime time = timeOfDay(t[4]);
                String[] d = t[5].split("/");
                if (d.length != 3) {
                    throw new WfdbFormatException(source, "base date is not dd/mm/yyyy: '" + t[5] + "'");
                }
                LocalDate date = LocalDate.of(Integer.parseInt(d[2]), Integer.parseInt(d[1]), Integer.parseInt(d[0]));
                return date.atTime(time).toInstant(ZoneOffset.UTC);
            } catch (NumberFormatException | java.time.DateTimeException e) {
                throw new WfdbFormatException(source, "base time or date is malformed: '" + t[4] + " " + t[5] + "'", e);
            }
        }
        return null;
    }

    /** WFDB writes the base time as [[hh:]mm:]ss[.sss] with unpadded fields. */
    private static LocalTime timeOfDay(String s) {
        String[] p = s.split(":", -1);
        if (p.length > 3 || !s.matches("[0-9:.]+")) {
            throw new NumberFormatException(s);
        }
        int h = p.length == 3 ? Integer.parseInt(p[0]) : 0;
        int m = p.length >= 2 ? Integer.parseInt(p[p.length - 2]) : 0;
        double sec = Double.parseDouble(p[p.length - 1]);
        long nanos = Math.round((sec - Math.floor(sec)) * 1e9);
        return LocalTime.of(h, m, (int) Math.floor(sec), (int) Math.min(nanos, 999_999_999));
    }
}
