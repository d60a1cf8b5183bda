package org.vitalis.device.codec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Masimo Radical-7 (and Rad-8/Rad-87) serial output in "ASCII 1" mode (9600 baud 8N1, one line every 1-2 s), per
 * the Radical-7 and Rad-87 Operator's Manuals, "Serial Interface Specifications", e.g.
 * <pre>
 * 07/21/17 11:32:41 SN=0000105738 SPO2=098% BPM=070 PI=01.52% SPCO=--.-% SPMET=--.-% DESAT=-- PIDELTA=+-- PVI=--- ALARM=0000 EXC=000800
 * </pre>
 * Date MM/DD/YY and time come first, then KEY=VALUE fields whose set depends on the licensed parameters; dashes
 * mean "no value". ALARM and EXC are hexadecimal bit sets; the exception bits are those of the Rad-8 Operator's
 * Manual "Trend data format" table (the same codes the Radical-7 prints). Unknown keys are kept verbatim.
 */
public final class MasimoRadical7Decoder extends AbstractLineDecoder<MasimoRadical7Decoder.Frame> {
    private static final int MAX_LINE = 512;

    // Parameter units (Radical-7 Operator's Manual, "Specifications", display ranges and units).
    private static final Map<String, String> UNITS = Map.ofEntries(Map.entry("SPO2", "%"), Map.entry("BPM", "/min"),
            Map.entry("PI", "%"), Map.entry("SPCO", "%"), Map.entry("SPMET", "%"), Map.entry("SPHB", "g/dL"),
            Map.entry("SPOC", "mL/dL"), Map.entry("PVI", "%"), Map.entry("RRA", "/min"), Map.entry("RRP", "/min"),
            Map.entry("PIDELTA", "%"), Map.entry("DESAT", "%"));

    // Exception bits, Rad-8 Operator's Manual "Trend data format" (0x100 and 0x200 reserved).
    private static final String[] EXCEPTIONS = {"No Sensor", "Defective Sensor", "Low Perfusion", "Pulse Search",
        "Interference", "Sensor Off", "Ambient Light", "Unrecognized Sensor", null, null, "Low Signal IQ",
        "Masimo SET"};

    /**
     * One output line. {@code values} holds the numeric parameters (null value when the device sent dashes);
     * {@code fields} every KEY=VALUE exactly as sent.
     */
    public record Frame(String date, String time, String isoDateTime, String serialNumber,
            Map<String, Quantity> values, Integer alarm, Integer exceptions, List<String> exceptionNames,
            Map<String, String> fields) {
    }

    public MasimoRadical7Decoder() {
        super(MAX_LINE);
    }

    /** Decodes one line without its terminator; offsets in a {@link CodecException} are columns of the line. */
    public static Frame decodeLine(String line) {
        return new MasimoRadical7Decoder().parse(line);
    }

    @Override
    Frame parse(String text) {
        String line = text.strip();
        String[] tok = line.split("[ \t]+");
        // Offsets of each token in the line, so an error points at the field that is wrong.
        int lead = text.length() - text.stripLeading().length();
        int[] at = new int[tok.length];
        for (int i = 0, from = 0; i < tok.length; i++) {
            int p = line.indexOf(tok[i], from);
            at[i] = lead + p;
            from = p + tok[i].length();
        }
        if (tok.length < 3) {
            throw new CodecException("a Radical-7 line has a date, a time and KEY=VALUE fields", text.length());
        }
        int[] d = numbers(tok[0], '/', "date MM/DD/YY", at[0]);
        int[] t = numbers(tok[1], ':', "time HH:MM:SS", at[1]);
        if (d[0] < 1 || d[0] > 12 || d[1] < 1 || d[1] > 31 || d[2] > 99 || t[0] > 23 || t[1] > 59 || t[2] > 59) {
            throw new CodecException("impossible date or time \"" + tok[0] + " " + tok[1] + "\"", at[0]);
        }
        // Two-digit years: the Radical-7 was introduced in 2005, so YY is 20YY.
        String iso = String.format(java.util.Locale.ROOT, "20%02d-%02d-%02dT%02d:%02d:%02d", d[2], d[0], d[1], t[0],
                t[1], t[2]);
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, Quantity> values = new LinkedHashMap<>();
        Integer alarm = null;
        Integer exc = null;
        List<String> names = null;
        for (int i = 2; i < tok.length; i++) {
            int eq = tok[i].indexOf('=');
            if (eq <= 0) {
                throw new CodecException("field \"" + tok[i] + "\" is not KEY=VALUE", at[i]);
            }
            String key = tok[i].substring(0, eq).toUpperCase(java.util.Locale.ROOT);
            String val = tok[i].substring(eq + 1);
            fields.put(key, val);
            switch (key) {
                case "ALARM" -> alarm = hex(val, key, at[i] + eq + 1);
                case "EXC" -> {
                    exc = hex(val, key, at[i] + eq + 1);
                    names = exceptionNames(exc);
                }
                default -> {
                    String unit = UNITS.get(key);
                    if (unit != null) {
                        values.put(key, number(key, val, unit, at[i] + eq + 1));
                    }
                }
            }
        }
        return new Frame(tok[0], tok[1], iso, fields.get("SN"), Collections.unmodifiableMap(values), alarm, exc,
                names, Collections.unmodifiableMap(fields));
    }

    private static int[] numbers(String s, char sep, String what, int offset) {
        String[] parts = s.split(String.valueOf(sep), -1);
        if (parts.length != 3) {
            throw new CodecException("\"" + s + "\" is not a " + what, offset);
        }
        int[] r = new int[3];
        for (int i = 0; i < 3; i++) {
            if (parts[i].length() != 2 || !Character.isDigit(parts[i].charAt(0))
                    || !Character.isDigit(parts[i].charAt(1))) {
                throw new CodecException("\"" + s + "\" is not a " + what, offset);
            }
            r[i] = Integer.parseInt(parts[i]);
        }
        return r;
    }

    private static Quantity number(String key, String raw, String unit, int offset) {
        String v = raw.endsWith("%") ? raw.substring(0, raw.length() - 1) : raw;
        if (v.chars().allMatch(c -> c == '-' || c == '.' || c == '+')) {
            return new Quantity(null, unit, null, unit, null);
        }
        try {
            BigDecimal b = new BigDecimal(v);
            return new Quantity(b, unit, b, unit, null);
        } catch (NumberFormatException e) {
            throw new CodecException(key + " value \"" + raw + "\" is neither a number nor dashes", offset);
        }
    }

    private static int hex(String v, String key, int offset) {
        if (v.isEmpty() || v.length() > 8 || !v.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new CodecException(key + " value \"" + v + "\" is not hexadecimal", offset);
        }
        return (int) Long.parseLong(v, 16);
    }

    static List<String> exceptionNames(int exc) {
        List<String> out = new ArrayList<>();
        for (int b = 0; b < 32; b++) {
            if ((exc >> b & 1) != 0) {
                out.add(b < EXCEPTIONS.length && EXCEPTIONS[b] != null ? EXCEPTIONS[b]
                        : String.format("undocumented bit 0x%X", 1L << b));
            }
        }
        return List.copyOf(out);
    }
}
