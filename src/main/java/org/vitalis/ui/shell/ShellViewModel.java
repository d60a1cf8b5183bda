package org.vitalis.ui.shell;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.vitalis.security.UserSession;
import org.vitalis.ui.UiContext;
import org.vitalis.ui.common.Messages;

/** What the main window offers this user and what its status bar says. */
public final class ShellViewModel {
    private final UserSession session;
    private final UiContext.Station station;
    private final Messages m;
    private final List<Screen> screens;
    private final ObjectProperty<Screen> current = new SimpleObjectProperty<>();
    private final StringProperty clock = new SimpleStringProperty("");

    public ShellViewModel(UserSession session, UiContext.Station station, Messages m) {
        this(session, station, m, s -> true);
    }

    /** {@code available} leaves out screens this station cannot run (the lesion photo screen without its services). */
    public ShellViewModel(UserSession session, UiContext.Station station, Messages m,
            java.util.function.Predicate<Screen> available) {
        this.session = session;
        this.station = station;
        this.m = m;
        this.screens = Arrays.stream(Screen.values()).filter(s -> s.shownTo(session) && available.test(s)).toList();
        // Clinicians start at their patients; admins at their first admin screen.
        current.set(screens.contains(Screen.PATIENTS) && !session.can(org.vitalis.security.Permission.USER_MANAGE)
                ? Screen.PATIENTS : screens.stream().filter(s -> s != Screen.PATIENTS).findFirst()
                        .orElse(screens.isEmpty() ? null : screens.getFirst()));
    }

    public List<Screen> screens() {
        return screens;
    }

    public ObjectProperty<Screen> current() {
        return current;
    }

    public StringProperty clock() {
        return clock;
    }

    public void tick(Instant now) {
        clock.set(m.dateTime(now));
    }

    public String userText() {
        return m.get("status.user", session.displayName(), m.get("role." + session.role().name()));
    }

    public String workstationText() {
        return m.get("status.workstation", station.workstation());
    }

    public String databaseText() {
        return m.get("status.database", station.databaseDescription());
    }

    public boolean demo() {
        return station.demo();
    }

    public UserSession session() {
        return session;
    }
}
