package org.vitalis.ui.shell;

/** What the main window asks of the window that hosts it. */
public interface ShellActions {
    void lock();

    void logout();

    void switchLanguage(String languageTag);

    void switchTheme(boolean dark);
}
