package org.vitalis.ui.users;

import java.util.concurrent.Callable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vitalis.domain.Role;
import org.vitalis.security.UserAdminService;
import org.vitalis.security.UserAdminService.UserRow;
import org.vitalis.security.UserSession;
import org.vitalis.ui.common.Async;
import org.vitalis.ui.common.ErrorText;
import org.vitalis.ui.common.Messages;

/** Account administration; every change reloads the list so the table shows what is stored. */
public final class UsersViewModel {
    private final UserAdminService users;
    private final UserSession session;
    private final Async async;
    private final Messages m;
    private final ObservableList<UserRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<UserRow> selected = new SimpleObjectProperty<>();
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty displayName = new SimpleStringProperty("");
    private final ObjectProperty<Role> role = new SimpleObjectProperty<>(Role.NURSE);
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty newPassword = new SimpleStringProperty("");
    private final ObjectProperty<Role> newRole = new SimpleObjectProperty<>(Role.NURSE);
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

    public UsersViewModel(UserAdminService users, UserSession session, Async async, Messages m) {
        this.users = users;
        this.session = session;
        this.async = async;
        this.m = m;
        selected.addListener((o, a, row) -> {
            if (row != null) {
                newRole.set(row.role());
            }
        });
    }

    public ObservableList<UserRow> rows() { return rows; }
    public ObjectProperty<UserRow> selected() { return selected; }
    public StringProperty username() { return username; }
    public StringProperty displayName() { return displayName; }
    public ObjectProperty<Role> role() { return role; }
    public StringProperty password() { return password; }
    public StringProperty newPassword() { return newPassword; }
    public ObjectProperty<Role> newRole() { return newRole; }
    public StringProperty message() { return message; }
    public StringProperty error() { return error; }

    public void refresh() {
        async.run(() -> users.list(session), list -> {
            Long keep = selected.get() == null ? null : selected.get().id();
            rows.setAll(list);
            if (keep != null) {
                rows.stream().filter(r -> r.id() == keep).findFirst().ifPresent(selected::set);
            }
        }, e -> error.set(ErrorText.of(e, m)));
    }

    public void create() {
        String u = username.get();
        String d = displayName.get();
        Role r = role.get();
        char[] pw = password.get().toCharArray();
        change(() -> users.create(session, u, d, r, pw), m.get("users.created", u.strip()), () -> {
            username.set("");
            displayName.set("");
            password.set("");
        });
    }

    public void changeRole() {
        UserRow row = selected.get();
        Role r = newRole.get();
        if (row != null && r != null) {
            change(() -> {
                users.changeRole(session, row.id(), r);
                return null;
            }, m.get("users.roleChanged", row.username(), m.get("role." + r.name())), () -> { });
        }
    }

    public void toggleActive() {
        UserRow row = selected.get();
        if (row != null) {
            boolean active = !row.active();
            change(() -> {
                users.setActive(session, row.id(), active);
                return null;
            }, m.get(active ? "users.enabled" : "users.disabled", row.username()), () -> { });
        }
    }

    public void resetPassword() {
        UserRow row = selected.get();
        if (row != null) {
            char[] pw = newPassword.get().toCharArray();
            change(() -> {
                users.resetPassword(session, row.id(), pw);
                return null;
            }, m.get("users.passwordReset", row.username()), () -> newPassword.set(""));
        }
    }

    public void clearLockout() {
        UserRow row = selected.get();
        if (row != null) {
            change(() -> {
                users.clearLockout(session, row.id());
                return null;
            }, m.get("users.lockoutCleared", row.username()), () -> { });
        }
    }

    private void change(Callable<?> work, String success, Runnable after) {
        message.set("");
        error.set("");
        async.run(work, ok -> {
            message.set(success);
            after.run();
            refresh();
        }, e -> error.set(ErrorText.of(e, m)));
    }
}
