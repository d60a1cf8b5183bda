package org.vitalis.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vitalis.store.SearchTokens;

class MrnAndQueryTest {
    @Test
    void mrnCarriesALuhnCheckDigitThatCatchesTyposAndSwaps() {
        String mrn = Mrn.of(100001);
        assertThat(mrn).isEqualTo("1000017");
        assertThat(Mrn.isValid(mrn)).isTrue();
        for (int i = 0; i < mrn.length(); i++) {
            char wrong = (char) ('0' + (mrn.charAt(i) - '0' + 1) % 10);
            assertThat(Mrn.isValid(mrn.substring(0, i) + wrong + mrn.substring(i + 1))).isFalse();
        }
        assertThat(Mrn.isValid("1000107")).as("adjacent digits swapped").isFalse();
        assertThat(Mrn.isValid("79927398713")).isTrue();
        assertThat(Mrn.isValid("abc")).isFalse();
        assertThat(Mrn.isValid("")).isFalse();
    }

    @Test
    void queriesSplitIntoFoldedTermsDatesAndPhones() {
        assertThat(PatientService.queryTerms("Zoë  MÜL")).containsExactly("zoe", "mul");
        assertThat(PatientService.queryTerms("3/5/1980")).containsExactly("1980-05-03");
        assertThat(PatientService.queryTerms("1980-05-03 kh")).containsExactly("1980-05-03", "kh");
        assertThat(PatientService.queryTerms("+962 79 123 4567")).containsExactly("962791234567");
        assertThat(PatientService.queryTerms("   ")).isEmpty();
        assertThat(PatientService.queryTerms("31/2/1980")).containsExactly("31", "2", "1980");
    }

    @Test
    void arabicDiacriticsAndLetterVariantsFold() {
        assertThat(SearchTokens.fold("أحمد")).isEqualTo(SearchTokens.fold("احمد"));
        assertThat(SearchTokens.fold("إبراهيم")).isEqualTo("ابراهيم");
        assertThat(SearchTokens.fold("حدّاد")).isEqualTo("حداد");
        assertThat(SearchTokens.fold("فاطمة")).isEqualTo(SearchTokens.fold("فاطمه"));
        assertThat(SearchTokens.fold("ليلى")).isEqualTo(SearchTokens.fold("ليلي"));
        assertThat(SearchTokens.words("O'Brien-Smith")).containsExactly("o", "brien", "smith");
        assertThat(SearchTokens.phoneDigits("+49 (30) 123-45.67")).isEqualTo("4930123456" + "7");
    }
}
