package org.vitalis.ecg.format;

import java.util.Arrays;
import java.util.Random;

/**
 * Mutations for fuzzing text formats (XML, JSON): random bytes, characters of the grammar, dropped
 * runs and repeated runs, so that mutants reach past the first syntax check.
 */
public final class TextMutations {
    private static final int MUTANTS_PER_SEED = 1500;

    private TextMutations() {
    }

    /**
     * Reads each seed of {@code owner}'s Jazzer corpus and {@value #MUTANTS_PER_SEED} mutants of it with
     * {@code read}, which returns true when the reader accepted the bytes and false when it refused them
     * with its documented exception (any other exception fails the test). Seeds named "empty…" must be
     * refused; the others must read, and so must some of their mutants, which proves the mutations get
     * past the first syntax check.
     */
    public static void campaign(Class<?> owner, String[] seeds, String syntax, java.util.function.Predicate<byte[]> read)
            throws java.io.IOException {
        Random rnd = new Random(20261124);
        for (String name : seeds) {
            byte[] seed;
            try (java.io.InputStream in = owner.getResourceAsStream(owner.getSimpleName() + "Inputs/fuzz/" + name)) {
                seed = in.readAllBytes();
            }
            org.assertj.core.api.Assertions.assertThat(read.test(seed)).as("seed %s reads", name)
                    .isEqualTo(!name.startsWith("empty"));
            int accepted = 0;
            for (int k = 0; k < MUTANTS_PER_SEED; k++) {
                accepted += read.test(mutate(seed, rnd, syntax)) ? 1 : 0;
            }
            if (!name.startsWith("empty")) {
                org.assertj.core.api.Assertions.assertThat(accepted).as("mutants of %s read successfully", name)
                        .isGreaterThan(15);
            }
        }
    }

    public static byte[] mutate(byte[] seed, Random rnd, String syntax) {
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
