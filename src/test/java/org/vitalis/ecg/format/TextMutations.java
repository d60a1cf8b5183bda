package org.vitalis.ecg.format;

import java.util.Arrays;
import java.util.Random;

/**
 * Mutations for fuzzing text formats (XML, JSON): random bytes, characters of the grammar, dropped
 * runs and repeated runs, so that mutants reach past the first syntax check.
 */
final class TextMutations {
    private TextMutations() {
    }

    static byte[] mutate(byte[] seed, Random rnd, String syntax) {
        byte[] m = seed.clone();
        for (int e = rnd.nextInt(4); e >= 0 && m.length > 1; e--) {
            int at = rnd.nextInt(m.length);
            switch (rnd.nextInt(4)) {
                case 0 -> m[at] = (byte) rnd.nextInt(256);
                case 1 -> m[at] = (byte) syntax.charAt(rnd.nextInt(syntax.length()));
                case 2 -> {
                    // drop a run of bytes, which removes attributes, elements or closing tags
                    int len = Math.min(m.length - at, 1 + rnd.nextInt(24));
                    byte[] d = new byte[m.length - len];
                    System.arraycopy(m, 0, d, 0, at);
                    System.arraycopy(m, at + len, d, at, m.length - at - len);
                    m = d;
                }
                default -> {
                    // repeat a run of bytes, which duplicates values and elements
                    int len = Math.min(m.length - at, 1 + rnd.nextInt(40));
                    byte[] d = Arrays.copyOf(m, m.length + len);
                    System.arraycopy(m, at, d, at + len, m.length - at);
                    m = d;
                }
            }
        }
        return m;
    }
}
