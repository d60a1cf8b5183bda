package org.vitalis.store;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns names, numbers and dates into the words the patient search matches on: lower case,
 * accents and Arabic diacritics removed, Arabic letter variants folded, phone numbers as digits.
 */
public final class SearchTokens {
    public static final int MAX_TOKEN_LENGTH = 100;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;'\"()\\-./]+");
    private static final Pattern PHONE_JUNK = Pattern.compile("[\\s()\\-.+/]");

    private SearchTokens() {
    }

    /** The form both indexed words and typed words are brought to before they are compared. */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String folded = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        // Arabic: alef with hamza/madda decompose to bare alef above; these fold the letters
        // that people type interchangeably (alef maqsura/ya, ta marbuta/ha) and drop tatweel.
        folded = folded.replace('\u0649', '\u064A').replace('\u0629', '\u0647').replace("\u0640", "");
        return folded.replace('ß', 's').replace('ø', 'o').replace('æ', 'a').replace('ł', 'l').replace('đ', 'd');
    }

    /** Words of free text (names), folded, each at most {@link #MAX_TOKEN_LENGTH} characters. */
    public static Set<String> words(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text == null) {
            return out;
        }
        for (String w : SEPARATORS.split(fold(text))) {
            if (!w.isEmpty()) {
                out.add(w.length() > MAX_TOKEN_LENGTH ? w.substring(0, MAX_TOKEN_LENGTH) : w);
            }
        }
        return out;
    }

    /** A phone number as its digits only, so "+963 11 222-3344" is found by "112223344". */
    public static String phoneDigits(String phone) {
        if (phone == null) {
            return "";
        }
        String digits = PHONE_JUNK.matcher(phone).replaceAll("");
        return digits.chars().allMatch(Character::isDigit) ? digits : "";
    }
}
