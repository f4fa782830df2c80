package cn.uniondesk.ui.common;

import java.nio.file.Path;

/**
 * Opens a file with the system's viewer (a PDF reader, an image viewer). The application
 * implements it with {@code HostServices.showDocument}; tests record what would be opened.
 */
public interface DocumentOpener {
    void open(Path file);
}
