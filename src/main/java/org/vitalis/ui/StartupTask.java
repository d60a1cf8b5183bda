package org.vitalis.ui;

import java.util.function.DoubleConsumer;

/** Long work to finish before the login screen, such as creating the demo clinic; shown with progress. */
public interface StartupTask {
    /** Bundle key of the line shown above the progress bar. */
    String messageKey();

    void run(DoubleConsumer progress) throws Exception;
}
