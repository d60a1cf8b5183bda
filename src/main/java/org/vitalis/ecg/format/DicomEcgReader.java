package org.vitalis.ecg.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads DICOM Part 10 files of the 12-lead ECG and General ECG Waveform Storage SOP classes into
 * {@link EcgRecord}s, one per multiplex group of the Waveform Sequence (5400,0100).
 *
 * <p>Only what an ECG needs is read: the file meta group, then the data set in Explicit or Implicit VR Little
 * Endian with sequences of defined or undefined length. Samples stay the stored integers; each lead's gain and
 * baseline come from Channel Sensitivity (003A,0210), its correction factor (003A,0212) and Channel Baseline
 * (003A,0213), so {@code physical = (stored + baseline) * sensitivity * correction} (PS3.3 C.10.9.1.4.3) holds.
 */
public final class DicomEcgReader {

    /** SOP classes read here (PS3.4 Annex B.5): 12-lead ECG and General ECG Waveform Storage. */
    public static final String TWELVE_LEAD_ECG = "1.2.840.10008.5.1.4.1.1.9.1.1";
    public static final String GENERAL_ECG = "1.2.840.10008.5.1.4.1.1.9.1.2";

    /** Transfer syntaxes read here (PS3.5 §A.1 and §A.2). */
    private static final String IMPLICIT_LE = "1.2.840.10008.1.2";
    private static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";

    /** Explicit VRs with a 2-byte reserved field and a 4-byte length (PS3.5 §7.1.2). */
    private static final Set<String> LONG_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "UC", "UN", "UR", "UT", "SV", "UV");

    /** Sequences this reader descends into; Implicit VR files only say "SQ" through the data dictionary (PS3.6). */
    private static final Set<Integer> SEQUENCES = Set.of(0x54000100, 0x003A0200, 0x003A0208, 0x003A0211);

    private static final int ITEM = 0xFFFEE000;
    private static final int ITEM_END = 0xFFFEE00D;
    private static final int SEQUENCE_END = 0xFFFEE0DD;
    private static final long UNDEFINED = 0xFFFFFFFFL;

    /** Deeper nesting than any ECG uses; the bound keeps crafted files from exhausting the stack. */
    private static final int MAX_DEPTH = 16;

    /** An SCP-ECG lead code as DICOM carries it in CID 3001 (coding scheme SCPECG): "5.6.3-9-" + lead id. */
    private static final Pattern SCPECG_LEAD = Pattern.compile("5\\.6\\.3-9-(\\d{1,3})");

    private final byte[] d;
    private final String src;

    private DicomEcgReader(byte[] data, String source) {
        this.d = data;
        this.src = source;
    }

    /** An element: its bytes in the file, or the items of a sequence. */
    private record Element(int tag, String vr, int offset, int length, List<Map<Integer, Element>> items) {
    }

    /** The first multiplex group, with times without a zone taken as UTC. */
    public static EcgRecord read(Path file) throws IOException {
        return read(file, 0);
    }

    /**
     * Multiplex group {@code group} (0-based) of the Waveform Sequence; other groups are not decoded, so one the
     * reader cannot handle (say, audio in mu-law) does not stand in the way.
     */
    public static EcgRecord read(Path file, int group) throws IOException {
        return parse(Files.readAllBytes(file), file.toString(), ZoneOffset.UTC, group);
    }

    /** Every multiplex group of the Waveform Sequence, in file order. */
    public static List<EcgRecord> readAll(Path file) throws IOException {
        return parse(Files.readAllBytes(file), file.toString(), ZoneOffset.UTC);
    }

    /**
     * Decodes a DICOM Part 10 file held in memory.
     *
     * @param source           names the origin in error messages
     * @param zoneWhenUnstated zone of the acquisition time when neither it nor (0008,0201) carries an offset
     * @throws DicomFormatException when the bytes are not a readable ECG waveform object
     */
    public static List<EcgRecord> parse(byte[] data, String source, ZoneId zoneWhenUnstated) {
        DicomEcgReader r = new DicomEcgReader(data, source);
        Parsed parsed = r.dataset(zoneWhenUnstated);
        List<EcgRecord> out = new ArrayList<>();
        for (int g = 0; g < parsed.groups().size(); g++) {
            out.add(r.group(parsed, g));
        }
        return out;
    }

    /** Decodes one multiplex group (0-based) of a DICOM Part 10 file held in memory. */
    public static EcgRecord parse(byte[] data, String source, ZoneId zoneWhenUnstated, int group) {
        DicomEcgReader r = new DicomEcgReader(data, source);
        Parsed parsed = r.dataset(zoneWhenUnstated);
        if (group < 0 || group >= parsed.groups().size()) {
            throw r.fail("(5400,0100)", "Waveform Sequence has " + parsed.groups().size()
                    + " multiplex groups, there is no group " + group);
        }
        return r.group(parsed, group);
    }

    /** What every group shares: the record id and start time, and the groups' still undecoded items. */
    private record Parsed(String id, Instant start, List<Map<Integer, Element>> groups) {
    }

    private Parsed dataset(ZoneId zone) {
        // PS3.10 §7.1: a 128-byte preamble, then the magic "DICM", then the file meta group in Explicit VR LE
        if (d.length < 132 || d[128] != 'D' || d[129] != 'I' || d[130] != 'C' || d[131] != 'M') {
            throw fail("preamble", "no \"DICM\" prefix at byte 128; not a DICOM Part 10 file");
        }
        Map<Integer, Element> meta = new LinkedHashMap<>();
        int p = 132;
        while (p + 4 <= d.length && u16(p) == 0x0002) {
            p = element(p, d.length, true, meta, 0);
        }
        String syntax = text(meta.get(0x00020010));
        if (syntax == null) {
            throw fail("(0002,0010)", "Transfer Syntax UID is missing from the file meta group");
        }
        boolean explicit;
        if (syntax.equals(EXPLICIT_LE)) {
            explicit = true;
        } else if (syntax.equals(IMPLICIT_LE)) {
            explicit = false;
        } else {
            throw fail("(0002,0010)", "transfer syntax " + syntax + " is not supported; only Explicit VR Little Endian ("
                    + EXPLICIT_LE + ") and Implicit VR Little Endian (" + IMPLICIT_LE + ") are");
        }
        Map<Integer, Element> ds = new LinkedHashMap<>();
        while (p < d.length) {
            p = element(p, d.length, explicit, ds, 0);
        }
        String sopClass = text(ds.get(0x00080016));
        if (sopClass == null) {
            sopClass = text(meta.get(0x00020002));
        }
        if (!TWELVE_LEAD_ECG.equals(sopClass) && !GENERAL_ECG.equals(sopClass)) {
            throw fail("(0008,0016)", "SOP class " + sopClass + " is not 12-lead ECG (" + TWELVE_LEAD_ECG
                    + ") or General ECG (" + GENERAL_ECG + ") Waveform Storage");
        }
        String id = text(ds.get(0x00080018));
        if (id == null || id.isEmpty()) {
            String name = src.substring(Math.max(src.lastIndexOf('/'), src.lastIndexOf('\\')) + 1);
            id = name.endsWith(".dcm") ? name.substring(0, name.length() - 4) : name;
        }
        Instant start = start(ds, zone);
        Element waveforms = ds.get(0x54000100);
        if (waveforms == null || waveforms.items() == null || waveforms.items().isEmpty()) {
            throw fail("(5400,0100)", "Waveform Sequence is missing or empty");
        }
        return new Parsed(id, start, waveforms.items());
    }

    private EcgRecord group(Parsed parsed, int g) {
        Map<Integer, Element> item = parsed.groups().get(g);
        String where = "(5400,0100) item " + g;
        int channels = (int) number(item, 0x003A0005, where, "Number of Waveform Channels");
        long samples = number(item, 0x003A0010, where, "Number of Waveform Samples");
        double frequency = decimal(item, 0x003A001A, where, "Sampling Frequency");
        int bits = (int) number(item, 0x54001004, where, "Waveform Bits Allocated");
        String interpretation = text(item.get(0x54001006));
        Element data = item.get(0x54001010);
        if (data == null) {
            throw fail(where + " (5400,1010)", "Waveform Data is missing");
        }
        if (channels < 1 || samples < 1) {
            throw fail(where, channels + " channels of " + samples + " samples hold no waveform");
        }
        if (!(frequency > 0) || Double.isInfinite(frequency)) {
            throw fail(where + " (003A,001A)", "sampling frequency " + frequency + " is not a positive number");
        }
        // PS3.3 C.10.9.1.5: the interpretation fixes the sample size, and it must agree with the bits allocated
        int size = switch (interpretation == null ? "" : interpretation) {
            case "SB", "UB" -> 1;
            case "SS", "US" -> 2;
            case "SL", "UL" -> 4;
            default -> throw fail(where + " (5400,1006)", "sample interpretation " + interpretation
                    + " is not supported (SB, UB, SS, US, SL, UL are)");
        };
        if (bits != size * 8) {
            throw fail(where + " (5400,1004)", bits + " bits allocated disagree with sample interpretation " + interpretation);
        }
        long needed = (long) channels * samples * size;
        if (needed > data.length()) {
            throw fail(where + " (5400,1010)", channels + " channels x " + samples + " samples x " + size
                    + " bytes need " + needed + " bytes but Waveform Data holds " + data.length());
        }
        Element defs = item.get(0x003A0200);
        if (defs == null || defs.items() == null || defs.items().size() != channels) {
            throw fail(where + " (003A,0200)", "Channel Definition Sequence has "
                    + (defs == null || defs.items() == null ? 0 : defs.items().size()) + " items for " + channels + " channels");
        }
        int[][] x = new int[channels][(int) samples];
        int p = data.offset();
        for (int s = 0; s < samples; s++) {
            for (int c = 0; c < channels; c++) {
                long v = switch (interpretation) {
                    case "SB" -> d[p];
                    case "UB" -> d[p] & 0xFF;
                    case "SS" -> (short) u16(p);
                    case "US" -> u16(p);
                    case "SL" -> (int) u32(p);
                    default -> u32(p);
                };
                if (v > Integer.MAX_VALUE) {
                    throw fail(where + " (5400,1010)", "unsigned sample " + v + " of channel " + (c + 1) + " exceeds 2^31-1");
                }
                x[c][s] = (int) v;
                p += size;
            }
        }
        List<EcgLead> leads = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            Map<Integer, Element> def = defs.items().get(c);
            String at = where + " (003A,0200) item " + c;
            double sensitivity = def.containsKey(0x003A0210) ? decimal(def, 0x003A0210, at, "Channel Sensitivity") : 1.0;
            double correction = def.containsKey(0x003A0212) ? decimal(def, 0x003A0212, at, "Channel Sensitivity Correction Factor") : 1.0;
            double baseline = def.containsKey(0x003A0213) ? decimal(def, 0x003A0213, at, "Channel Baseline") : 0.0;
            double scale = sensitivity * correction;
            if (!(scale > 0) || Double.isInfinite(scale) || Double.isInfinite(1.0 / scale)) {
                throw fail(at + " (003A,0210)", "sensitivity " + sensitivity + " x correction " + correction
                        + " is not a positive scale");
            }
            if (baseline != Math.rint(baseline) || Math.abs(baseline) > Integer.MAX_VALUE) {
                throw fail(at + " (003A,0213)", "channel baseline " + baseline + " is not a whole number of sample units,"
                        + " so the samples could not stay integers");
            }
            String unit = "uV";
            Element units = def.get(0x003A0211);
            if (units != null && units.items() != null && !units.items().isEmpty()) {
                String u = text(units.items().getFirst().get(0x00080100));
                if (u != null && !u.isEmpty()) {
                    unit = u;
                }
            }
            leads.add(new EcgLead(label(def, c), x[c], 1.0 / scale, (int) -baseline, unit));
        }
        return new EcgRecord(parsed.id(), parsed.start(), frequency, leads, List.of(), List.of());
    }

    /** Lead name from the Channel Source Sequence code (CID 3001), else its meaning, else the channel label. */
    private String label(Map<Integer, Element> def, int c) {
        Element source = def.get(0x003A0208);
        if (source != null && source.items() != null && !source.items().isEmpty()) {
            Map<Integer, Element> code = source.items().getFirst();
            String value = text(code.get(0x00080100));
            String scheme = text(code.get(0x00080102));
            if (value != null && "SCPECG".equals(scheme)) {
                Matcher m = SCPECG_LEAD.matcher(value);
                if (m.matches()) {
                    return ScpEcgReader.leadName(Integer.parseInt(m.group(1)));
                }
            }
            String meaning = text(code.get(0x00080104));
            if (meaning != null && !meaning.isEmpty()) {
                // "Lead I (Einthoven)" -> "I": the standard lead name is what the rest of Vitalis matches on
                String s = meaning.startsWith("Lead ") ? meaning.substring(5) : meaning;
                int paren = s.indexOf(" (");
                return paren > 0 ? s.substring(0, paren) : s;
            }
        }
        String label = text(def.get(0x003A0203));
        return label == null || label.isEmpty() ? "channel " + (c + 1) : label;
    }

    /** Acquisition DateTime (0008,002A), else Content Date and Time (0008,0023/0033); PS3.5 §6.2 DA/TM/DT. */
    private Instant start(Map<Integer, Element> ds, ZoneId zone) {
        String dt = text(ds.get(0x0008002A));
        if (dt == null || dt.isEmpty()) {
            String date = text(ds.get(0x00080023));
            String time = text(ds.get(0x00080033));
            if (date == null || date.isEmpty()) {
                return null;
            }
            dt = date + (time == null ? "" : time);
        }
        String tz = text(ds.get(0x00080201));
        Matcher m = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(\\d{2})?(\\d{2})?(\\d{2})?(?:\\.(\\d{1,6}))?([+-]\\d{4})?")
                .matcher(dt);
        if (!m.matches()) {
            throw fail("(0008,002A)", "acquisition date/time \"" + dt + "\" is not a DICOM DT value");
        }
        try {
            String frac = m.group(7) == null ? "0" : (m.group(7) + "00000").substring(0, 6);
            LocalDateTime t = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), opt(m.group(4)), opt(m.group(5)), opt(m.group(6)),
                    Integer.parseInt(frac) * 1000);
            String offset = m.group(8) != null ? m.group(8) : tz != null && tz.matches("[+-]\\d{4}") ? tz : null;
            ZoneId z = offset == null ? zone : ZoneOffset.ofHoursMinutes(Integer.parseInt(offset.substring(0, 3)),
                    Integer.parseInt(offset.charAt(0) + offset.substring(3)));
            return t.atZone(z).toInstant();
        } catch (DateTimeException e) {
            throw fail("(0008,002A)", "acquisition date/time \"" + dt + "\" is not a valid time: " + e.getMessage());
        }
    }

    private static int opt(String s) {
        return s == null ? 0 : Integer.parseInt(s);
    }

    /** Reads one element at {@code p} into {@code into}; returns where the next one starts. */
    private int element(int p, int end, boolean explicit, Map<Integer, Element> into, int depth) {
        if (p + 8 > end) {
            throw fail("byte " + p, "element header runs past the end of its container");
        }
        int tag = tagAt(p);
        String vr;
        long length;
        int value;
        if (tag == ITEM || tag == ITEM_END || tag == SEQUENCE_END) {
            throw fail(tag(tag), "item delimiter at byte " + p + " outside a sequence");
        }
        if (explicit) {
            vr = new String(d, p + 4, 2, StandardCharsets.US_ASCII);
            if (LONG_VRS.contains(vr)) {
                if (p + 12 > end) {
                    throw fail(tag(tag), "element header at byte " + p + " runs past the end of its container");
                }
                length = u32(p + 8);
                value = p + 12;
            } else {
                length = u16(p + 6);
                value = p + 8;
            }
        } else {
            vr = SEQUENCES.contains(tag) ? "SQ" : "UN";
            length = u32(p + 4);
            value = p + 8;
        }
        if (length == UNDEFINED && tag == 0x7FE00010) {
            // encapsulated pixel data: fragments this reader has no use for (PS3.5 §A.4)
            return skipFragments(tag, value, end);
        }
        if (vr.equals("SQ") || (length == UNDEFINED && vr.equals("UN"))) {
            // an undefined-length UN is a sequence encoded Implicit VR Little Endian (PS3.5 §6.2.2)
            boolean itemsExplicit = explicit && vr.equals("SQ");
            List<Map<Integer, Element>> items = new ArrayList<>();
            int next = sequence(tag, value, length, end, itemsExplicit, items, depth + 1);
            into.putIfAbsent(tag, new Element(tag, "SQ", value, 0, items));
            return next;
        }
        if (length == UNDEFINED) {
            return skipFragments(tag, value, end);
        }
        if (length > end - value) {
            throw fail(tag(tag), "value length " + length + " at byte " + p + " exceeds the " + (end - value)
                    + " bytes that remain");
        }
        into.putIfAbsent(tag, new Element(tag, vr, value, (int) length, null));
        return value + (int) length;
    }

    private int sequence(int tag, int p, long length, int end, boolean explicit, List<Map<Integer, Element>> items,
            int depth) {
        if (depth > MAX_DEPTH) {
            throw fail(tag(tag), "sequences nest deeper than " + MAX_DEPTH + " levels");
        }
        int limit;
        if (length == UNDEFINED) {
            limit = end;
        } else if (length > end - p) {
            throw fail(tag(tag), "sequence length " + length + " exceeds the " + (end - p) + " bytes that remain");
        } else {
            limit = p + (int) length;
        }
        while (true) {
            if (length != UNDEFINED && p == limit) {
                return p;
            }
            if (p + 8 > limit) {
                throw fail(tag(tag), "sequence runs past the end of its container at byte " + p);
            }
            int t = tagAt(p);
            long len = u32(p + 4);
            p += 8;
            if (t == SEQUENCE_END) {
                if (length != UNDEFINED) {
                    throw fail(tag(tag), "sequence delimiter inside a sequence of defined length");
                }
                return p;
            }
            if (t != ITEM) {
                throw fail(tag(tag), "expected an item (FFFE,E000) at byte " + (p - 8) + " but found " + tag(t));
            }
            Map<Integer, Element> item = new LinkedHashMap<>();
            if (len == UNDEFINED) {
                while (true) {
                    if (p + 8 > limit) {
                        throw fail(tag(tag), "item without an item delimiter (FFFE,E00D)");
                    }
                    if (tagAt(p) == ITEM_END) {
                        p += 8;
                        break;
                    }
                    p = element(p, limit, explicit, item, depth);
                }
            } else {
                if (len > limit - p) {
                    throw fail(tag(tag), "item length " + len + " exceeds the " + (limit - p) + " bytes that remain");
                }
                int itemEnd = p + (int) len;
                while (p < itemEnd) {
                    p = element(p, itemEnd, explicit, item, depth);
                }
            }
            items.add(item);
        }
    }

    private int skipFragments(int tag, int p, int end) {
        while (true) {
            if (p + 8 > end) {
                throw fail(tag(tag), "encapsulated value without a sequence delimiter");
            }
            int t = tagAt(p);
            long len = u32(p + 4);
            p += 8;
            if (t == SEQUENCE_END) {
                return p;
            }
            if (t != ITEM || len == UNDEFINED || len > end - p) {
                throw fail(tag(tag), "malformed fragment at byte " + (p - 8));
            }
            p += (int) len;
        }
    }

    private long number(Map<Integer, Element> item, int tag, String where, String name) {
        Element e = item.get(tag);
        if (e == null || e.items() != null) {
            throw fail(where + " " + tag(tag), name + " is missing");
        }
        // US (2 bytes) or UL (4 bytes) in the file; Implicit VR gives no VR, so the length tells them apart
        return switch (e.length()) {
            case 2 -> u16(e.offset());
            case 4 -> u32(e.offset());
            default -> throw fail(where + " " + tag(tag), name + " has " + e.length() + " bytes, not a US or UL value");
        };
    }

    private double decimal(Map<Integer, Element> item, int tag, String where, String name) {
        String s = text(item.get(tag));
        if (s == null || s.isEmpty()) {
            throw fail(where + " " + tag(tag), name + " is missing");
        }
        int backslash = s.indexOf('\\');
        String first = backslash >= 0 ? s.substring(0, backslash).strip() : s;
        try {
            double v = Double.parseDouble(first);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw fail(where + " " + tag(tag), name + " \"" + s + "\" is not a decimal number");
        }
    }

    /** A string value without its padding (PS3.5 §6.2: trailing space, or NUL for UIs). */
    private String text(Element e) {
        if (e == null || e.items() != null) {
            return null;
        }
        String s = new String(d, e.offset(), e.length(), StandardCharsets.ISO_8859_1);
        int n = s.length();
        while (n > 0 && (s.charAt(n - 1) == ' ' || s.charAt(n - 1) == 0)) {
            n--;
        }
        return s.substring(0, n).stripLeading();
    }

    private int tagAt(int p) {
        return u16(p) << 16 | u16(p + 2);
    }

    private int u16(int p) {
        if (p < 0 || p + 2 > d.length) {
            throw fail("byte " + p, "read past the end of the file");
        }
        return (d[p] & 0xFF) | (d[p + 1] & 0xFF) << 8;
    }

    private long u32(int p) {
        if (p < 0 || p + 4 > d.length) {
            throw fail("byte " + p, "read past the end of the file");
        }
        return (d[p] & 0xFFL) | (d[p + 1] & 0xFFL) << 8 | (d[p + 2] & 0xFFL) << 16 | (d[p + 3] & 0xFFL) << 24;
    }

    private static String tag(int tag) {
        return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }

    private DicomFormatException fail(String where, String problem) {
        return new DicomFormatException(src, where + ": " + problem);
    }
}
