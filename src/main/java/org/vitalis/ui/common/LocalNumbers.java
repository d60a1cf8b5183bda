package org.vitalis.ui.common;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a number as a clinician types it: Western or Arabic-Indic digits, the locale's decimal
 * separator or a dot. Parsing is strict so that "12a" is an error, not 12.
 */
public final class LocalNumbers {
    private LocalNumbers() {
    }

    /** Empty for a blank field; throws NumberFormatException for anything that is not a number. */
    public static Optional<BigDecimal> parse(String text, Locale locale) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        StringBuilder sb = new StringBuilder();
        for (char c : text.strip().toCharArray()) {
            if (c >= '\u0660' && c <= '\u0669') {
                sb.append((char) ('0' + c - '\u0660'));
            } else if (c >= '\u06F0' && c <= '\u06F9') {
                sb.append((char) ('0' + c - '\u06F0'));
            } else if (c == symbols.getDecimalSeparator() || c == '\u066B' || c == '.') {
                sb.append('.');
            } else if (c == '\u200F' || c == '\u200E' || c == '\u061C') {
                continue; // direction marks that Arabic keyboards and copy-paste insert
            } else {
                sb.append(c);
            }
        }
        String s = sb.toString();
        if (!s.matches("[0-9]+(\\.[0-9]+)?")) {
            throw new NumberFormatException(text);
        }
        return Optional.of(new BigDecimal(s));
    }

    /** Western digits for an MRN scanned or typed in either script. */
    public static String westernDigits(String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c >= '\u0660' && c <= '\u0669') {
                sb.append((char) ('0' + c - '\u0660'));
            } else if (c >= '\u06F0' && c <= '\u06F9') {
                sb.append((char) ('0' + c - '\u06F0'));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
