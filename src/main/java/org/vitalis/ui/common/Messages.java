package org.vitalis.ui.common;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The user-visible text and formats of one locale; every screen gets its strings from here. */
public final class Messages {
    public static final String BUNDLE = "org.vitalis.ui.messages";

    private final Locale locale;
    private final ResourceBundle bundle;
    private final ZoneId zone;

    public Messages(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale);
    }

    public static Messages of(String languageTag) {
        return new Messages(Locale.forLanguageTag(languageTag), ZoneId.systemDefault());
    }

    public Locale locale() {
        return locale;
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean rightToLeft() {
        return "ar".equals(locale.getLanguage());
    }

    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            // A missing key must be visible in review, not silently blank.
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** The text without its mnemonic marker, for titles and headers. */
    public String plain(String key) {
        return get(key).replace("_", "");
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** CLDR puts bidi marks into Arabic date patterns; JavaFX draws them as visible glyphs. */
    private static String clean(String s) {
        return s.replace("\u200F", "").replace("\u200E", "").replace("\u061C", "");
    }

    public String date(LocalDate date) {
        return date == null ? "" : clean(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                .withDecimalStyle(DecimalStyle.of(locale)).format(date));
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : clean(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withDecimalStyle(DecimalStyle.of(locale)).format(instant.atZone(zone)));
    }

    /**
     * Date picker text in this locale's short form with a four-digit year; typed Arabic-Indic
     * digits are accepted.
     */
    public javafx.util.StringConverter<LocalDate> dateConverter() {
        String pattern = clean(java.time.format.DateTimeFormatterBuilder.getLocalizedDateTimePattern(
                FormatStyle.SHORT, null, java.time.chrono.IsoChronology.INSTANCE, locale));
        if (!pattern.contains("yyyy")) {
            pattern = pattern.replaceAll("y+", "yyyy");
        }
        DateTimeFormatter f = DateTimeFormatter.ofPattern(pattern, locale);
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                return d == null ? "" : f.format(d);
            }

            @Override
            public LocalDate fromString(String s) {
                return s == null || s.isBlank() ? null : LocalDate.parse(LocalNumbers.westernDigits(s.strip()), f);
            }
        };
    }

    public String number(BigDecimal value) {
        if (value == null) {
            return "";
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(Math.max(0, value.stripTrailingZeros().scale()));
        f.setMaximumFractionDigits(3);
        return f.format(value);
    }

    public String number(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }
}
