package org.vitalis.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every site's SNOMED CT code, modifier and term, listed here so a wrong one is visible in review. Sources: SNOMED CT
 * International, body structure hierarchy, as DICOM PS3.16 lists the concepts (CID 4028 craniofacial anatomic regions;
 * CID 4029 dermatology anatomic sites, with the oral mucosa and gingiva); the hard palate as HL7 mCODE's radiotherapy
 * treatment location value set lists it; modifiers from CID 2; laterality from the qualifier value hierarchy.
 */
class BodySitesTest {
    @Test
    void theCatalogueHoldsExactlyTheCheckedCodes() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("18444004", "Structure of mucous membrane of upper lip");
        expected.put("46353006", "Structure of mucous membrane of lower lip");
        expected.put("8001006.264217000", "Mucosa of tongue, dorsal surface");
        expected.put("8001006.49370004", "Mucosa of tongue, lateral border");
        expected.put("8001006.261089000", "Mucosa of tongue, ventral surface");
        expected.put("245831007", "Mucosa of tip of tongue");
        expected.put("36152006", "Structure of mucous membrane of floor of mouth");
        expected.put("16811007", "Buccal mucosa");
        expected.put("245814000", "Mucosa of maxillary gingiva");
        expected.put("245823002", "Mucosa of mandibular gingiva");
        expected.put("90228003", "Hard palate structure");
        expected.put("49460000", "Soft palate");
        expected.put("73897004", "Skin of face");
        expected.put("43067004", "Skin of scalp");
        expected.put("11584001", "Skin of anterior portion of neck");
        expected.put("4658004", "Skin of nuchal region");
        expected.put("244106003", "Skin of anterior surface of thorax");
        expected.put("75093004", "Skin of abdomen");
        expected.put("244111001", "Skin of posterior surface of thorax");
        expected.put("113182001", "Skin of lower back");
        expected.put("22180002", "Skin of buttock");
        expected.put("45981001", "Skin of anterior surface of upper arm");
        expected.put("72939005", "Skin of posterior surface of upper arm");
        expected.put("70559009", "Skin of anterior surface of forearm");
        expected.put("41550009", "Skin of posterior surface of forearm");
        expected.put("33712006", "Skin of hand");
        expected.put("61248009", "Skin of anterior surface of thigh");
        expected.put("4578000", "Skin of posterior surface of thigh");
        expected.put("25763004", "Skin of anterior surface of lower leg");
        expected.put("47224004", "Skin of posterior surface of lower leg");
        expected.put("60496002", "Skin of foot");
        Map<String, String> actual = new LinkedHashMap<>();
        BodySites.ALL.forEach(s -> actual.put(s.key(), s.display()));
        assertThat(actual).containsExactlyEntriesOf(expected);
        assertThat(Laterality.LEFT.snomedCode()).isEqualTo("7771000");
        assertThat(Laterality.RIGHT.snomedCode()).isEqualTo("24028007");
        assertThat(AnatomicModifier.SUPERIOR.code()).isEqualTo("264217000");
        assertThat(AnatomicModifier.INFERIOR.code()).isEqualTo("261089000");
        assertThat(AnatomicModifier.LATERAL.code()).isEqualTo("49370004");
        assertThat(BodySites.TONGUE_BORDER.paired()).as("a left and a right border").isTrue();
    }

    @Test
    void sitesFitTheirKindsAndSkinSitesHaveAPlaceOnTheMap() {
        assertThat(BodySites.forKind(LesionKind.ORAL)).allMatch(s -> s.oral() && s.view() == null);
        assertThat(BodySites.forKind(LesionKind.DERMOSCOPIC)).allMatch(s -> !s.oral() && s.view() != null)
                .isEqualTo(BodySites.forKind(LesionKind.SKIN_CLINICAL));
        assertThat(BodySites.find("16811007", null)).contains(BodySites.BUCCAL_MUCOSA);
        assertThat(BodySites.find("8001006", "261089000")).contains(BodySites.TONGUE_VENTRAL);
        assertThat(BodySites.find("8001006", null)).as("the whole tongue mucosa is not offered").isEmpty();
        assertThat(BodySites.find("21974007", null)).as("retired: the tongue as one site").isEmpty();
        assertThat(BodySites.find("0", null)).isEmpty();
        assertThat(BodySites.find(null, null)).isEmpty();
        assertThat(BodySites.ALL).allMatch(s -> s.code().matches("[1-9][0-9]{5,17}")
                && (s.modifier() == null || s.modifier().code().matches("[1-9][0-9]{5,17}")));
    }
}
