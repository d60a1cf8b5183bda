package org.vitalis.ui.login;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.vitalis.security.AuthService;
import org.vitalis.security.LoginFailedException;
import org.vitalis.security.UserSession;
import org.vitalis.ui.UiContext;
import org.vitalis.ui.common.Async;
import org.vitalis.ui.common.ErrorText;
import org.vitalis.ui.common.Messages;

/** State of the login form. */
public final class LoginViewModel {
    private final AuthService auth;
    private final Async async;
    private final Messages m;
    private final List<UiContext.DemoAccount> demoAccounts;
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public LoginViewModel(AuthService auth, UiContext.Station station, Async async, Messages m) {
        this.auth = auth;
        this.async = async;
        this.m = m;
        this.demoAccounts = station.demo() ? List.copyOf(station.demoAccounts()) : List.of();
    }

    public StringProperty username() {
        return username;
    }

    public StringProperty password() {
        return password;
    }

    public StringProperty message() {
        return message;
    }

    public BooleanProperty busy() {
        return busy;
    }

    /** Empty unless this is the demo clinic. */
    public List<UiContext.DemoAccount> demoAccounts() {
        return demoAccounts;
    }

    public void login(Consumer<UserSession> onSuccess) {
        if (busy.get()) {
            return;
        }
        if (username.get().isBlank() || password.get().isEmpty()) {
            message.set(m.get("login.missing"));
            return;
        }
        busy.set(true);
        message.set("");
        String user = username.get();
        char[] pw = password.get().toCharArray();
        async.run(() -> auth.login(user, pw), session -> {
            busy.set(false);
            password.set("");
            onSuccess.accept(session);
        }, error -> {
            busy.set(false);
            password.set("");
            message.set(describe(error, m));
        });
    }

    /** Shared with the lock screen, which refuses passwords for the same reasons. */
    public static String describe(Throwable error, Messages m) {
        if (error instanceof LoginFailedException f) {
            return switch (f.reason()) {
                case BAD_CREDENTIALS -> m.get("login.badCredentials");
                case LOCKED_OUT -> m.get("login.lockedOut", m.dateTime(f.lockedUntil()));
                case DISABLED -> m.get("login.disabled");
            };
        }
        return ErrorText.of(error, m);
    }
}
