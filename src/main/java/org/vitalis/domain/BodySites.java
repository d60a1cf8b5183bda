package org.vitalis.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The sites a lesion photograph is filed under, each a concept of SNOMED CT International, body structure hierarchy,
 * with the term DICOM PS3.16 gives it: oral sites from CID 4028 (craniofacial anatomic regions) and CID 4029
 * (dermatology anatomic sites, which list the oral mucosa and gingiva concepts), skin sites from CID 4029. The hard
 * palate, whose mucosa CID 4029 codes in FMA only, is SNOMED CT's hard palate structure as HL7 mCODE's radiotherapy
 * treatment location value set (after AAPM TG-263) lists it. The surfaces of the tongue are the tongue's mucosa (CID
 * 4029) narrowed by a CID 2 anatomic modifier, as DICOM codes a part it has no concept for; no published list at hand
 * gave SNOMED CT's own concepts for them, and a guessed code is worse than a composed one.
 */
public final class BodySites {
    /** DICOM PS3.16 CID 4029: (8001006, SCT, "Mucosa of tongue"). */
    private static final String TONGUE_MUCOSA = "8001006";

    public static final BodySite UPPER_LIP_MUCOSA = oral("18444004", "Structure of mucous membrane of upper lip", false);
    public static final BodySite LOWER_LIP_MUCOSA = oral("46353006", "Structure of mucous membrane of lower lip", false);
    public static final BodySite TONGUE_DORSUM = tongue(AnatomicModifier.SUPERIOR, "dorsal surface", false);
    public static final BodySite TONGUE_BORDER = tongue(AnatomicModifier.LATERAL, "lateral border", true);
    public static final BodySite TONGUE_VENTRAL = tongue(AnatomicModifier.INFERIOR, "ventral surface", false);
    public static final BodySite TONGUE_TIP = oral("245831007", "Mucosa of tip of tongue", false);
    public static final BodySite FLOOR_OF_MOUTH_MUCOSA = oral("36152006",
            "Structure of mucous membrane of floor of mouth", false);
    public static final BodySite BUCCAL_MUCOSA = oral("16811007", "Buccal mucosa", true);
    public static final BodySite UPPER_GINGIVA = oral("245814000", "Mucosa of maxillary gingiva", false);
    public static final BodySite LOWER_GINGIVA = oral("245823002", "Mucosa of mandibular gingiva", false);
    public static final BodySite HARD_PALATE = oral("90228003", "Hard palate structure", false);
    public static final BodySite SOFT_PALATE = oral("49460000", "Soft palate", false);

    public static final BodySite FACE = skin("73897004", "Skin of face", false, BodySite.View.FRONT);
    public static final BodySite SCALP = skin("43067004", "Skin of scalp", false, BodySite.View.BACK);
    public static final BodySite NECK_FRONT = skin("11584001", "Skin of anterior portion of neck", false,
            BodySite.View.FRONT);
    public static final BodySite NECK_BACK = skin("4658004", "Skin of nuchal region", false, BodySite.View.BACK);
    public static final BodySite CHEST = skin("244106003", "Skin of anterior surface of thorax", false,
            BodySite.View.FRONT);
    public static final BodySite ABDOMEN = skin("75093004", "Skin of abdomen", false, BodySite.View.FRONT);
    public static final BodySite UPPER_BACK = skin("244111001", "Skin of posterior surface of thorax", false,
            BodySite.View.BACK);
    public static final BodySite LOWER_BACK = skin("113182001", "Skin of lower back", false, BodySite.View.BACK);
    public static final BodySite BUTTOCK = skin("22180002", "Skin of buttock", true, BodySite.View.BACK);
    public static final BodySite UPPER_ARM_FRONT = skin("45981001", "Skin of anterior surface of upper arm", true,
            BodySite.View.FRONT);
    public static final BodySite UPPER_ARM_BACK = skin("72939005", "Skin of posterior surface of upper arm", true,
            BodySite.View.BACK);
    public static final BodySite FOREARM_FRONT = skin("70559009", "Skin of anterior surface of forearm", true,
            BodySite.View.FRONT);
    public static final BodySite FOREARM_BACK = skin("41550009", "Skin of posterior surface of forearm", true,
            BodySite.View.BACK);
    public static final BodySite HAND = skin("33712006", "Skin of hand", true, BodySite.View.BOTH);
    public static final BodySite THIGH_FRONT = skin("61248009", "Skin of anterior surface of thigh", true,
            BodySite.View.FRONT);
    public static final BodySite THIGH_BACK = skin("4578000", "Skin of posterior surface of thigh", true,
            BodySite.View.BACK);
    public static final BodySite LOWER_LEG_FRONT = skin("25763004", "Skin of anterior surface of lower leg", true,
            BodySite.View.FRONT);
    public static final BodySite LOWER_LEG_BACK = skin("47224004", "Skin of posterior surface of lower leg", true,
            BodySite.View.BACK);
    public static final BodySite FOOT = skin("60496002", "Skin of foot", true, BodySite.View.BOTH);

    public static final List<BodySite> ORAL = List.of(UPPER_LIP_MUCOSA, LOWER_LIP_MUCOSA, TONGUE_DORSUM,
            TONGUE_BORDER, TONGUE_VENTRAL, TONGUE_TIP, FLOOR_OF_MOUTH_MUCOSA, BUCCAL_MUCOSA, UPPER_GINGIVA, LOWER_GINGIVA,
            HARD_PALATE, SOFT_PALATE);
    public static final List<BodySite> SKIN = List.of(FACE, SCALP, NECK_FRONT, NECK_BACK, CHEST, ABDOMEN, UPPER_BACK,
            LOWER_BACK, BUTTOCK, UPPER_ARM_FRONT, UPPER_ARM_BACK, FOREARM_FRONT, FOREARM_BACK, HAND, THIGH_FRONT,
            THIGH_BACK, LOWER_LEG_FRONT, LOWER_LEG_BACK, FOOT);
    public static final List<BodySite> ALL = java.util.stream.Stream.concat(ORAL.stream(), SKIN.stream()).toList();

    private static final Map<String, BodySite> BY_KEY = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(BodySite::key, Function.identity()));

    private BodySites() {
    }

    private static BodySite oral(String code, String display, boolean paired) {
        return new BodySite(code, null, display, true, paired, null);
    }

    private static BodySite tongue(AnatomicModifier part, String partName, boolean paired) {
        return new BodySite(TONGUE_MUCOSA, part, "Mucosa of tongue, " + partName, true, paired, null);
    }

    private static BodySite skin(String code, String display, boolean paired, BodySite.View view) {
        return new BodySite(code, null, display, false, paired, view);
    }

    /** The catalogue's site with this code and modifier (null for none); empty for a site no longer offered. */
    public static Optional<BodySite> find(String code, String modifierCode) {
        return Optional.ofNullable(code == null ? null : BY_KEY.get(BodySite.key(code, modifierCode)));
    }

    /** The sites offered for a kind of photograph. */
    public static List<BodySite> forKind(LesionKind kind) {
        return kind == LesionKind.ORAL ? ORAL : SKIN;
    }
}
