package org.vitalis.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LocalNumbersTest {
    private static final Locale AR = Locale.forLanguageTag("ar");

    @Test
    void readsWesternAndArabicIndicDigits() {
        assertThat(LocalNumbers.parse("36.6", Locale.US)).contains(new BigDecimal("36.6"));
        assertThat(LocalNumbers.parse("٣٦٫٦", AR)).contains(new BigDecimal("36.6"));
        assertThat(LocalNumbers.parse("۷۲", AR)).contains(new BigDecimal("72"));
        assertThat(LocalNumbers.parse(" 120 ", AR)).contains(new BigDecimal("120"));
    }

    @Test
    void blankIsAbsentAndGarbageIsAnError() {
        assertThat(LocalNumbers.parse("  ", Locale.US)).isEmpty();
        assertThatThrownBy(() -> LocalNumbers.parse("12a", Locale.US)).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> LocalNumbers.parse("-5", Locale.US)).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void bothBundlesHaveTheSameKeys() {
        var en = java.util.ResourceBundle.getBundle(Messages.BUNDLE, Locale.ROOT);
        var ar = java.util.ResourceBundle.getBundle(Messages.BUNDLE, AR);
        assertThat(ar.getLocale().getLanguage()).isEqualTo("ar");
        assertThat(java.util.Collections.list(ar.getKeys())).containsExactlyInAnyOrderElementsOf(
                java.util.Collections.list(en.getKeys()));
        assertThat(ar.getString("nav.patients")).isEqualTo("المرضى");
    }
}
