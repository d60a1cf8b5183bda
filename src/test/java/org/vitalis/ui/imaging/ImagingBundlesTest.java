package org.vitalis.ui.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vitalis.domain.BodySite;
import org.vitalis.domain.BodySites;
import org.vitalis.domain.Laterality;
import org.vitalis.domain.LesionKind;
import org.vitalis.domain.LesionReviewOutcome;
import org.vitalis.ui.common.Messages;
import org.vitalis.vision.quality.CheckKind;

/**
 * Every site, kind, side, quality check and review outcome the photo screen can show has its words in English and in
 * Arabic.
 */
class ImagingBundlesTest {
    @ParameterizedTest
    @ValueSource(strings = {"en", "ar"})
    void everyCodeTheScreenShowsHasItsText(String language) {
        Messages m = Messages.of(language);
        List<String> keys = new ArrayList<>();
        for (BodySite s : BodySites.ALL) {
            keys.add("site." + s.key());
        }
        for (LesionKind k : LesionKind.values()) {
            keys.add("kind." + k.name());
            keys.add("imaging.noModel." + k.name());
        }
        for (Laterality l : Laterality.values()) {
            keys.add("side." + l.name());
            keys.add("side.short." + l.name());
        }
        for (LesionReviewOutcome o : LesionReviewOutcome.values()) {
            keys.add("imaging.review.done." + o.name());
        }
        for (CheckKind kind : CheckKind.values()) {
            keys.add("quality." + kind.name() + ".passed");
            keys.add("quality." + kind.name() + ".failed");
        }
        assertThat(keys).allSatisfy(k -> assertThat(m.has(k)).as(k).isTrue());
        if (language.equals("ar")) {
            assertThat(m.get("site.16811007")).isEqualTo("مخاطية الخد (باطن الخد)");
        }
    }
}
