package org.vitalis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.geometry.Point2D;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vitalis.app.ManagedDevices;
import org.vitalis.device.driver.DeviceDriver;
import org.vitalis.device.sim.CytonEcgSimulator;
import org.vitalis.device.sim.EcgStreamSimulator;
import org.vitalis.device.sim.Simulator;
import org.vitalis.device.transport.VirtualSerialPair;
import org.vitalis.domain.Patient;
import org.vitalis.domain.Role;
import org.vitalis.domain.Sex;
import org.vitalis.ecg.format.EcgLead;
import org.vitalis.registry.EcgRecordingSummary;
import org.vitalis.registry.PatientDraft;
import org.vitalis.registry.StoredEcg;
import org.vitalis.registry.SyntheticEcgs;
import org.vitalis.security.UserSession;

/**
 * The ECG screens on a real database: a live device on a virtual serial port recorded for a patient, and the
 * doctor's review of a stored 12-lead ECG with calipers and confirmation. Renders them to target/screens/.
 */
class EcgScreensTest extends UiTestBase {
    private static final Path OUT = Path.of("target", "screens");
    private static final String DOCTOR_PW = "doctor-pass-1";
    private VirtualSerialPair pair;
    private Simulator sim;
    private ManagedDevices devices;
    private Patient patient;

    @AfterEach
    void stopDevices() {
        if (devices != null) {
            devices.close();
        }
        if (sim != null) {
            sim.close();
        }
        if (pair != null) {
            pair.close();
        }
    }

    private void station() throws Exception {
        System.setProperty("java.awt.headless", "true");
        station = new TestStation(dir).withStaff();
        UserSession admin = station.auth.login("admin", TestStation.ADMIN_PW.toCharArray());
        station.users.create(admin, "doctor", "Dina Doctor", Role.DOCTOR, DOCTOR_PW.toCharArray());
        UserSession nurse = station.auth.login("nurse", TestStation.NURSE_PW.toCharArray());
        patient = station.patients.register(nurse, new PatientDraft("Salma", "Haddad", "سلمى", "حداد",
                LocalDate.of(1975, 11, 2), Sex.FEMALE, "+962 6 555 0101", null, null, null, null, List.of(), List.of()));
    }

    private void window(String language, boolean dark, Optional<StationDevices> devs) {
        open(station.context(language, dark, false, devs), Duration.ofMinutes(15));
        Fx.run(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
    }

    private void nav(String screen) {
        Fx.waitUntil("#nav-" + screen + " exists", () -> root.lookup("#nav-" + screen) != null);
        Fx.run(() -> ((ToggleButton) root.lookup("#nav-" + screen)).fire());
    }

    private void choosePatient() {
        type("ecg-search", patient.getMrn());
        Fx.run(() -> root.lookup("#ecg-search").fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER,
                false, false, false, false)));
        Fx.waitUntil("the patient is chosen", () -> text("ecg-patient").contains(patient.getMrn()));
    }

    private void waitForLiveEcg() {
        Fx.waitUntil("the live ECG shows", () -> !((Button) root.lookup("#ecg-record10")).isDisabled());
    }

    @ParameterizedTest
    @CsvSource({"en,false", "ar,true"})
    void aNurseRecordsTenSecondsFromASingleLeadBoard(String language, boolean dark) throws Exception {
        station();
        pair = VirtualSerialPair.open();
        sim = new EcgStreamSimulator(pair.deviceEnd(), 72).start();
        devices = new ManagedDevices(DeviceDriver.Options.defaults());
        String id = devices.save(null, "ECG board", "ascii-ecg", pair.portPath(), "").id();
        devices.connect(id);
        window(language, dark, Optional.of(devices));
        login("nurse", TestStation.NURSE_PW);
        assertThat(root.lookup("#nav-ecg_review")).as("only doctors review").isNull();
        nav("ecg");
        choosePatient();
        waitForLiveEcg();
        assertThat(text("ecg-scale")).isEqualTo(language.equals("en") ? "25 mm/s · 10 mm/mV"
                : num(25, language) + " ملم في الثانية · " + num(10, language) + " ملم لكل ملي فولت");
        Thread.sleep(4000);
        press("ecg-record10");
        Fx.waitUntil("the recording is stored", () -> !text("ecg-message").isEmpty()
                && !((ListView<?>) root.lookup("#ecg-recordings")).getItems().isEmpty());
        if (language.equals("en")) {
            assertThat(text("ecg-message")).isEqualTo("Saved. The recording awaits review by a doctor.");
        }
        UserSession nurse = station.auth.login("nurse", TestStation.NURSE_PW.toCharArray());
        List<EcgRecordingSummary> stored = station.ecg.list(nurse, patient.getId());
        assertThat(stored).singleElement().satisfies(s -> {
            assertThat(s.source()).isEqualTo(id);
            assertThat(s.leadCount()).isEqualTo(1);
            assertThat(s.durationS()).isEqualTo(10.0);
            assertThat(s.kind()).isEqualTo("RHYTHM_STRIP");
            assertThat(s.review()).isEmpty();
        });
        StoredEcg ecg = station.ecg.open(nurse, stored.getFirst().id());
        EcgLead lead = ecg.record().leads().getFirst();
        // The board's own ADC counts, with its scale: nothing converted, nothing rounded.
        assertThat(lead.label()).isEqualTo("ECG");
        assertThat(lead.gain()).isEqualTo(341);
        assertThat(lead.baseline()).isEqualTo(512);
        assertThat(lead.samples()).hasSize(2500);
        assertThat(java.util.Arrays.stream(lead.samples()).allMatch(c -> c >= 0 && c <= 1023)).isTrue();
        assertThat(ecg.summary().heartRateBpm()).isBetween(66, 78);
        shoot("ecg-record", language, dark);

        press("ecg-startstop");
        Fx.waitUntil("the open recording runs", () -> text("ecg-startstop").equals(language.equals("en") ? "Stop" : "إيقاف")
                && !text("ecg-progress-text").isEmpty());
        Thread.sleep(2500);
        press("ecg-startstop");
        Fx.waitUntil("the second recording is stored", () -> ((ListView<?>) root.lookup("#ecg-recordings"))
                .getItems().size() == 2);
        EcgRecordingSummary open = station.ecg.list(nurse, patient.getId()).getFirst();
        assertThat(open.durationS()).isBetween(1.5, 4.0);
    }

    @ParameterizedTest
    @CsvSource({"en,false", "ar,true"})
    void aStationWithoutDevicesSaysSoAndImportsFiles(String language, boolean dark) throws Exception {
        station();
        Path file = dir.resolve("resting.edf");
        org.vitalis.ecg.format.EcgFiles.write(SyntheticEcgs.twelveLead("resting", Instant.parse("2025-03-01T08:00:00Z"),
                3), file, java.time.ZoneOffset.UTC, null);
        window(language, dark, Optional.empty());
        login("nurse", TestStation.NURSE_PW);
        nav("ecg");
        Fx.waitUntil("the screen says there is no device", () -> Fx.present(root, "ecg-signal"));
        assertThat(text("ecg-signal")).isEqualTo(language.equals("en")
                ? "This station has no devices. You can still import an ECG file."
                : "لا توجد أجهزة في هذه المحطة. يمكنك مع ذلك استيراد ملف تخطيط قلب.");
        assertThat(((Button) root.lookup("#ecg-record10")).isDisabled()).isTrue();
        nextFile = file;
        press("ecg-import");
        Fx.waitUntil("a patient is asked for", () -> !text("ecg-problem").isEmpty());
        choosePatient();
        press("ecg-import");
        Fx.waitUntil("the file is stored", () -> !((ListView<?>) root.lookup("#ecg-recordings")).getItems().isEmpty());
        UserSession nurse = station.auth.login("nurse", TestStation.NURSE_PW.toCharArray());
        EcgRecordingSummary s = station.ecg.list(nurse, patient.getId()).getFirst();
        assertThat(s.source()).isEqualTo("import:resting.edf");
        assertThat(s.leadCount()).isEqualTo(12);
        nextFile = dir.resolve("not-an-ecg.edf");
        java.nio.file.Files.writeString(nextFile, "this is not EDF");
        press("ecg-import");
        Fx.waitUntil("the bad file is refused", () -> !text("ecg-problem").isEmpty());
        assertThat(station.ecg.list(nurse, patient.getId())).hasSize(1);
        shoot("ecg-no-devices", language, dark);
    }

    @ParameterizedTest
    @CsvSource({"en,true", "ar,false"})
    void aDoctorRecordsTwelveLeadsAndGoesStraightToTheReview(String language, boolean dark) throws Exception {
        station();
        pair = VirtualSerialPair.open();
        sim = new CytonEcgSimulator(pair.deviceEnd(), 72, 7).listenForCommands().start();
        devices = new ManagedDevices(DeviceDriver.Options.defaults());
        String id = devices.save(null, language.equals("en") ? "12-lead ECG" : "تخطيط القلب ١٢ اتجاهًا",
                "openbci-cyton", pair.portPath(), "").id();
        devices.connect(id);
        window(language, dark, Optional.of(devices));
        login("doctor", DOCTOR_PW);
        nav("ecg");
        choosePatient();
        waitForLiveEcg();
        Thread.sleep(6000);
        shoot("ecg-live-12-lead", language, dark);
        toggle("ecg-freeze");
        Fx.waitUntil("the page slider shows", () -> root.lookup("#ecg-page").isVisible());
        shoot("ecg-frozen", language, dark);
        toggle("ecg-freeze");
        press("ecg-record10");
        Fx.waitUntil("the review of the new recording opens", () -> root.lookup("#ecgreview-m-0") != null
                && !text("ecgreview-heading").isEmpty());
        UserSession doctor = station.auth.login("doctor", DOCTOR_PW.toCharArray());
        EcgRecordingSummary s = station.ecg.list(doctor, patient.getId()).getFirst();
        assertThat(s.leadCount()).isEqualTo(12);
        assertThat(s.kind()).isEqualTo("RESTING_12_LEAD");
        StoredEcg ecg = station.ecg.open(doctor, s.id());
        assertThat(ecg.record().leads()).extracting(EcgLead::label).containsExactly("I", "II", "III", "aVR", "aVL",
                "aVF", "V1", "V2", "V3", "V4", "V5", "V6");
        EcgLead one = ecg.record().leads().get(0);
        EcgLead two = ecg.record().leads().get(1);
        EcgLead aVR = ecg.record().leads().get(3);
        assertThat(aVR.gain()).isEqualTo(2 * one.gain());
        for (int i = 0; i < ecg.record().sampleCount(); i++) {
            assertThat(aVR.samples()[i]).isEqualTo(-(one.samples()[i] + two.samples()[i]));
        }
        assertThat(s.heartRateBpm()).isBetween(66, 78);
        shoot("ecgreview-after-recording", language, dark);
    }

    @ParameterizedTest
    @CsvSource({"en,false", "en,true", "ar,false"})
    void aDoctorMeasuresAndConfirmsANurseOnlyReads(String language, boolean dark) throws Exception {
        station();
        UserSession nurse = station.auth.login("nurse", TestStation.NURSE_PW.toCharArray());
        Instant at = Instant.now().minusSeconds(3600);
        long first = station.ecg.record(nurse, patient.getId(), SyntheticEcgs.twelveLead("resting", at, 1), "cart-1")
                .id();
        long second = station.ecg.record(nurse, patient.getId(), SyntheticEcgs.twelveLead("repeat", at.plusSeconds(60),
                2), "cart-1").id();
        window(language, dark, Optional.empty());
        login("doctor", DOCTOR_PW);
        nav("ecg_review");
        @SuppressWarnings("unchecked")
        ListView<EcgRecordingSummary> list = Fx.find(root, "ecgreview-list");
        Fx.waitUntil("two recordings await review", () -> list.getItems().size() == 2);
        Fx.run(() -> list.getSelectionModel().select(list.getItems().stream().filter(r -> r.id() == first)
                .findFirst().orElseThrow()));
        Fx.waitUntil("the recording shows", () -> root.lookup("#ecgreview-m-0") != null
                && !text("ecgreview-patient").isEmpty());
        UserSession doctor = station.auth.login("doctor", DOCTOR_PW.toCharArray());
        StoredEcg stored = station.ecg.open(doctor, first);
        if (language.equals("en")) {
            assertThat(text("ecgreview-m-0")).isEqualTo("72 /min");
            assertThat(rhythmLines()).first().asString().startsWith("Sinus rhythm 72/min");
            assertThat(text("ecgreview-support")).isEqualTo("Computer analysis — decision support, not a diagnosis");
            assertThat(text("ecgreview-patient")).startsWith("Salma Haddad · ");
        } else {
            assertThat(text("ecgreview-m-0")).isEqualTo(num(72, language) + " /دقيقة");
            assertThat(rhythmLines()).first().asString().startsWith("نظم جيبي");
        }
        assertThat(text("ecgreview-algorithm")).contains(stored.analysis().algorithmVersion());

        // Calipers from one R peak to the next on the rhythm strip: the RR interval, at the paper's scale.
        int[] beats = stored.analysis().beats().beats();
        double fs = stored.record().samplingFrequency();
        Canvas calipers = Fx.find(root, "ecgreview-calipers");
        Canvas strip = Fx.find(root, "ecgreview-strip");
        double pxPerS = Fx.call(() -> 25 * org.vitalis.ui.ecg.EcgScreen.pxPerMm(strip));
        double margin = Fx.call(() -> strip.getHeight() > 0 ? marginOf(strip) : 0);
        double y = Fx.call(() -> strip.getHeight() - 20);
        double x1 = margin + beats[2] / fs * pxPerS;
        double x2 = margin + beats[3] / fs * pxPerS;
        drag(calipers, x1, y, x2, y);
        long rrMs = Math.round(Math.abs(x2 - x1) / pxPerS * 1000);
        assertThat(Math.abs(rrMs - Math.round((beats[3] - beats[2]) / fs * 1000))).isLessThanOrEqualTo(1);
        if (language.equals("en")) {
            assertThat(text("ecgreview-caliper")).startsWith("Δt " + rrMs + " ms · ΔV 0 mV · "
                    + Math.round(60_000.0 / (Math.abs(x2 - x1) / pxPerS * 1000)) + " /min");
        }
        shoot("ecgreview-calipers", language, dark);
        Fx.run(() -> calipers.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ESCAPE, false, false, false,
                false)));
        assertThat(text("ecgreview-caliper")).isEmpty();

        press("ecgreview-confirm");
        Fx.waitUntil("an empty interpretation is refused", () -> !text("ecgreview-message").isEmpty());
        type2("ecgreview-interpretation", "Sinus rhythm, normal ECG.");
        press("ecgreview-confirm");
        Fx.waitUntil("the confirmation shows", () -> root.lookup("#ecgreview-confirm") != null
                && !root.lookup("#ecgreview-confirm").isVisible());
        if (language.equals("en")) {
            assertThat(text("ecgreview-confirmation")).startsWith("Confirmed by doctor\nat ");
        } else {
            assertThat(text("ecgreview-confirmation")).startsWith("أكّده doctor\nفي ");
        }
        assertThat(station.ecg.open(doctor, first).summary().review()).get()
                .extracting(r -> r.interpretation()).isEqualTo("Sinus rhythm, normal ECG.");
        Fx.waitUntil("the list marks it confirmed", () -> list.getItems().stream()
                .anyMatch(r -> r.id() == first && r.review().isPresent()));
        shoot("ecgreview-confirmed", language, dark);

        // The confirmed recording saves as its true-scale PDF, with the patient and who confirmed it.
        nextFile = dir.resolve("report-" + language + ".pdf");
        press("ecgreview-report");
        Fx.waitUntil("the report is saved", () -> text("ecgreview-notice").contains("report-" + language + ".pdf"));
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(nextFile.toFile())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("Salma Haddad")
                    .contains(patient.getMrn()).contains("Sinus rhythm, normal ECG.").contains("Confirmed by doctor");
        }
        nextFile = null;

        // Another doctor confirms the second recording while this one reads it: theirs stands, this text is shown.
        Fx.run(() -> list.getSelectionModel().select(list.getItems().stream().filter(r -> r.id() == second)
                .findFirst().orElseThrow()));
        Fx.waitUntil("the second recording shows", () -> text("ecgreview-heading").contains(
                language.equals("en") ? "from cart-1" : "cart-1") && ((javafx.scene.control.TextArea) root
                .lookup("#ecgreview-interpretation")).isEditable());
        StoredEcg other = station.ecg.open(doctor, second);
        station.ecg.confirm(doctor, second, "Read elsewhere.", other.version());
        type2("ecgreview-interpretation", "My reading.");
        press("ecgreview-confirm");
        Fx.waitUntil("the change is explained", () -> text("ecgreview-message").contains("My reading."));
        assertThat(station.ecg.open(doctor, second).summary().review().orElseThrow().interpretation())
                .isEqualTo("Read elsewhere.");
        press("shell-logout");

        login("nurse", TestStation.NURSE_PW);
        type("patients-search", "Haddad");
        Fx.waitUntil("the patient is found", () -> !((javafx.scene.control.TableView<?>) root.lookup("#patients-table"))
                .getItems().isEmpty());
        Fx.run(() -> {
            var table = (javafx.scene.control.TableView<?>) root.lookup("#patients-table");
            table.getSelectionModel().select(0);
            table.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false));
        });
        press("chart-ecgs");
        @SuppressWarnings("unchecked")
        ListView<EcgRecordingSummary> mine = Fx.find(root, "ecgreview-list");
        Fx.waitUntil("the patient's recordings show", () -> mine.getItems().size() == 2);
        Fx.run(() -> mine.getSelectionModel().select(mine.getItems().stream().filter(r -> r.id() == first)
                .findFirst().orElseThrow()));
        Fx.waitUntil("the recording shows", () -> root.lookup("#ecgreview-m-0") != null
                && !text("ecgreview-confirmation").isEmpty());
        assertThat(root.lookup("#ecgreview-confirm")).as("nurses do not confirm").isNull();
        assertThat(text("ecgreview-confirmation")).contains("doctor");
        shoot("ecgreview-nurse", language, dark);
        press("ecgreview-back");
        Fx.waitUntil("the chart shows again", () -> root.lookup("#chart-name") != null);
    }

    private void toggle(String id) {
        Fx.run(() -> ((ToggleButton) root.lookup("#" + id)).fire());
    }

    private static String num(long v, String language) {
        return java.text.NumberFormat.getIntegerInstance(java.util.Locale.forLanguageTag(language)).format(v);
    }

    private List<String> rhythmLines() {
        return Fx.call(() -> ((javafx.scene.layout.VBox) root.lookup("#ecgreview-rhythm")).getChildren().stream()
                .map(n -> ((javafx.scene.control.Label) n).getText()).toList());
    }

    private static double marginOf(Canvas strip) {
        var paper = org.vitalis.ui.ecg.EcgPaper.standard(org.vitalis.ui.ecg.EcgScreen.pxPerMm(strip));
        return org.vitalis.ui.ecg.EcgLayout.of(List.of(), paper, strip.getWidth(), true).margin();
    }

    private void type2(String id, String text) {
        Fx.run(() -> ((javafx.scene.control.TextArea) root.lookup("#" + id)).setText(text));
    }

    private static void drag(Node target, double x1, double y1, double x2, double y2) {
        Fx.run(() -> {
            Point2D a = target.localToScene(x1, y1);
            Point2D b = target.localToScene(x2, y2);
            target.fireEvent(mouse(MouseEvent.MOUSE_PRESSED, a));
            target.fireEvent(mouse(MouseEvent.MOUSE_DRAGGED, b));
            target.fireEvent(mouse(MouseEvent.MOUSE_RELEASED, b));
        });
    }

    private static MouseEvent mouse(javafx.event.EventType<MouseEvent> type, Point2D scene) {
        return new MouseEvent(type, scene.getX(), scene.getY(), scene.getX(), scene.getY(), MouseButton.PRIMARY, 1,
                false, false, false, false, type != MouseEvent.MOUSE_RELEASED, false, false, false, false, false, null);
    }

    private void shoot(String screen, String language, boolean dark) throws Exception {
        Fx.writePng(root.getScene(), OUT.resolve(screen + "-" + language + "-" + (dark ? "dark" : "light") + ".png"));
    }
}
