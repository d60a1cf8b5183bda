package org.vitalis.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;
import javafx.css.CssParser;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

/** The workstation's stylesheet parses without errors: JavaFX only warns about a broken rule and drops what follows. */
class StylesheetTest {
    @Test
    void theStylesheetHasNoParseErrors() throws Exception {
        URL css = getClass().getResource("/org/vitalis/ui/vitalis.css");
        assertThat(css).isNotNull();
        CssParser.errorsProperty().clear();
        Stylesheet sheet = new CssParser().parse(css);
        List<String> errors = CssParser.errorsProperty().stream().map(Object::toString).toList();
        assertThat(errors).isEmpty();
        assertThat(sheet.getRules()).extracting(r -> r.getSelectors().toString())
                .anyMatch(s -> s.contains("decision-support")).anyMatch(s -> s.contains("ecg-list"));
    }
}
