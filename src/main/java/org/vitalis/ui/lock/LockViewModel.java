package org.vitalis.ui.lock;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.vitalis.security.AuthService;
import org.vitalis.security.LoginFailedException;
import org.vitalis.security.UserSession;
import org.vitalis.ui.common.Async;
import org.vitalis.ui.common.Messages;
import org.vitalis.ui.login.LoginViewModel;

/**
 * The locked session: only the same user's password opens it again. A lock-out or a disabled
 * account while locked ends the session, because the user can no longer prove who they are.
 */
public final class LockViewModel {
    private final AuthService auth;
    private final UserSession session;
    private final Async async;
    private final Messages m;
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public LockViewModel(AuthService auth, UserSession session, Async async, Messages m) {
        this.auth = auth;
        this.session = session;
        this.async = async;
        this.m = m;
    }

    public StringProperty password() { return password; }
    public StringProperty message() { return message; }
    public BooleanProperty busy() { return busy; }

    public String lockedText() {
        return m.get("lock.lockedBy", session.displayName(), session.username());
    }

    /** {@code onEnded} receives the sentence to show on the login screen. */
    public void unlock(Runnable onUnlocked, java.util.function.Consumer<String> onEnded) {
        if (busy.get() || password.get().isEmpty()) {
            return;
        }
        busy.set(true);
        message.set("");
        char[] pw = password.get().toCharArray();
        async.run(() -> {
            auth.unlock(session, pw);
            return Boolean.TRUE;
        }, ok -> {
            busy.set(false);
            password.set("");
            onUnlocked.run();
        }, e -> {
            busy.set(false);
            password.set("");
            String text = LoginViewModel.describe(e, m);
            if (e instanceof LoginFailedException f && f.reason() != LoginFailedException.Reason.BAD_CREDENTIALS) {
                onEnded.accept(text);
            } else {
                message.set(text);
            }
        });
    }
}
