package org.vitalis.ecg.format;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes an {@link EcgRecord} as a 16-bit EDF+C file (Kemp &amp; Olivan 2003) with its events in an
 * "EDF Annotations" signal, so that {@link EdfReader} gives back the same integer samples, labels, rate, gains,
 * baselines, start and events.
 *
 * <ul>
 * <li>Scaling: each lead's digital and physical ranges are chosen so that EDF's map reproduces the lead's gain and
 * baseline; among ranges that hold all its samples the writer prefers one whose 8-character physical values make
 * the gain come back bit for bit, and otherwise takes the full 16-bit range (gain then agrees to the 8 significant
 * characters EDF allows). Samples outside -32768..32767 cannot be written and are refused.</li>
 * <li>Data records: the duration is a whole number of samples whose decimal text gives back the rate exactly,
 * preferring 1 s; when no such duration divides the sample count, the last record is padded by repeating each
 * lead's last sample, and reading gives those extra samples.</li>
 * <li>Time: the start instant is written as clock time in {@code zone}, its fraction of a second in the first
 * time-keeping TAL (EDF+ spec 2.2.4). A null start is written as "Startdate X" (date unknown) on 01.01.85.</li>
 * <li>Identification: patient "X X X X" and no names: the record carries none and EDF files travel.</li>
 * <li>Text: labels longer than 16 characters are cut; non-ASCII header characters become '?'; 0x00, 0x14 and 0x15
 * in event texts (TAL delimiters) become spaces. Events with empty text are left out: an empty TAL text means "no
 * annotation" (EDF+ spec 2.2.2). Events are written in onset order, so a reader sees them sorted.</li>
 * </ul>
 */
public final class EdfWriter {
    /** Kemp et al. 1992: 16-bit two's complement samples. */
    private static final int DIGITAL_MIN = -32768;
    private static final int DIGITAL_MAX = 32767;
    /** EDF+ spec 2.1.3.5 recommends data records of at most 61440 bytes. */
    private static final int RECORD_BYTES_LIMIT = 61440;
    /** Longest record duration tried for the padded case, in samples. */
    private static final int MAX_PADDED_SAMPLES = 100_000;

    private EdfWriter() {
    }

    public static void write(EcgRecord record, Path file, ZoneId zone) throws IOException {
        Files.write(file, toBytes(record, zone));
    }

    /** The EDF+C bytes of {@code record}; {@code zone} turns its start instant into EDF's local clock time. */
    public static byte[] toBytes(EcgRecord record, ZoneId zone) {
        List<EcgLead> leads = record.leads();
        int n = record.sampleCount();
        if (n == 0) {
            throw new IllegalArgumentException("Record " + record.id() + " has no samples; EDF cannot hold an empty recording");
        }
        int spr = samplesPerRecord(record.samplingFrequency(), n);
        String duration = decimal(BigDecimal.valueOf(spr / record.samplingFrequency()));
        long records = (n + (long) spr - 1) / spr;

        LocalDateTime local = record.start() == null ? LocalDateTime.of(1985, 1, 1, 0, 0)
                : LocalDateTime.ofInstant(record.start(), zone);
        BigDecimal fraction = BigDecimal.valueOf(local.getNano()).movePointLeft(9);
        local = local.withNano(0);

        List<List<byte[]>> talsPerRecord = annotations(record.events(), fraction, records);
        int annotationBytes = 0;
        for (int r = 0; r < records; r++) {
            int b = timeKeeping(BigDecimal.valueOf(r).multiply(new BigDecimal(duration)).add(fraction)).length;
            for (byte[] t : talsPerRecord.get(r)) {
                b += t.length;
            }
            annotationBytes = Math.max(annotationBytes, b);
        }
        int annotationSpr = (annotationBytes + 1) / 2;

        int ns = leads.size() + 1;
        String[][] ranges = new String[leads.size()][];
        for (int i = 0; i < leads.size(); i++) {
            ranges[i] = ranges(leads.get(i));
        }
        int headerBytes = EdfHeader.FIXED_BYTES + ns * EdfHeader.SIGNAL_BYTES;
        long recordBytes = 2L * (leads.size() * (long) spr + annotationSpr);
        long total = headerBytes + records * recordBytes;
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("Record " + record.id() + " needs " + total + " bytes as EDF, too many for one array");
        }
        byte[] out = new byte[(int) total];
        StringBuilder h = new StringBuilder(headerBytes);
        field(h, "0", 8);
        field(h, "X X X X", 80);
        String startdate = record.start() == null ? "X" : String.format("%02d-%s-%04d", local.getDayOfMonth(),
                EdfHeader.month(local.getMonthValue()), local.getYear());
        field(h, "Startdate " + startdate + " X X X", 80);
        int year = local.getYear();
        // Kemp et al. 1992 / EDF+ spec 2.1.3.3: two digits for 1985-2084, "yy" otherwise (Startdate has the year).
        String yy = year >= 1985 && year <= 2084 ? String.format("%02d", year % 100) : "yy";
        field(h, String.format("%02d.%02d.%s", local.getDayOfMonth(), local.getMonthValue(), yy), 8);
        field(h, String.format("%02d.%02d.%02d", local.getHour(), local.getMinute(), local.getSecond()), 8);
        field(h, Integer.toString(headerBytes), 8);
        field(h, "EDF+C", 44);
        field(h, Long.toString(records), 8);
        field(h, duration, 8);
        field(h, Integer.toString(ns), 4);
        for (EcgLead l : leads) {
            field(h, l.label(), 16);
        }
        field(h, EdfSignal.EDF_ANNOTATIONS, 16);
        for (int i = 0; i < ns; i++) {
            field(h, "", 80);
        }
        for (EcgLead l : leads) {
            field(h, l.unit(), 8);
        }
        field(h, "", 8);
        for (int k = 0; k < 4; k++) {
            for (String[] r : ranges) {
                field(h, r[k], 8);
            }
            // EDF+ spec 2.2.1: the annotation signal's ranges only need to differ; EDFlib writes -1/1 physical.
            field(h, new String[] {"-1", "1", "-32768", "32767"}[k], 8);
        }
        for (int i = 0; i < ns; i++) {
            field(h, "", 80);
        }
        for (int i = 0; i < leads.size(); i++) {
            field(h, Integer.toString(spr), 8);
        }
        field(h, Integer.toString(annotationSpr), 8);
        for (int i = 0; i < ns; i++) {
            field(h, "", 32);
        }
        byte[] head = h.toString().getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, out, 0, headerBytes);

        int p = headerBytes;
        for (int r = 0; r < records; r++) {
            for (EcgLead l : leads) {
                int[] x = l.samples();
                for (int j = 0; j < spr; j++) {
                    int v = x[Math.min(r * spr + j, n - 1)];
                    out[p++] = (byte) v;
                    out[p++] = (byte) (v >> 8);
                }
            }
            int q = p;
            byte[] tk = timeKeeping(BigDecimal.valueOf(r).multiply(new BigDecimal(duration)).add(fraction));
            System.arraycopy(tk, 0, out, q, tk.length);
            q += tk.length;
            for (byte[] t : talsPerRecord.get(r)) {
                System.arraycopy(t, 0, out, q, t.length);
                q += t.length;
            }
            p += 2 * annotationSpr;
        }
        return out;
    }

    /** Samples per data record: one that divides {@code n} and whose duration text gives back the rate exactly. */
    static int samplesPerRecord(double fs, int n) {
        int perSecond = (int) Math.round(fs);
        if (perSecond == fs && n % perSecond == 0 && exactDuration(fs, perSecond)) {
            return perSecond;
        }
        int best = -1;
        for (int d = 1; (long) d * d <= n; d++) {
            if (n % d == 0) {
                for (int k : new int[] {d, n / d}) {
                    if (exactDuration(fs, k) && (best < 0 || better(k, best))) {
                        best = k;
                    }
                }
            }
        }
        if (best > 0) {
            return best;
        }
        // No exact duration divides n: pad the last record, with a duration near 1 s.
        for (int k = Math.max(1, perSecond); k <= MAX_PADDED_SAMPLES; k++) {
            if (exactDuration(fs, k)) {
                return k;
            }
        }
        for (int k = Math.max(1, perSecond) - 1; k >= 1; k--) {
            if (exactDuration(fs, k)) {
                return k;
            }
        }
        throw new IllegalArgumentException("No EDF data record duration (8 characters) gives back the sampling rate " + fs + " Hz");
    }

    /** Prefers records within the recommended size (counted for one lead), then the larger. */
    private static boolean better(int k, int best) {
        boolean kFits = 2L * k <= RECORD_BYTES_LIMIT;
        boolean bestFits = 2L * best <= RECORD_BYTES_LIMIT;
        if (kFits != bestFits) {
            return kFits;
        }
        return kFits ? k > best : k < best;
    }

    private static boolean exactDuration(double fs, int k) {
        String d = decimal(BigDecimal.valueOf(k / fs));
        return d.length() <= 8 && Double.parseDouble(d) > 0 && k / Double.parseDouble(d) == fs;
    }

    /** Digital and physical ranges (physMin, physMax, digMin, digMax as header text) that reproduce the lead's scale. */
    static String[] ranges(EcgLead lead) {
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (int v : lead.samples()) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (lead.samples().length > 0 && (lo < DIGITAL_MIN || hi > DIGITAL_MAX)) {
            throw new IllegalArgumentException("Lead " + lead.label() + " has samples " + lo + ".." + hi
                    + ", outside the 16-bit range EDF can hold");
        }
        lo = Math.min(lo, DIGITAL_MAX - 1);
        hi = Math.max(hi, lo + 1);
        // Full range first: it is what readers expect, and the search below keeps it when it is exact.
        String[] full = candidate(lead, DIGITAL_MIN, DIGITAL_MAX);
        if (full != null && exact(lead, full)) {
            return full;
        }
        int base = lead.baseline();
        for (int dMax = DIGITAL_MAX; dMax >= hi && dMax > DIGITAL_MAX - 40_000; dMax--) {
            long[] mins = {DIGITAL_MIN, -dMax, -(long) dMax - 1, 2L * base - dMax};
            for (long dMin : mins) {
                if (dMin >= DIGITAL_MIN && dMin <= lo && dMin < dMax) {
                    String[] c = candidate(lead, (int) dMin, dMax);
                    if (c != null && exact(lead, c)) {
                        return c;
                    }
                }
            }
        }
        if (full == null) {
            throw new IllegalArgumentException("Lead " + lead.label() + ": gain " + lead.gain() + " and baseline " + base
                    + " give physical values that do not fit EDF's 8-character fields");
        }
        return full;
    }

    private static String[] candidate(EcgLead lead, int dMin, int dMax) {
        String pMin = fit8((dMin - (double) lead.baseline()) / lead.gain());
        String pMax = fit8((dMax - (double) lead.baseline()) / lead.gain());
        if (pMin == null || pMax == null || pMin.equals(pMax)) {
            return null;
        }
        return new String[] {pMin, pMax, Integer.toString(dMin), Integer.toString(dMax)};
    }

    /** True when the reader, doing exactly what {@link EdfReader} does, gets the lead's gain and baseline back. */
    private static boolean exact(EcgLead lead, String[] r) {
        EdfSignal s = new EdfSignal(lead.label(), "", lead.unit(), Double.parseDouble(r[0]), Double.parseDouble(r[1]),
                Integer.parseInt(r[2]), Integer.parseInt(r[3]), "", 1, "");
        return s.gain() == lead.gain() && Math.round(s.offset()) == lead.baseline();
    }

    /** The value as a plain decimal of at most 8 characters, as precise as fits, or null when none fits. */
    static String fit8(double v) {
        if (!Double.isFinite(v)) {
            return null;
        }
        String shortest = decimal(BigDecimal.valueOf(v));
        if (shortest.length() <= 8) {
            return shortest;
        }
        for (int scale = 7; scale >= 0; scale--) {
            String s = decimal(BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_EVEN));
            if (s.length() <= 8) {
                return s;
            }
        }
        return null;
    }

    private static String decimal(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        if (s.scale() < 0) {
            s = s.setScale(0);
        }
        String t = s.toPlainString();
        return t.equals("-0") ? "0" : t;
    }

    /** The time-keeping TAL that starts each data record (EDF+ spec 2.2.4): "+onset" 0x14 0x14 0x00. */
    private static byte[] timeKeeping(BigDecimal onset) {
        return (signed(onset) + "\u0014\u0014\u0000").getBytes(StandardCharsets.US_ASCII);
    }

    private static String signed(BigDecimal v) {
        String t = decimal(v);
        return t.startsWith("-") ? t : "+" + t;
    }

    /** One TAL per event, spread over the records in onset order, at most ceil(events / records) per record. */
    private static List<List<byte[]>> annotations(List<EcgEvent> events, BigDecimal fraction, long records) {
        List<EcgEvent> sorted = new ArrayList<>(events.stream().filter(e -> !e.text().isEmpty()).toList());
        sorted.sort(Comparator.comparingDouble(EcgEvent::onsetSeconds));
        List<List<byte[]>> out = new ArrayList<>();
        for (int r = 0; r < records; r++) {
            out.add(new ArrayList<>());
        }
        long per = (sorted.size() + records - 1) / records;
        for (int i = 0; i < sorted.size(); i++) {
            EcgEvent e = sorted.get(i);
            // TAL onsets count from the header's whole-second start time, so the sub-second part is added back.
            StringBuilder t = new StringBuilder(signed(BigDecimal.valueOf(e.onsetSeconds()).add(fraction)));
            if (e.durationSeconds() > 0) {
                t.append('\u0015').append(decimal(BigDecimal.valueOf(e.durationSeconds())));
            }
            t.append('\u0014').append(e.text().replace('\u0000', ' ').replace('\u0014', ' ').replace('\u0015', ' '))
                    .append('\u0014').append('\u0000');
            out.get((int) (i / per)).add(t.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    private static void field(StringBuilder h, String value, int width) {
        StringBuilder v = new StringBuilder(width);
        for (int i = 0; i < value.length() && v.length() < width; i++) {
            char c = value.charAt(i);
            v.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        while (v.length() < width) {
            v.append(' ');
        }
        h.append(v);
    }
}
