package org.vitalis.report;

import java.text.Bidi;

/**
 * Turns one line of text in logical order into the left-to-right glyph order a PDF content stream draws: Arabic is
 * shaped first ({@link ArabicShaping}), then reordered by the Unicode bidirectional algorithm ({@link Bidi} gives the
 * embedding levels; rule L2 reverses runs from the highest level down). A line without right-to-left characters comes
 * back unchanged.
 */
final class VisualText {
    private VisualText() {
    }

    static String of(String logical) {
        String shaped = ArabicShaping.shape(logical);
        if (!Bidi.requiresBidi(shaped.toCharArray(), 0, shaped.length())) {
            return shaped;
        }
        Bidi bidi = new Bidi(shaped, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
        if (bidi.isLeftToRight()) {
            return shaped;
        }
        int n = shaped.length();
        char[] chars = shaped.toCharArray();
        int[] levels = new int[n];
        int highest = 0;
        int lowestOdd = Integer.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            levels[i] = bidi.getLevelAt(i);
            highest = Math.max(highest, levels[i]);
            if ((levels[i] & 1) == 1) {
                lowestOdd = Math.min(lowestOdd, levels[i]);
            }
        }
        for (int i = 0; i < n; i++) {
            if ((levels[i] & 1) == 1) {
                chars[i] = mirror(chars[i]);
            }
        }
        keepMarksAfterTheirBase(chars, levels);
        for (int level = highest; level >= lowestOdd; level--) {
            for (int i = 0; i < n; ) {
                if (levels[i] < level) {
                    i++;
                    continue;
                }
                int end = i;
                while (end < n && levels[end] >= level) {
                    end++;
                }
                reverse(chars, levels, i, end - 1);
                i = end;
            }
        }
        return new String(chars);
    }

    /**
     * A combining mark follows its base in logical order; reversing a right-to-left run would put it before the
     * base, where a zero-width mark glyph lands on the wrong letter. Swapping them first keeps mark after base.
     */
    private static void keepMarksAfterTheirBase(char[] chars, int[] levels) {
        for (int i = 1; i < chars.length; i++) {
            if ((levels[i] & 1) == 1 && Character.getType(chars[i]) == Character.NON_SPACING_MARK) {
                int start = i;
                while (i + 1 < chars.length && Character.getType(chars[i + 1]) == Character.NON_SPACING_MARK) {
                    i++;
                }
                // base at start-1, marks start..i: after the run is reversed the marks must follow the base
                reverse(chars, levels, start - 1, i);
            }
        }
    }

    private static void reverse(char[] chars, int[] levels, int from, int to) {
        while (from < to) {
            char c = chars[from];
            chars[from] = chars[to];
            chars[to] = c;
            int l = levels[from];
            levels[from] = levels[to];
            levels[to] = l;
            from++;
            to--;
        }
    }

    private static char mirror(char c) {
        return switch (c) {
            case '(' -> ')';
            case ')' -> '(';
            case '[' -> ']';
            case ']' -> '[';
            case '{' -> '}';
            case '}' -> '{';
            case '<' -> '>';
            case '>' -> '<';
            case '«' -> '»';
            case '»' -> '«';
            default -> c;
        };
    }
}
