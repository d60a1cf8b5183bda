package org.vitalis.ecg.format;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads EDF (Kemp et al. 1992), EDF+ (Kemp &amp; Olivan 2003) and BDF/BDF+ (24-bit) files into an {@link EdfFile}.
 *
 * <p>Scaling: samples are kept as the integers in the file. EDF's map {@code physical = (digital - offset) / gain}
 * has a fractional {@code offset} whenever the physical range is not centred on a digital integer (the usual
 * -32768..32767 range gives offset -0.5). {@link EcgLead#baseline()} is an integer, so it holds the offset rounded
 * to the nearest integer: lead values then differ from EDF's by at most half a digital step (0.5 / gain), below the
 * resolution of the recording itself, and the exact map stays available in {@link EdfSignal#toPhysical(int)}.
 * A signal whose physical range is inverted (physical maximum below minimum) is stored with negated samples and
 * offset so that the lead's gain is positive, as {@link EcgLead} requires.
 *
 * <p>Rates: {@link EcgRecord} has one rate for all leads. The main rate is the one shared by the most voltage
 * signals (uV, mV, V), the higher on a tie, or by the most signals of any unit when there is no voltage; every other
 * signal is listed in {@link EdfFile#skipped()} with its rate.
 *
 * <p>Time: EDF gives the recorder's local clock time without a zone. {@link EdfFile#localStart()} keeps it as
 * written; {@link EcgRecord#start()} is that time in the zone the caller names (the workstation's, unless the
 * caller knows the recorder's). EDF+ files whose recording field says "Startdate X" have an unknown date, and the
 * record's start is null.
 *
 * <p>EDF+D files are read when their data records in fact follow each other without gaps; otherwise they are
 * refused, since a gap cannot be represented in an {@link EcgRecord}.
 */
public final class EdfReader {
    /** Longest onset or duration text accepted in a TAL; longer ones cannot be meaningful seconds. */
    private static final int MAX_NUMBER_CHARS = 40;
    /** Tolerance in seconds for EDF+D record onsets to count as contiguous. */
    private static final BigDecimal CONTIGUOUS = new BigDecimal("0.000001");

    private EdfReader() {
    }

    /** Reads a file; its name without extension becomes the record id, {@code zone} places its clock time. */
    public static EdfFile read(Path file, ZoneId zone) throws IOException {
        String source = file.toString();
        long size = Files.size(file);
        if (size > Integer.MAX_VALUE - 8) {
            throw new EdfFormatException(source, "is " + size + " bytes, too large to read into memory at once");
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return read(Files.readAllBytes(file), source, dot > 0 ? name.substring(0, dot) : name, zone);
    }

    /**
     * Reads a whole file held in memory.
     *
     * @param source names the file in error messages
     * @param id     the record id to give the {@link EcgRecord}
     * @throws EdfFormatException when the bytes are not an EDF/BDF file this reader supports
     */
    public static EdfFile read(byte[] data, String source, String id, ZoneId zone) {
        EdfHeader h = EdfHeader.parse(data, data.length, source);
        List<EdfSignal> sig = h.signals();
        int bps = h.bytesPerSample();
        int n = sig.size();
        long[] offsetInRecord = new long[n];
        long o = 0;
        for (int i = 0; i < n; i++) {
            offsetInRecord[i] = o;
            o += (long) sig.get(i).samplesPerRecord() * bps;
        }
        long recordBytes = o;
        long records = h.dataRecords();

        // Annotations: EDF+ spec 2.2.4, the first TAL of the first annotation signal in each record keeps time.
        List<Tal> tals = new ArrayList<>();
        // An EDF+ file without an annotation signal breaks EDF+ spec 2.2.4; its records are then taken as contiguous.
        boolean timeKept = h.isEdfPlus() && sig.stream().anyMatch(EdfSignal::isAnnotations);
        BigDecimal[] recordOnset = timeKept ? new BigDecimal[(int) Math.min(records, Integer.MAX_VALUE)] : null;
        for (int i = 0; i < n && timeKept; i++) {
            if (!sig.get(i).isAnnotations()) {
                continue;
            }
            boolean first = isFirstAnnotationSignal(sig, i);
            for (long r = 0; r < records; r++) {
                int from = (int) (h.headerBytes() + r * recordBytes + offsetInRecord[i]);
                int to = from + sig.get(i).samplesPerRecord() * bps;
                List<Tal> inRecord = parseTals(data, from, to, source, r);
                if (first) {
                    if (inRecord.isEmpty() || !inRecord.getFirst().texts().isEmpty()) {
                        throw new EdfFormatException(source, "data record " + r + " does not start with a time-keeping TAL (EDF+ spec 2.2.4)");
                    }
                    recordOnset[(int) r] = inRecord.getFirst().onset();
                    inRecord = inRecord.subList(1, inRecord.size());
                }
                tals.addAll(inRecord);
            }
        }
        BigDecimal onset0 = recordOnset != null && recordOnset.length > 0 ? recordOnset[0] : BigDecimal.ZERO;
        if (h.isDiscontinuous() && recordOnset != null) {
            BigDecimal dur = BigDecimal.valueOf(h.recordDuration());
            for (int r = 1; r < recordOnset.length; r++) {
                BigDecimal expected = onset0.add(dur.multiply(BigDecimal.valueOf(r)));
                if (recordOnset[r].subtract(expected).abs().compareTo(CONTIGUOUS) > 0) {
                    throw new EdfFormatException(source, "EDF+D data record " + r + " starts at " + recordOnset[r].toPlainString()
                            + " s, not at " + expected.toPlainString() + " s: recordings with gaps are not supported");
                }
            }
        }
        LocalDateTime localStart;
        try {
            localStart = h.startDateTime().plusNanos(onset0.movePointRight(9).setScale(0, RoundingMode.HALF_EVEN).longValueExact());
        } catch (ArithmeticException | DateTimeException e) {
            throw new EdfFormatException(source, "first data record onset " + onset0.toPlainString() + " s is out of range", e);
        }
        List<EcgEvent> events = new ArrayList<>();
        for (Tal t : tals) {
            double onset = t.onset().subtract(onset0).doubleValue();
            double duration = t.duration() == null ? 0 : t.duration().doubleValue();
            if (!Double.isFinite(onset) || !Double.isFinite(duration)) {
                throw new EdfFormatException(source, "annotation onset or duration out of range");
            }
            for (String text : t.texts()) {
                events.add(new EcgEvent(onset, duration, text));
            }
        }

        // Ordinary signals and the main rate.
        List<EdfFile.SkippedSignal> skipped = new ArrayList<>();
        List<Integer> usable = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            EdfSignal s = sig.get(i);
            if (s.isAnnotations()) {
                continue;
            }
            double rate = s.samplingFrequency(h.recordDuration());
            double gain = s.gain();
            String reason = null;
            if (h.recordDuration() == 0) {
                reason = "data record duration is 0, which EDF+ allows only for annotation-only files";
            } else if (s.samplesPerRecord() == 0) {
                reason = "no samples in any data record";
            } else if (!Double.isFinite(rate)) {
                reason = s.samplesPerRecord() + " samples in " + h.recordDuration() + " s is not a usable sampling rate";
            } else if (s.digitalMaximum() <= s.digitalMinimum()) {
                reason = "digital maximum " + s.digitalMaximum() + " is not above digital minimum " + s.digitalMinimum();
            } else if (!Double.isFinite(gain) || gain == 0 || !Double.isFinite(s.offset())
                    || Math.abs(s.offset()) > Integer.MAX_VALUE / 2.0) {
                reason = "physical range " + s.physicalMinimum() + ".." + s.physicalMaximum() + " gives no usable scale";
            }
            if (reason != null) {
                skipped.add(new EdfFile.SkippedSignal(i, s.label(), rate, reason));
            } else {
                usable.add(i);
            }
        }
        EcgRecord record = null;
        if (!usable.isEmpty()) {
            double main = mainRate(sig, usable, h.recordDuration());
            List<EcgLead> leads = new ArrayList<>();
            for (int i : usable) {
                EdfSignal s = sig.get(i);
                double rate = s.samplingFrequency(h.recordDuration());
                if (rate != main) {
                    skipped.add(new EdfFile.SkippedSignal(i, s.label(), rate, "sampled at " + rate + " Hz, not at the recording's " + main + " Hz"));
                    continue;
                }
                leads.add(lead(s, data, h, records, recordBytes, offsetInRecord[i]));
            }
            skipped.sort((a, b) -> Integer.compare(a.index(), b.index()));
            Instant start = h.recording() != null && h.recording().startdate() == null ? null
                    : localStart.atZone(zone).toInstant();
            record = new EcgRecord(id, start, main, leads, List.of(), events);
        }
        return new EdfFile(h, localStart, record, events, skipped);
    }

    private static boolean isFirstAnnotationSignal(List<EdfSignal> sig, int i) {
        for (int k = 0; k < i; k++) {
            if (sig.get(k).isAnnotations()) {
                return false;
            }
        }
        return true;
    }

    private static double mainRate(List<EdfSignal> sig, List<Integer> usable, double duration) {
        Map<Double, int[]> votes = new HashMap<>();
        for (int i : usable) {
            EdfSignal s = sig.get(i);
            boolean voltage = switch (s.unit()) {
                case "uV", "mV", "V" -> true;
                default -> false;
            };
            int[] v = votes.computeIfAbsent(s.samplingFrequency(duration), k -> new int[2]);
            v[voltage ? 0 : 1]++;
        }
        double best = Double.NaN;
        long[] bestKey = null;
        for (Map.Entry<Double, int[]> e : votes.entrySet()) {
            int[] v = e.getValue();
            // voltage signals first; without any, signals of whatever unit; then the higher rate
            long[] key = {v[0], v[0] == 0 ? v[1] : 0};
            if (bestKey == null || key[0] > bestKey[0] || key[0] == bestKey[0] && key[1] > bestKey[1]
                    || key[0] == bestKey[0] && key[1] == bestKey[1] && e.getKey() > best) {
                best = e.getKey();
                bestKey = key;
            }
        }
        return best;
    }

    private static EcgLead lead(EdfSignal s, byte[] data, EdfHeader h, long records, long recordBytes, long offsetInRecord) {
        int spr = s.samplesPerRecord();
        int bps = h.bytesPerSample();
        // The header check guarantees records * recordBytes fits in the data, so this count fits an int.
        int[] x = new int[(int) (records * spr)];
        int k = 0;
        for (long r = 0; r < records; r++) {
            int p = (int) (h.headerBytes() + r * recordBytes + offsetInRecord);
            for (int j = 0; j < spr; j++) {
                x[k++] = bps == 2
                        ? (short) ((data[p] & 0xFF) | (data[p + 1] << 8))
                        : (data[p] & 0xFF) | (data[p + 1] & 0xFF) << 8 | data[p + 2] << 16;
                p += bps;
            }
        }
        double gain = s.gain();
        double offset = s.offset();
        if (gain < 0) {
            // physical = (d - offset) / gain = (-d - (-offset)) / (-gain): same values with a positive gain.
            for (int i = 0; i < x.length; i++) {
                x[i] = -x[i];
            }
            gain = -gain;
            offset = -offset;
        }
        return new EcgLead(s.label(), x, gain, (int) Math.round(offset), s.unit());
    }

    /** One time-stamped annotation list (EDF+ spec 2.2.2); onset relative to the header's start time. */
    record Tal(BigDecimal onset, BigDecimal duration, List<String> texts) {
    }

    /** Parses the TALs of one annotation signal in one data record: bytes {@code [from, to)}. */
    static List<Tal> parseTals(byte[] data, int from, int to, String source, long record) {
        List<Tal> out = new ArrayList<>();
        int p = from;
        while (p < to) {
            if (data[p] == 0) {
                p++;
                continue;
            }
            int end = p;
            while (end < to && data[end] != 0) {
                end++;
            }
            if (end == to) {
                throw new EdfFormatException(source, "data record " + record + ": TAL is not terminated by a 0 byte (EDF+ spec 2.2.2)");
            }
            out.add(parseTal(data, p, end, source, record));
            p = end + 1;
        }
        return out;
    }

    private static Tal parseTal(byte[] data, int from, int end, String source, long record) {
        String where = "data record " + record + ": ";
        if (data[end - 1] != 0x14) {
            throw new EdfFormatException(source, where + "TAL does not end with 0x14 before its 0 byte (EDF+ spec 2.2.2)");
        }
        int stamp = from;
        while (data[stamp] != 0x14) {
            stamp++;
        }
        String time = new String(data, from, stamp - from, StandardCharsets.US_ASCII);
        int dur = time.indexOf('\u0015');
        String onsetText = dur >= 0 ? time.substring(0, dur) : time;
        String durationText = dur >= 0 ? time.substring(dur + 1) : null;
        if (onsetText.length() > MAX_NUMBER_CHARS || !onsetText.matches("[+-]\\d+(\\.\\d+)?")) {
            throw new EdfFormatException(source, where + "TAL onset '" + printable(onsetText) + "' is not +seconds or -seconds (EDF+ spec 2.2.2)");
        }
        BigDecimal duration = null;
        if (durationText != null) {
            if (durationText.length() > MAX_NUMBER_CHARS || !durationText.matches("\\d+(\\.\\d+)?")) {
                throw new EdfFormatException(source, where + "TAL duration '" + printable(durationText) + "' is not a number of seconds");
            }
            duration = new BigDecimal(durationText);
        }
        List<String> texts = new ArrayList<>();
        int p = stamp + 1;
        for (int q = p; q < end; q++) {
            if (data[q] == 0x14) {
                if (q > p) {
                    // EDF+ spec 2.2.3: annotation texts are UCS/UTF-8.
                    texts.add(new String(data, p, q - p, StandardCharsets.UTF_8));
                }
                p = q + 1;
            }
        }
        return new Tal(new BigDecimal(onsetText), duration, texts);
    }

    private static String printable(String s) {
        String t = s.length() > 20 ? s.substring(0, 20) + "..." : s;
        return t.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
