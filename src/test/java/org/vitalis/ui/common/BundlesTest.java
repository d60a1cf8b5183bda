package org.vitalis.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The English and Arabic bundles say the same things: each key once per file (a second one silently wins, as a merge
 * can leave), the same keys in both, and no empty text.
 */
class BundlesTest {
    private static final String EN = "/org/vitalis/ui/messages.properties";
    private static final String AR = "/org/vitalis/ui/messages_ar.properties";

    @Test
    void eachKeyOnceInEachBundle() throws IOException {
        for (String bundle : List.of(EN, AR)) {
            Set<String> seen = new HashSet<>();
            List<String> twice = new ArrayList<>();
            for (String[] entry : entries(bundle)) {
                if (!seen.add(entry[0])) {
                    twice.add(entry[0]);
                }
            }
            assertThat(twice).as("keys given twice in " + bundle).isEmpty();
        }
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndNoEmptyText() throws IOException {
        Set<String> en = keys(EN);
        Set<String> ar = keys(AR);
        assertThat(ar).as("keys in English only").containsAll(en);
        assertThat(en).as("keys in Arabic only").containsAll(ar);
        for (String bundle : List.of(EN, AR)) {
            assertThat(entries(bundle)).as("empty texts in " + bundle).noneMatch(e -> e[1].isBlank());
        }
    }

    private static Set<String> keys(String bundle) throws IOException {
        Set<String> keys = new HashSet<>();
        entries(bundle).forEach(e -> keys.add(e[0]));
        return keys;
    }

    /** Key and raw value of each line; the bundles use neither continuation lines nor ':' separators. */
    private static List<String[]> entries(String bundle) throws IOException {
        try (InputStream in = BundlesTest.class.getResourceAsStream(bundle)) {
            assertThat(in).as(bundle).isNotNull();
            List<String[]> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#") || l.startsWith("!")) {
                    continue;
                }
                int eq = l.indexOf('=');
                assertThat(eq).as("a key=value line in " + bundle + ": " + l).isPositive();
                out.add(new String[] {l.substring(0, eq).strip(), l.substring(eq + 1)});
            }
            return out;
        }
    }
}
