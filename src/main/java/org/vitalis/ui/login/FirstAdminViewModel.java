package org.vitalis.ui.login;

import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.vitalis.security.AuthService;
import org.vitalis.security.PasswordPolicy;
import org.vitalis.security.UserSession;
import org.vitalis.ui.common.Async;
import org.vitalis.ui.common.ErrorText;
import org.vitalis.ui.common.Messages;

/** State of the one-time form that creates the administrator on a fresh database. */
public final class FirstAdminViewModel {
    private final AuthService auth;
    private final Async async;
    private final Messages m;
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty displayName = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty confirm = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public FirstAdminViewModel(AuthService auth, Async async, Messages m) {
        this.auth = auth;
        this.async = async;
        this.m = m;
    }

    public StringProperty username() {
        return username;
    }

    public StringProperty displayName() {
        return displayName;
    }

    public StringProperty password() {
        return password;
    }

    public StringProperty confirm() {
        return confirm;
    }

    public StringProperty message() {
        return message;
    }

    public BooleanProperty busy() {
        return busy;
    }

    public void create(Consumer<UserSession> onSuccess) {
        if (busy.get()) {
            return;
        }
        if (password.get().length() < PasswordPolicy.MIN_LENGTH) {
            message.set(m.get("password.tooShort", PasswordPolicy.MIN_LENGTH));
            return;
        }
        if (!password.get().equals(confirm.get())) {
            message.set(m.get("password.mismatch"));
            return;
        }
        busy.set(true);
        message.set("");
        String user = username.get();
        String name = displayName.get();
        char[] pw = password.get().toCharArray();
        async.run(() -> auth.createFirstAdmin(user, name, pw), session -> {
            busy.set(false);
            onSuccess.accept(session);
        }, error -> {
            busy.set(false);
            message.set(ErrorText.of(error, m));
        });
    }
}
