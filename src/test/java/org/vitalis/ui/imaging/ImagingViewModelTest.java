package org.vitalis.ui.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vitalis.domain.BodySites;
import org.vitalis.domain.Laterality;
import org.vitalis.domain.LesionKind;
import org.vitalis.domain.PatientSummary;
import org.vitalis.domain.Role;
import org.vitalis.domain.Sex;
import org.vitalis.registry.PatientDraft;
import org.vitalis.registry.VisionLesionAnalysis;
import org.vitalis.security.UserSession;
import org.vitalis.ui.TestStation;
import org.vitalis.ui.common.Async;
import org.vitalis.ui.common.Messages;
import org.vitalis.vision.camera.CameraSource;
import org.vitalis.vision.camera.Cameras;
import org.vitalis.vision.camera.StillImageSource;
import org.vitalis.vision.inference.ModelRegistry;
import org.vitalis.vision.quality.CheckKind;
import org.vitalis.vision.quality.QualityGate;

/** The photo screen's state over a real H2 station, the real quality gate, the shipped skin model and a still camera. */
class ImagingViewModelTest {
    @TempDir
    Path dir;
    TestStation station;
    ModelRegistry models;
    UserSession nurse;
    UserSession doctor;
    PatientSummary patient;
    final Messages m = new Messages(Locale.ENGLISH, java.time.ZoneOffset.UTC);

    @BeforeEach
    void setUp() throws Exception {
        station = new TestStation(dir).withStaff();
        UserSession admin = station.auth.login("admin", TestStation.ADMIN_PW.toCharArray());
        station.users.create(admin, "doctor", "Dina Doctor", Role.DOCTOR, "doctor-pass-1".toCharArray());
        nurse = station.auth.login("nurse", TestStation.NURSE_PW.toCharArray());
        doctor = station.auth.login("doctor", "doctor-pass-1".toCharArray());
        long id = station.patients.register(nurse, PatientDraft.basic("Salma", "Haddad", LocalDate.of(1975, 11, 2),
                Sex.FEMALE, "+962 6 555 0101")).getId();
        patient = station.patients.search(nurse, "salma").stream().filter(p -> p.id() == id).findFirst().orElseThrow();
        models = ModelRegistry.open(Path.of("models"));
    }

    @AfterEach
    void tearDown() {
        models.close();
        station.close();
    }

    private ImagingViewModel vm(UserSession session) throws Exception {
        StillImageSource demo = StillImageSource.fromResources("Demo dermatoscope", org.vitalis.app.Main.class,
                List.of("democamera/ISIC_0000163.jpg", "democamera/ISIC_0000209.jpg"));
        return new ImagingViewModel(station.patients, station.lesions,
                new VisionLesionAnalysis(QualityGate.dermoscopy(), models),
                Cameras.withSources(List.of(demo), Cameras.none()), session, Async.direct(), m);
    }

    private static void waitFor(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    private Path flatPicture() throws Exception {
        BufferedImage flat = new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = flat.createGraphics();
        g.setColor(new Color(200, 160, 150));
        g.fillRect(0, 0, 300, 300);
        g.dispose();
        Path file = dir.resolve("flat.png");
        ImageIO.write(flat, "png", file.toFile());
        return file;
    }

    static final Path DEMO_VIDEO = Path.of("src/main/resources/org/vitalis/app/democamera/demo-dermatoscope.mp4");

    @Test
    void anOpenedVideoPlaysAsTheFirstCameraAndItsFrameIsStoredWithItsTime() throws Exception {
        try (ImagingViewModel vm = vm(nurse)) {
            vm.patient().set(patient);
            vm.chooseSite(BodySites.FOREARM_BACK, Laterality.LEFT);
            vm.refreshCameras();
            vm.openVideo(DEMO_VIDEO);
            assertThat(vm.cameras()).extracting(c -> c.name()).containsExactly("demo-dermatoscope.mp4",
                    "Demo dermatoscope");
            assertThat(vm.camera().get().id()).isEqualTo("video:" + DEMO_VIDEO.toAbsolutePath());
            assertThat(vm.resolution().get()).hasToString("480 × 360");
            assertThat(vm.previewing().get()).isTrue();
            waitFor("the video's first frame", () -> vm.preview().get() != null);
            vm.refreshCameras();
            assertThat(vm.cameras()).as("an opened video stays listed").hasSize(2);
            assertThat(vm.camera().get().name()).isEqualTo("demo-dermatoscope.mp4");
            vm.capture();
            waitFor("the frame and its checks", () -> vm.checks().size() == CheckKind.values().length);
            assertThat(vm.pictureText().get()).matches("demo-dermatoscope\\.mp4 at 00:0\\d\\.\\d · 480 × 360");
            vm.store();
            waitFor("the stored photo", () -> vm.current().get() != null);
            assertThat(vm.current().get().source()).matches("camera:video demo-dermatoscope\\.mp4 at 00:0\\d\\.\\d");
            assertThat(vm.current().get().width()).isEqualTo(480);
            vm.stopPreview();
        }
    }

    @Test
    void aFileThatIsNoVideoIsRefusedInTheCameraMessageAndChangesNothingElse() throws Exception {
        try (ImagingViewModel vm = vm(nurse)) {
            vm.refreshCameras();
            CameraSource before = vm.camera().get();
            vm.openVideo(flatPicture());
            assertThat(vm.cameraMessage().get()).isEqualTo("flat.png is not an MP4 or MOV video.");
            assertThat(vm.cameras()).containsExactly(before);
            assertThat(vm.camera().get()).isSameAs(before);
            assertThat(vm.previewing().get()).isFalse();
        }
    }

    @Test
    void aCapturedDermoscopicPhotoIsCheckedStoredAndReadByTheModel() throws Exception {
        try (ImagingViewModel vm = vm(nurse)) {
            vm.patient().set(patient);
            assertThat(vm.modelNotice().get()).isEmpty();
            vm.chooseSite(BodySites.FOREARM_BACK, Laterality.LEFT);
            assertThat(vm.siteText().get()).isEqualTo("Forearm, back, left");
            vm.refreshCameras();
            assertThat(vm.camera().get().name()).isEqualTo("Demo dermatoscope");
            assertThat(vm.cameraMessage().get()).isEmpty();
            vm.capture();
            waitFor("the still and its checks", () -> vm.checks().size() == CheckKind.values().length);
            assertThat(vm.qualityPassed().get()).isTrue();
            assertThat(vm.checks()).allMatch(ImagingViewModel.CheckRow::passed);
            assertThat(vm.canStore().get()).isTrue();
            vm.store();
            waitFor("the stored photo", () -> vm.current().get() != null);
            assertThat(vm.message().get()).isEmpty();
            assertThat(vm.resultText().get()).startsWith("Model's result: ");
            assertThat(vm.probabilityText().get()).startsWith("Probability of melanoma: ").contains("%");
            assertThat(vm.modelText().get()).startsWith("Model skin-melanoma-v1");
            assertThat(vm.overlay().get()).isNotNull();
            assertThat(vm.explanationText().get()).startsWith("Heatmap by Grad-CAM: ");
            assertThat(vm.picture().get()).as("the photo in hand is gone once stored").isNull();
            assertThat(vm.sameSite()).hasSize(1);
            assertThat(vm.awaiting()).hasSize(1);
            assertThat(vm.canReview()).isFalse();
            assertThat(vm.reviewable().get()).isFalse();
            assertThat(vm.reviewText().get()).isEqualTo("Awaiting a doctor's review.");
        }
        try (ImagingViewModel vm = vm(doctor)) {
            vm.loadAwaiting();
            assertThat(vm.awaitingText().get()).isEqualTo("One result awaits review");
            String mrn = patient.mrn();
            assertThat(vm.awaitingRow(vm.awaiting().getFirst())).as("whose photo, in a list of every patient's")
                    .startsWith("Salma Haddad · " + mrn + "\n");
            assertThat(vm.patient().get()).as("no patient chosen on the doctor's screen").isNull();
            vm.open(vm.awaiting().getFirst());
            assertThat(vm.shownPatientText().get()).isEqualTo("Salma Haddad · " + mrn);
            assertThat(vm.overlay().get()).as("the same model explains its stored result").isNotNull();
            assertThat(vm.reviewable().get()).isTrue();
            assertThat(vm.labelChoices()).contains("melanoma");
            vm.reviewNote().set("Regular network, symmetric.");
            vm.confirm();
            assertThat(vm.reviewText().get()).startsWith("Confirmed as ").contains("by doctor")
                    .endsWith("Regular network, symmetric.");
            assertThat(vm.reviewable().get()).isFalse();
            assertThat(vm.awaiting()).isEmpty();
            Path out = dir.resolve("dataset");
            vm.export(out);
            assertThat(vm.exportText().get()).startsWith("One photo exported with ");
            assertThat(Files.readAllLines(out.resolve("labels.csv"))).hasSize(2);
        }
    }

    @Test
    void anOralPhotoIsStoredWithoutAModelAndAFailedCheckNeedsAReason() throws Exception {
        try (ImagingViewModel vm = vm(nurse)) {
            vm.patient().set(patient);
            vm.kind().set(LesionKind.ORAL);
            assertThat(vm.modelNotice().get()).isEqualTo(
                    "No oral model is installed: the photo is stored without a model's result.");
            assertThat(vm.sites()).containsExactlyElementsOf(BodySites.ORAL);
            vm.site().set(BodySites.TONGUE_BORDER);
            assertThat(vm.siteText().get()).isEqualTo("Tongue, lateral border: choose the side.");
            vm.laterality().set(Laterality.RIGHT);
            assertThat(vm.siteText().get()).isEqualTo("Tongue, lateral border, right");
            vm.importFile(flatPicture());
            waitFor("the checks", () -> !vm.checks().isEmpty());
            assertThat(vm.qualityPassed().get()).isFalse();
            assertThat(vm.checks()).filteredOn(c -> !c.passed()).extracting(ImagingViewModel.CheckRow::text)
                    .contains("Blurred: hold the camera still, focus on the lesion and retake.");
            assertThat(vm.canStore().get()).isFalse();
            vm.overrideReason().set("Only view the patient allows");
            assertThat(vm.canStore().get()).isTrue();
            vm.store();
            waitFor("the stored photo", () -> vm.current().get() != null);
            assertThat(vm.current().get().overrideReason()).isEqualTo("Only view the patient allows");
            assertThat(vm.current().get().result()).isEmpty();
            assertThat(vm.current().get().siteKey()).isEqualTo("8001006.49370004");
            assertThat(vm.current().get().laterality()).isEqualTo(Laterality.RIGHT);
            assertThat(vm.resultText().get()).isEqualTo(vm.modelNotice().get());
            assertThat(vm.storedText().get()).contains("Tongue, lateral border, right");
            assertThat(vm.storedText().get()).contains("Kept despite a failed check by nurse: Only view the patient allows");

            vm.importFile(dir.resolve("missing.png"));
            assertThat(vm.message().get()).startsWith("missing.png could not be read");
            Files.writeString(dir.resolve("notes.png"), "not a picture");
            vm.importFile(dir.resolve("notes.png"));
            assertThat(vm.message().get()).contains("notes.png");
        }
    }

    @Test
    void noCameraSaysSoAndImportStillWorks() throws Exception {
        try (ImagingViewModel vm = new ImagingViewModel(station.patients, station.lesions,
                new VisionLesionAnalysis(QualityGate.dermoscopy(), models), Cameras.none(), nurse, Async.direct(), m)) {
            vm.refreshCameras();
            assertThat(vm.cameras()).isEmpty();
            assertThat(vm.camera().get()).isNull();
            assertThat(vm.cameraMessage().get()).isEqualTo(
                    "No camera found. Connect a camera, or import photos from files.");
            vm.importFile(flatPicture());
            waitFor("the checks", () -> !vm.checks().isEmpty());
        }
    }

    @Test
    void aWatchedFolderListsNewPhotosOnce() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("dermatoscope"));
        try (ImagingViewModel vm = vm(nurse)) {
            vm.watch(folder);
            assertThat(vm.watchedFolder().get()).startsWith("Watching " + folder);
            Files.copy(flatPicture(), folder.resolve("IMG_0001.png"));
            waitFor("the new photo", () -> vm.incoming().size() == 1);
            vm.patient().set(patient);
            vm.takeIncoming(vm.incoming().getFirst());
            assertThat(vm.incoming()).isEmpty();
            waitFor("its checks", () -> !vm.checks().isEmpty());
            assertThat(vm.pictureText().get()).startsWith("IMG_0001.png");
        }
    }
}
