package org.vitalis.ui.imaging;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitalis.domain.BodySite;
import org.vitalis.domain.BodySites;
import org.vitalis.domain.Laterality;
import org.vitalis.domain.LesionKind;
import org.vitalis.domain.PatientSummary;
import org.vitalis.registry.LesionAnalysis;
import org.vitalis.registry.LesionDraft;
import org.vitalis.registry.LesionImageService;
import org.vitalis.registry.LesionImageSummary;
import org.vitalis.registry.LesionQuality;
import org.vitalis.registry.LesionResult;
import org.vitalis.registry.PatientService;
import org.vitalis.registry.StoredLesion;
import org.vitalis.security.Permission;
import org.vitalis.security.UserSession;
import org.vitalis.ui.common.Async;
import org.vitalis.ui.common.ErrorText;
import org.vitalis.ui.common.Messages;
import org.vitalis.ui.common.PatientSearch;
import org.vitalis.vision.camera.CameraList;
import org.vitalis.vision.camera.CameraSource;
import org.vitalis.vision.camera.Cameras;
import org.vitalis.vision.camera.RecordingPosition;
import org.vitalis.vision.camera.Resolution;
import org.vitalis.vision.camera.VideoFileSource;
import org.vitalis.vision.camera.WatchedFolder;

/**
 * Lesion photos: pick the patient, the kind of photo and the site; take a still from a camera or import a file (also
 * from a watched folder); see the quality checks and retake or keep it with a reason; store it; see the model's result
 * with its heatmap, the same site over time, and, for doctors, confirm or override it. Results awaiting review are
 * listed for every patient; doctors and admins export the labelled data set.
 */
public final class ImagingViewModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ImagingViewModel.class);
    /** A picture file is complete when its size has not changed for this long. */
    private static final Duration SETTLE = Duration.ofMillis(1500);

    /** One quality check as the screen shows it. */
    public record CheckRow(String kind, boolean passed, String text) {
    }

    private final LesionImageService lesions;
    private final PatientService patients;
    private final LesionAnalysis analysis;
    private final Cameras cameraList;
    private final UserSession session;
    private final Async async;
    private final Messages m;
    private final CameraControl camera = new CameraControl();

    private final PatientSearch search;
    private final ObjectProperty<PatientSummary> patient;
    private final ObjectProperty<LesionKind> kind = new SimpleObjectProperty<>(LesionKind.DERMOSCOPIC);
    private final ObservableList<BodySite> sites = FXCollections.observableArrayList();
    private final ObjectProperty<BodySite> site = new SimpleObjectProperty<>();
    private final ObjectProperty<Laterality> laterality = new SimpleObjectProperty<>();
    private final StringProperty siteText = new SimpleStringProperty("");
    private final StringProperty modelNotice = new SimpleStringProperty("");

    private final ObservableList<CameraSource> cameras = FXCollections.observableArrayList();
    /** Videos opened in this session, listed above the cameras, newest first. */
    private final List<CameraSource> videos = new ArrayList<>();
    private final ObjectProperty<CameraSource> cameraChoice = new SimpleObjectProperty<>();
    private final ObservableList<Resolution> resolutions = FXCollections.observableArrayList();
    private final ObjectProperty<Resolution> resolution = new SimpleObjectProperty<>();
    private final StringProperty cameraMessage = new SimpleStringProperty("");
    private final ObjectProperty<BufferedImage> preview = new SimpleObjectProperty<>();
    private final BooleanProperty previewing = new SimpleBooleanProperty();

    private final StringProperty watchedFolder = new SimpleStringProperty("");
    private final ObservableList<Path> incoming = FXCollections.observableArrayList();
    private WatchedFolder watcher;

    private final ObjectProperty<BufferedImage> picture = new SimpleObjectProperty<>();
    private final StringProperty pictureText = new SimpleStringProperty("");
    private final ObservableList<CheckRow> checks = FXCollections.observableArrayList();
    private final ObjectProperty<LesionQuality> quality = new SimpleObjectProperty<>();
    private final BooleanProperty qualityPassed = new SimpleBooleanProperty();
    private final StringProperty overrideReason = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private byte[] fileBytes;
    private String fileName;
    private String cameraName;

    private final ObjectProperty<LesionImageSummary> current = new SimpleObjectProperty<>();
    private final ObjectProperty<BufferedImage> shownPicture = new SimpleObjectProperty<>();
    private final ObjectProperty<BufferedImage> overlay = new SimpleObjectProperty<>();
    private final DoubleProperty opacity = new SimpleDoubleProperty(0.5);
    private final StringProperty resultText = new SimpleStringProperty("");
    private final StringProperty probabilityText = new SimpleStringProperty("");
    private final StringProperty modelText = new SimpleStringProperty("");
    private final StringProperty explanationText = new SimpleStringProperty("");
    private final StringProperty storedText = new SimpleStringProperty("");
    /** Whose photo is shown: it may come from the list of every patient's photos awaiting review. */
    private final StringProperty shownPatientText = new SimpleStringProperty("");
    private final Map<Long, PatientSummary> awaitingPatients = new HashMap<>();
    private PatientSummary shownPatient;
    private final ObservableList<LesionImageSummary> sameSite = FXCollections.observableArrayList();

    private final StringProperty reviewLabel = new SimpleStringProperty("");
    private final StringProperty reviewNote = new SimpleStringProperty("");
    private final StringProperty reviewText = new SimpleStringProperty("");
    private final ObservableList<String> labelChoices = FXCollections.observableArrayList();
    private final BooleanProperty reviewable = new SimpleBooleanProperty();

    private final ObservableList<LesionImageSummary> awaiting = FXCollections.observableArrayList();
    private final StringProperty awaitingText = new SimpleStringProperty("");
    private final StringProperty exportText = new SimpleStringProperty("");
    private long historyGeneration;
    private long openGeneration;
    private Optional<LesionAnalysis.Explanation> shownExplanation = Optional.empty();

    public ImagingViewModel(PatientService patients, LesionImageService lesions, LesionAnalysis analysis,
            Cameras cameras, UserSession session, Async async, Messages m) {
        this.lesions = lesions;
        this.patients = patients;
        this.analysis = analysis;
        this.cameraList = cameras;
        this.session = session;
        this.async = async;
        this.m = m;
        this.search = new PatientSearch(patients, session, async, m);
        this.patient = search.patient();
        kind.addListener((o, a, k) -> kindChanged());
        site.addListener((o, a, s) -> {
            if (s == null || !s.paired()) {
                laterality.set(null);
            }
            describeSite();
            loadSameSite();
        });
        laterality.addListener((o, a, l) -> {
            describeSite();
            loadSameSite();
        });
        patient.addListener((o, a, p) -> {
            clearPicture();
            clearResult();
            loadSameSite();
        });
        cameraChoice.addListener((o, a, c) -> {
            resolutions.setAll(c == null ? List.of() : c.resolutions());
            // The largest a camera offers: a lesion photo needs detail more than speed.
            Resolution before = resolution.get();
            resolution.set(resolutions.isEmpty() ? null : resolutions.getLast());
            // Another camera at the same size leaves the resolution as it was: the preview switches here instead.
            if (previewing.get() && c != null && java.util.Objects.equals(before, resolution.get())) {
                startPreview();
            }
        });
        resolution.addListener((o, a, r) -> {
            if (previewing.get()) {
                startPreview();
            }
        });
        kindChanged();
    }

    // ------------------------------------------------------------------ properties

    public PatientSearch search() { return search; }
    public ObjectProperty<PatientSummary> patient() { return patient; }
    public ObjectProperty<LesionKind> kind() { return kind; }
    public ObservableList<BodySite> sites() { return sites; }
    public ObjectProperty<BodySite> site() { return site; }
    public ObjectProperty<Laterality> laterality() { return laterality; }
    public StringProperty siteText() { return siteText; }
    public StringProperty modelNotice() { return modelNotice; }
    public ObservableList<CameraSource> cameras() { return cameras; }
    public ObjectProperty<CameraSource> camera() { return cameraChoice; }
    public ObservableList<Resolution> resolutions() { return resolutions; }
    public ObjectProperty<Resolution> resolution() { return resolution; }
    public StringProperty cameraMessage() { return cameraMessage; }
    public ObjectProperty<BufferedImage> preview() { return preview; }
    public BooleanProperty previewing() { return previewing; }
    public StringProperty watchedFolder() { return watchedFolder; }
    public ObservableList<Path> incoming() { return incoming; }
    public ObjectProperty<BufferedImage> picture() { return picture; }
    public StringProperty pictureText() { return pictureText; }
    public ObservableList<CheckRow> checks() { return checks; }
    public BooleanProperty qualityPassed() { return qualityPassed; }
    public StringProperty overrideReason() { return overrideReason; }
    public StringProperty message() { return message; }
    public BooleanProperty busy() { return busy; }
    public ObjectProperty<LesionImageSummary> current() { return current; }
    public ObjectProperty<BufferedImage> shownPicture() { return shownPicture; }
    public ObjectProperty<BufferedImage> overlay() { return overlay; }
    public DoubleProperty opacity() { return opacity; }
    public StringProperty resultText() { return resultText; }
    public StringProperty probabilityText() { return probabilityText; }
    public StringProperty modelText() { return modelText; }
    public StringProperty explanationText() { return explanationText; }
    public StringProperty storedText() { return storedText; }
    public StringProperty shownPatientText() { return shownPatientText; }
    public ObservableList<LesionImageSummary> sameSite() { return sameSite; }
    public StringProperty reviewLabel() { return reviewLabel; }
    public StringProperty reviewNote() { return reviewNote; }
    public StringProperty reviewText() { return reviewText; }
    public ObservableList<String> labelChoices() { return labelChoices; }
    public BooleanProperty reviewable() { return reviewable; }
    public ObservableList<LesionImageSummary> awaiting() { return awaiting; }
    public StringProperty awaitingText() { return awaitingText; }
    public StringProperty exportText() { return exportText; }

    public boolean canCapture() {
        return session.can(Permission.VITALS_RECORD);
    }

    public boolean canReview() {
        return session.can(Permission.CLINICAL_CONFIRM);
    }

    public boolean canExport() {
        return session.can(Permission.DATASET_EXPORT);
    }

    /** Store is possible with a patient, a picture, a complete site, and passed checks or a reason to keep it. */
    public BooleanBinding canStore() {
        return Bindings.createBooleanBinding(() -> patient.get() != null && picture.get() != null
                && quality.get() != null && site.get() != null && (!site.get().paired() || laterality.get() != null)
                && (qualityPassed.get() || !overrideReason.get().isBlank()) && !busy.get(),
                patient, picture, quality, site, laterality, qualityPassed, overrideReason, busy);
    }

    // ------------------------------------------------------------------ patient

    /** Opens the screen on a patient, as the chart's link does. */
    public void choosePatient(PatientSummary p) {
        patient.set(p);
    }

    // ------------------------------------------------------------------ kind and site

    private void kindChanged() {
        LesionKind k = kind.get();
        sites.setAll(BodySites.forKind(k));
        if (site.get() != null && !site.get().fits(k)) {
            site.set(null);
        }
        Optional<String> why = analysis.unavailable(k);
        why.ifPresent(reason -> LOG.info("No model for {} pictures: {}", k, reason));
        modelNotice.set(why.isPresent() ? m.get("imaging.noModel." + k.name()) : "");
        describeSite();
        if (picture.get() != null) {
            checkQuality();
        }
    }

    public String siteName(BodySite s) {
        return m.get("site." + s.key());
    }

    private void describeSite() {
        BodySite s = site.get();
        if (s == null) {
            siteText.set(m.get(kind.get() == LesionKind.ORAL ? "imaging.site.none.list" : "imaging.site.none.map"));
        } else if (s.paired() && laterality.get() == null) {
            siteText.set(m.get("imaging.site.needSide", siteName(s)));
        } else {
            siteText.set(s.paired() ? m.get("imaging.site.sided", siteName(s), m.get("side." + laterality.get().name()))
                    : siteName(s));
        }
    }

    /** A click on the body map: the site and, for paired sites, the side. */
    public void chooseSite(BodySite s, Laterality side) {
        site.set(s);
        laterality.set(s.paired() ? side : null);
    }

    // ------------------------------------------------------------------ cameras

    public void refreshCameras() {
        async.run(cameraList::list, this::showCameras, e -> cameraMessage.set(ErrorText.of(e, m)));
    }

    private void showCameras(CameraList list) {
        CameraSource previous = cameraChoice.get();
        List<CameraSource> all = new ArrayList<>(videos);
        all.addAll(list.cameras());
        cameras.setAll(all);
        if (all.isEmpty()) {
            cameraChoice.set(null);
            cameraMessage.set(list.problem().map(p -> m.get("imaging.camera.problem", p))
                    .orElse(m.get("imaging.camera.none")));
            return;
        }
        cameraMessage.set("");
        cameraChoice.set(all.stream().filter(c -> previous != null && c.id().equals(previous.id()))
                .findFirst().orElse(all.getFirst()));
    }

    /**
     * Opens a video a dermatoscope or intraoral camera recorded (checked off the FX thread), lists it first among the
     * cameras, chooses it and plays it in the preview; a capture then takes the frame on screen. A file that cannot be
     * played says why in the camera message and changes nothing else.
     */
    public void openVideo(Path file) {
        if (file == null) {
            return;
        }
        async.run(() -> VideoFileSource.open(file), video -> {
            videos.removeIf(v -> v.id().equals(video.id()));
            videos.addFirst(video);
            cameras.removeIf(c -> c.id().equals(video.id()));
            cameras.addFirst(video);
            cameraMessage.set("");
            cameraChoice.set(video);
            startPreview();
        }, e -> cameraMessage.set(ErrorText.of(e, m)));
    }

    public void startPreview() {
        CameraSource c = cameraChoice.get();
        Resolution r = resolution.get();
        if (c == null || r == null) {
            return;
        }
        previewing.set(true);
        camera.startPreview(c, r, frame -> async.fx(() -> preview.set(frame)),
                notice -> async.fx(() -> cameraMessage.set(notice)), error -> async.fx(() -> {
            previewing.set(false);
            cameraMessage.set(error);
        }));
    }

    public void stopPreview() {
        previewing.set(false);
        camera.stopPreview();
    }

    public void capture() {
        CameraSource c = cameraChoice.get();
        Resolution r = resolution.get();
        if (c == null || r == null || busy.get()) {
            return;
        }
        busy.set(true);
        camera.capture(c, r, still -> async.fx(() -> {
            busy.set(false);
            captured(c, still);
        }), error -> async.fx(() -> {
            busy.set(false);
            cameraMessage.set(error);
        }));
    }

    /** A frame of a video is recorded as "video NAME at 00:03.2", so the photo says where it came from. */
    private void captured(CameraSource c, CameraControl.Still still) {
        BufferedImage p = still.picture();
        usePicture(p, null, null, still.position().map(RecordingPosition::describe).orElse(c.name()));
        still.position().ifPresent(at -> pictureText.set(m.get("imaging.picture.video", at.fileName(), at.time(),
                p.getWidth(), p.getHeight())));
    }

    // ------------------------------------------------------------------ import and watched folder

    public void importFile(Path file) {
        if (file == null || busy.get()) {
            return;
        }
        busy.set(true);
        async.run(() -> {
            byte[] bytes = Files.readAllBytes(file);
            return new Imported(bytes, analysis.decode(bytes, file.getFileName().toString()));
        }, imported -> {
            busy.set(false);
            usePicture(imported.picture(), imported.bytes(), file.getFileName().toString(), null);
        }, e -> {
            busy.set(false);
            message.set(e instanceof IOException io ? m.get("imaging.import.unreadable", file.getFileName(),
                    io.getMessage()) : ErrorText.of(e, m));
        });
    }

    private record Imported(byte[] bytes, BufferedImage picture) {
    }

    /** Watches {@code folder}; each new picture a dermatoscope or intraoral camera saves there is listed once. */
    public void watch(Path folder) {
        stopWatching();
        try {
            watcher = WatchedFolder.start(folder, SETTLE, file -> async.fx(() -> incoming.add(file)));
            watchedFolder.set(m.get("imaging.watch.watching", folder.toString()));
        } catch (IOException e) {
            watchedFolder.set(m.get("imaging.watch.failed", folder.toString()));
        }
    }

    public void takeIncoming(Path file) {
        if (file == null || busy.get()) {
            // The picture stays in the list until it can be taken.
            return;
        }
        incoming.remove(file);
        importFile(file);
    }

    private void stopWatching() {
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
    }

    // ------------------------------------------------------------------ the picture in hand

    private void usePicture(BufferedImage still, byte[] bytes, String file, String cameraSourceName) {
        clearResult();
        picture.set(still);
        fileBytes = bytes;
        fileName = file;
        cameraName = cameraSourceName;
        overrideReason.set("");
        message.set("");
        pictureText.set(file != null ? m.get("imaging.picture.file", file, still.getWidth(), still.getHeight())
                : m.get("imaging.picture.camera", cameraSourceName, still.getWidth(), still.getHeight()));
        checkQuality();
    }

    /** Checks the picture in hand as a picture of the kind chosen now; a change of kind checks it again. */
    private void checkQuality() {
        BufferedImage still = picture.get();
        checks.clear();
        quality.set(null);
        if (still == null) {
            return;
        }
        LesionKind k = kind.get();
        async.run(() -> analysis.check(k, still), q -> {
            if (picture.get() == still && kind.get() == k) {
                quality.set(q);
                qualityPassed.set(q.passed());
                checks.setAll(q.checks().stream().map(this::row).toList());
            }
        }, e -> message.set(ErrorText.of(e, m)));
    }

    private CheckRow row(LesionQuality.Check c) {
        String key = "quality." + c.kind() + (c.passed() ? ".passed" : ".failed");
        return new CheckRow(c.kind(), c.passed(), m.has(key) ? m.get(key) : m.get("quality.other", c.kind(),
                c.sentence()));
    }

    /** Discards the picture in hand; the camera's preview goes on. */
    public void retake() {
        clearPicture();
    }

    private void clearPicture() {
        picture.set(null);
        quality.set(null);
        checks.clear();
        qualityPassed.set(false);
        overrideReason.set("");
        pictureText.set("");
        fileBytes = null;
        fileName = null;
        cameraName = null;
    }

    /** Stores the picture in hand, then lets the installed model read it; the result shows when it is there. */
    public void store() {
        PatientSummary p = patient.get();
        BufferedImage still = picture.get();
        LesionQuality q = quality.get();
        if (p == null || still == null || q == null || busy.get()) {
            return;
        }
        LesionDraft draft = new LesionDraft(p.id(), kind.get(), site.get(), laterality.get());
        byte[] bytes = fileBytes;
        String file = fileName;
        String cam = cameraName;
        String reason = overrideReason.get();
        busy.set(true);
        message.set("");
        async.run(() -> {
            LesionImageSummary stored = bytes != null
                    ? lesions.storeFile(session, draft, file, bytes, still, q, reason)
                    : lesions.storeFrame(session, draft, still, cam, q, reason);
            Optional<LesionAnalysis.Reading> reading;
            try {
                reading = analysis.read(draft.kind(), still);
            } catch (RuntimeException e) {
                // The photo is stored; a model that fails on it must not make the user store it twice.
                LOG.warn("The model could not read a stored photo: {}", e.getClass().getSimpleName());
                return new Shown(stored, p, still, Optional.empty(), m.get("imaging.result.failed",
                        ErrorText.of(e, m)));
            }
            if (reading.isPresent()) {
                stored = lesions.attachResult(session, stored.id(), reading.get().result());
            }
            return new Shown(stored, p, still, reading.map(LesionAnalysis.Reading::explanation), "");
        }, shown -> {
            busy.set(false);
            clearPicture();
            show(shown);
            message.set(shown.problem());
            loadAwaiting();
        }, e -> {
            busy.set(false);
            message.set(ErrorText.of(e, m));
        });
    }

    /** {@code explanation} is empty when the result has none: no model result, or its model is no longer installed. */
    private record Shown(LesionImageSummary summary, PatientSummary patient, BufferedImage picture,
            Optional<LesionAnalysis.Explanation> explanation, String problem) {
    }

    // ------------------------------------------------------------------ a stored picture and its result

    /** Shows a stored picture (from the review list or the row of the same site) with its result and explanation. */
    public void open(LesionImageSummary summary) {
        // Rows clicked in quick succession: only the last one clicked is shown, whichever loads last.
        long mine = ++openGeneration;
        async.run(() -> {
            StoredLesion stored = lesions.open(session, summary.id());
            BufferedImage pic = analysis.decode(stored.picture(), "lesion-" + summary.id());
            Optional<LesionAnalysis.Explanation> explained = stored.summary().result()
                    .flatMap(r -> analysis.explain(stored.summary().kind(), pic, r));
            return new Shown(stored.summary(), stored.patient(), pic, explained, "");
        }, shown -> {
            if (mine == openGeneration) {
                clearPicture();
                show(shown);
            }
        }, e -> message.set(ErrorText.of(e, m)));
    }

    private void show(Shown s) {
        LesionImageSummary sum = s.summary();
        current.set(sum);
        shownPatient = s.patient();
        shownPatientText.set(patientLine(s.patient()));
        loadSameSite(sum.patientId(), sum.siteCode(), sum.siteModifierCode(), sum.laterality());
        shownPicture.set(s.picture());
        shownExplanation = s.explanation();
        overlay.set(s.explanation().flatMap(LesionAnalysis.Explanation::overlay).orElse(null));
        storedText.set(m.get("imaging.stored", m.dateTime(sum.takenAt()), sum.takenBy(), siteOf(sum))
                + (sum.overrideReason() == null ? "" : "\n" + m.get("imaging.stored.override", sum.overrideBy(),
                        sum.overrideReason())));
        Optional<LesionResult> r = sum.result();
        if (r.isPresent()) {
            LesionResult res = r.get();
            resultText.set(m.get("imaging.result.label", label(res.label())));
            probabilityText.set(m.get("imaging.result.probability", label(res.positiveLabel()),
                    percent(res.probability()), percent(res.threshold())));
            modelText.set(m.get("imaging.result.model", res.modelName(), res.modelVersion(), m.dateTime(res.at())));
            explanationText.set(s.explanation().map(e -> m.get((e.overlay().isEmpty() ? "imaging.result.noRegion."
                    : "imaging.explanation.") + e.method().name())).orElse(m.get("imaging.result.noExplanation")));
        } else {
            resultText.set(analysis.unavailable(sum.kind()).isPresent() ? m.get("imaging.noModel." + sum.kind().name())
                    : m.get("imaging.result.none"));
            probabilityText.set("");
            modelText.set("");
            explanationText.set("");
        }
        labelChoices.setAll(r.map(res -> List.of(res.label(), res.positiveLabel()).stream().distinct().toList())
                .orElse(List.of()));
        reviewLabel.set("");
        reviewNote.set("");
        reviewable.set(sum.review().isEmpty() && canReview());
        // A doctor sees the review form instead of being told a review is awaited.
        reviewText.set(sum.review().map(rv -> m.get("imaging.review.done." + rv.outcome().name(), label(rv.label()),
                rv.reviewedBy(), m.dateTime(rv.reviewedAt())) + (rv.note() == null ? "" : "\n" + rv.note()))
                .orElse(r.isPresent() && !reviewable.get() ? m.get("imaging.review.awaiting") : ""));
    }

    private String siteOf(LesionImageSummary s) {
        String name = BodySites.find(s.siteCode(), s.siteModifierCode()).map(this::siteName).orElse(s.siteDisplay());
        return s.laterality() == null ? name : m.get("imaging.site.sided", name, m.get("side." + s.laterality().name()));
    }

    /** A model's label in the user's language when the bundles know it, else as the model names it. */
    public String label(String label) {
        String key = "label." + label.toLowerCase(java.util.Locale.ROOT).replace(' ', '_');
        return m.has(key) ? m.get(key) : label;
    }

    private String percent(double p) {
        NumberFormat f = NumberFormat.getPercentInstance(m.locale());
        f.setMaximumFractionDigits(0);
        return f.format(p);
    }

    /** The row's caption under a thumbnail: when it was taken and what was said about it. */
    public String caption(LesionImageSummary s) {
        String when = m.dateTime(s.takenAt());
        if (s.review().isPresent()) {
            return when + "\n" + label(s.review().get().label());
        }
        return s.result().map(r -> when + "\n" + label(r.label()) + " " + percent(r.probability())).orElse(when);
    }

    private void clearResult() {
        current.set(null);
        shownPicture.set(null);
        overlay.set(null);
        resultText.set("");
        probabilityText.set("");
        modelText.set("");
        explanationText.set("");
        storedText.set("");
        shownPatient = null;
        shownPatientText.set("");
        reviewText.set("");
        reviewable.set(false);
        labelChoices.clear();
    }

    /** The chosen patient's chosen site over time, shown while a photo of it is being taken. */
    private void loadSameSite() {
        PatientSummary p = patient.get();
        BodySite s = site.get();
        if (p == null || s == null || (s.paired() && laterality.get() == null)) {
            ++historyGeneration;
            sameSite.clear();
            return;
        }
        loadSameSite(p.id(), s.code(), s.modifierCode(), laterality.get());
    }

    private void loadSameSite(long patientId, String siteCode, String siteModifierCode, Laterality side) {
        long mine = ++historyGeneration;
        async.run(() -> lesions.bySite(session, patientId, siteCode, siteModifierCode, side), list -> {
            if (mine == historyGeneration) {
                sameSite.setAll(list);
            }
        }, e -> message.set(ErrorText.of(e, m)));
    }

    // ------------------------------------------------------------------ review

    public void confirm() {
        LesionImageSummary s = current.get();
        if (s == null) {
            return;
        }
        String note = reviewNote.get();
        async.run(() -> lesions.confirm(session, s.id(), note, s.version()), this::reviewed,
                e -> reviewText.set(ErrorText.of(e, m)));
    }

    public void override() {
        LesionImageSummary s = current.get();
        if (s == null) {
            return;
        }
        String label = reviewLabel.get();
        String note = reviewNote.get();
        async.run(() -> lesions.override(session, s.id(), label, note, s.version()), this::reviewed,
                e -> reviewText.set(ErrorText.of(e, m)));
    }

    private void reviewed(LesionImageSummary s) {
        show(new Shown(s, shownPatient, shownPicture.get(), shownExplanation, ""));
        loadAwaiting();
    }

    public void loadAwaiting() {
        async.run(() -> {
            List<LesionImageSummary> list = lesions.awaitingReview(session);
            return new Awaiting(list, patients.forList(session, list.stream().map(LesionImageSummary::patientId)
                    .toList()));
        }, loaded -> {
            List<LesionImageSummary> list = loaded.photos();
            awaitingPatients.clear();
            awaitingPatients.putAll(loaded.patients());
            awaiting.setAll(list);
            awaitingText.set(list.isEmpty() ? m.get("imaging.awaiting.none") : m.get("imaging.awaiting.count",
                    list.size()));
        }, e -> awaitingText.set(ErrorText.of(e, m)));
    }

    private record Awaiting(List<LesionImageSummary> photos, Map<Long, PatientSummary> patients) {
    }

    /** A row of the list of every patient's photos awaiting review: whose, when, the result, what it shows. */
    public String awaitingRow(LesionImageSummary s) {
        return patientLine(awaitingPatients.get(s.patientId())) + "\n" + m.dateTime(s.takenAt())
                + s.result().map(r -> " · " + label(r.label()) + " " + percent(r.probability())).orElse("") + "\n"
                + m.get("kind." + s.kind().name()) + " · " + siteOf(s);
    }

    private String patientLine(PatientSummary p) {
        return p == null ? "" : PatientSearch.nameAndMrn(p, m);
    }

    public void export(Path folder) {
        if (folder == null) {
            return;
        }
        exportText.set(m.get("imaging.export.running"));
        async.run(() -> lesions.exportDataset(session, folder),
                done -> exportText.set(m.get("imaging.export.done", done.images(), done.labelsCsv().toString())),
                e -> exportText.set(ErrorText.of(e, m)));
    }

    @Override
    public void close() {
        stopWatching();
        camera.close();
    }
}
