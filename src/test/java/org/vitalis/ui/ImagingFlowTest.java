package org.vitalis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vitalis.domain.LesionReviewOutcome;
import org.vitalis.domain.Role;
import org.vitalis.domain.Sex;
import org.vitalis.registry.LesionImageSummary;
import org.vitalis.registry.PatientDraft;
import org.vitalis.registry.VisionLesionAnalysis;
import org.vitalis.security.UserSession;
import org.vitalis.vision.camera.Cameras;
import org.vitalis.vision.camera.StillImageSource;
import org.vitalis.vision.inference.ModelRegistry;
import org.vitalis.vision.quality.QualityGate;

/**
 * The "done when" on the real screen: a nurse captures a dermoscopic photo for a patient from the demo's
 * still-image dermatoscope, sees the quality checks, stores it and sees the shipped skin model's probability and
 * heatmap; she has no confirm; a doctor finds it awaiting review and confirms it. Renders target/screens/imaging-*.png.
 */
class ImagingFlowTest extends UiTestBase {
    private static final Path OUT = Path.of("target", "screens");
    private ModelRegistry models;

    @AfterEach
    void closeModels() {
        if (models != null) {
            models.close();
        }
    }

    @ParameterizedTest
    @CsvSource({"en,false", "ar,true", "en,true"})
    void nurseCapturesAndTheDoctorConfirms(String language, boolean dark) throws Exception {
        System.setProperty("java.awt.headless", "true");
        station = new TestStation(dir).withStaff();
        UserSession admin = station.auth.login("admin", TestStation.ADMIN_PW.toCharArray());
        station.users.create(admin, "doctor", "Dina Doctor", Role.DOCTOR, "doctor-pass-1".toCharArray());
        UserSession nurse = station.auth.login("nurse", TestStation.NURSE_PW.toCharArray());
        long patientId = station.patients.register(nurse, new PatientDraft("Salma", "Haddad", "سلمى", "حداد",
                LocalDate.of(1975, 11, 2), Sex.FEMALE, "+962 6 555 0101", null, null, null, null, List.of(), List.of()))
                .getId();
        models = ModelRegistry.open(Path.of("models"));
        StillImageSource demo = StillImageSource.fromResources("Demo dermatoscope", org.vitalis.app.Main.class,
                List.of("democamera/ISIC_0000163.jpg", "democamera/ISIC_0000150.jpg"));
        Imaging imaging = new Imaging(station.lesions, new VisionLesionAnalysis(QualityGate.dermoscopy(), models),
                Cameras.withSources(List.of(demo), Cameras.none()));
        String tag = language + "-" + (dark ? "dark" : "light");
        open(station.context(language, dark, false, Optional.empty(), Optional.of(imaging)), Duration.ofMinutes(15));
        Fx.run(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });

        login("nurse", TestStation.NURSE_PW);
        // From the patient's chart, its link opens the photo screen on that patient.
        type("patients-search", "Salma");
        Fx.waitUntil("the patient is found", () -> !((javafx.scene.control.TableView<?>) root.lookup("#patients-table"))
                .getItems().isEmpty());
        Fx.run(() -> {
            var table = (javafx.scene.control.TableView<?>) root.lookup("#patients-table");
            table.getSelectionModel().select(0);
            table.fireEvent(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "",
                    javafx.scene.input.KeyCode.ENTER, false, false, false, false));
        });
        Fx.waitUntil("the chart shows", () -> root.lookup("#chart-photos") != null
                && !((javafx.scene.control.Button) root.lookup("#chart-photos")).isDisabled());
        press("chart-photos");
        Fx.waitUntil("the photo screen shows the patient", () -> text("imaging-patient") != null
                && text("imaging-patient").contains(language.equals("en") ? "Salma Haddad" : "سلمى حداد"));
        Fx.waitUntil("the body map shows", () -> root.lookup("#bodymap-back-41550009-left") != null);
        Fx.run(() -> root.lookup("#bodymap-back-41550009-left").getOnMouseClicked().handle(null));
        assertThat(text("imaging-site")).isEqualTo(language.equals("en") ? "Forearm, back, left" : "الساعد، من الخلف، الأيسر");
        Fx.waitUntil("the demo camera is listed", () -> ((ComboBox<?>) root.lookup("#imaging-camera")).getValue() != null);
        press("imaging-capture");
        Fx.waitUntil("the quality checks show", () -> root.lookup("#imaging-check-BLUR") != null);
        assertThat(text("imaging-check-BLUR")).startsWith("✓");
        shoot("imaging-checks", tag);
        press("imaging-store");
        Fx.waitUntil("the model's result shows", () -> !text("imaging-result-probability").isEmpty());
        assertThat(text("imaging-result-model")).contains("skin-melanoma-v1");
        assertThat(text("imaging-notice")).isEqualTo(language.equals("en")
                ? "Decision support, not a diagnosis: a doctor confirms or overrides this result."
                : "دعم للقرار وليس تشخيصًا:\nيؤكد الطبيب هذه النتيجة أو يعدّلها.");
        ImageView heat = Fx.find(root, "imaging-result-overlay");
        assertThat(Fx.call(() -> heat.isVisible() && heat.getImage() != null)).isTrue();
        Fx.run(() -> ((Slider) root.lookup("#imaging-opacity")).setValue(0.8));
        assertThat(Fx.call(heat::getOpacity)).isEqualTo(0.8);
        assertThat(Fx.present(root, "imaging-confirm")).as("a nurse does not confirm").isFalse();
        // The same site over time loads in the background after the photo is stored.
        Fx.waitUntil("the same site over time shows the stored photo", () -> Fx.present(root, "imaging-same-site")
                && ((javafx.scene.layout.HBox) root.lookup("#imaging-same-site")).getChildren().size() == 1);
        shoot("imaging-result", tag);
        press("shell-logout");

        login("doctor", "doctor-pass-1");
        Fx.run(() -> ((ToggleButton) root.lookup("#nav-imaging")).fire());
        Fx.run(() -> {
            TabPane tabs = (TabPane) root.lookup("#imaging-tabs");
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "imaging-tab-review".equals(t.getId()))
                    .findFirst().orElseThrow());
        });
        Fx.waitUntil("the result awaits review", () -> Fx.present(root, "imaging-awaiting")
                && ((ListView<?>) root.lookup("#imaging-awaiting")).getItems().size() == 1);
        Fx.run(() -> ((ListView<?>) root.lookup("#imaging-awaiting")).getSelectionModel().select(0));
        Fx.waitUntil("the doctor may confirm", () -> Fx.present(root, "imaging-confirm")
                && !((javafx.scene.control.Button) root.lookup("#imaging-confirm")).isDisabled());
        Fx.run(() -> ((javafx.scene.control.TextArea) root.lookup("#imaging-review-note")).setText(
                language.equals("en") ? "Irregular pigment network." : "شبكة صباغية غير منتظمة."));
        shoot("imaging-review", tag);
        press("imaging-confirm");
        Fx.waitUntil("the confirmation shows", () -> text("imaging-review-status") != null
                && text("imaging-review-status").contains("doctor"));
        Fx.waitUntil("the list empties", () -> ((ListView<?>) root.lookup("#imaging-awaiting")).getItems().isEmpty());
        Fx.waitUntil("the same site over time shows, for the photo opened from the list",
                () -> Fx.present(root, "imaging-same-site")
                        && ((javafx.scene.layout.HBox) root.lookup("#imaging-same-site")).getChildren().size() == 1);
        shoot("imaging-confirmed", tag);
        List<LesionImageSummary> stored = station.lesions.list(nurse, patientId);
        assertThat(stored).singleElement().satisfies(s -> {
            assertThat(s.review()).hasValueSatisfying(r -> assertThat(r.outcome()).isEqualTo(LesionReviewOutcome.CONFIRMED));
            assertThat(s.takenBy()).isEqualTo("nurse");
        });
    }

    private void shoot(String screen, String tag) throws Exception {
        Fx.writePng(root.getScene(), OUT.resolve(screen + "-" + tag + ".png"));
    }
}
