package org.vitalis.ui.common;

import java.util.function.Function;
import javafx.util.StringConverter;

/** Display text for choice boxes whose items are enums. */
public final class Choices {
    private Choices() {
    }

    public static <T> StringConverter<T> converter(Function<T, String> show) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : show.apply(t);
            }

            @Override
            public T fromString(String s) {
                // Only editable combo boxes convert typed text back; these are never editable.
                throw new IllegalStateException("choices are picked, not typed");
            }
        };
    }
}
