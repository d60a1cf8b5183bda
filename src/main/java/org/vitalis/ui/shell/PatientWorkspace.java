package org.vitalis.ui.shell;

import javafx.scene.Parent;
import javafx.scene.layout.BorderPane;
import org.vitalis.domain.Patient;
import org.vitalis.security.UserSession;
import org.vitalis.ui.UiContext;
import org.vitalis.ui.chart.ChartView;
import org.vitalis.ui.chart.ChartViewModel;
import org.vitalis.ui.common.Async;
import org.vitalis.ui.common.FileDialogs;
import org.vitalis.ui.common.Messages;
import org.vitalis.ui.patients.PatientsView;
import org.vitalis.ui.patients.PatientsViewModel;
import org.vitalis.ui.registration.RegistrationView;
import org.vitalis.ui.registration.RegistrationViewModel;

/** The patient list, registration form and chart; the list keeps its search while a chart is open. */
final class PatientWorkspace {
    private final BorderPane root = new BorderPane();
    private final UiContext ctx;
    private final UserSession session;
    private final Async async;
    private final Messages m;
    private final FileDialogs files;
    private final PatientsView list;

    private final java.util.function.Consumer<org.vitalis.domain.PatientSummary> onPhotos;

    /** {@code onPhotos} opens the lesion photos of a patient; null where this user has no photo screen. */
    PatientWorkspace(UiContext ctx, UserSession session, Async async, Messages m, FileDialogs files,
            java.util.function.Consumer<org.vitalis.domain.PatientSummary> onPhotos) {
        this.onPhotos = onPhotos;
        this.ctx = ctx;
        this.session = session;
        this.async = async;
        this.m = m;
        this.files = files;
        PatientsViewModel vm = new PatientsViewModel(ctx.patients(), session, async, m);
        list = new PatientsView(vm, m, this::openChart, () -> register(null));
        showList();
    }

    void showList() {
        root.setCenter(list.root());
        // Keyboard first: the list is for finding someone, so typing goes straight to the search.
        javafx.application.Platform.runLater(list::focusSearch);
    }

    void focusSearchIfListed() {
        if (root.getCenter() == list.root()) {
            list.focusSearch();
        }
    }

    void focusSearch() {
        showList();
        list.focusSearch();
    }

    /** Registration when {@code editing} is null, otherwise the edit form of that patient. */
    void register(Patient editing) {
        if (!session.can(org.vitalis.security.Permission.PATIENT_REGISTER)) {
            return;
        }
        RegistrationViewModel vm = new RegistrationViewModel(ctx.patients(), session, async, m, editing);
        Runnable cancel = editing == null ? this::showList : () -> openChart(editing.getId());
        RegistrationView view = new RegistrationView(vm, m, files, p -> openChart(p.getId()), this::openChart, cancel);
        root.setCenter(view.root());
        view.root().requestFocus();
    }

    void openChart(long patientId) {
        ChartViewModel vm = new ChartViewModel(ctx.patients(), ctx.vitals(), session, async, m, patientId);
        root.setCenter(new ChartView(vm, ctx.vitals(), session, async, m, this::register, this::showList,
                () -> openEcgs(patientId), onPhotos).root());
    }

    /** The patient's ECGs on the review screen, with the way back to the chart. */
    void openEcgs(long patientId) {
        var vm = new org.vitalis.ui.ecgreview.EcgReviewViewModel(ctx.ecg(), ctx.patients(), session, async, m,
                patientId);
        root.setCenter(new org.vitalis.ui.ecgreview.EcgReviewView(vm, m, files, () -> openChart(patientId)).root());
    }

    Parent root() {
        return root;
    }
}
