package cn.uniondesk.ui.common;

import java.nio.file.Path;

/**
 * Opens a file the app wrote (a receipt PDF, a report) with the system's viewer, from where
 * the clerk prints it. Implemented in {@code app} with JavaFX {@code HostServices}; tests use a
 * fake that records what was opened. Called on the FX thread.
 */
public interface DocumentOpener {
    void open(Path file);
}
