package cn.uniondesk.app;

import cn.uniondesk.ui.common.DocumentPrinter;
import java.awt.Desktop;
import java.nio.file.Path;
import javafx.application.HostServices;

/**
 * Opens files with the system viewer (JavaFX HostServices) and prints them with the system's
 * print action (java.awt.Desktop), falling back to opening the file where printing directly is
 * not supported (then the viewer's print dialog is one click away).
 */
final class DesktopDocumentOpener implements DocumentPrinter {
    private final HostServices host;

    DesktopDocumentOpener(HostServices host) {
        this.host = host;
    }

    @Override
    public void open(Path file) {
        host.showDocument(file.toAbsolutePath().toUri().toString());
    }

    @Override
    public void print(Path file) throws Exception {
        if (!java.awt.GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                && Desktop.getDesktop().isSupported(Desktop.Action.PRINT)) {
            Desktop.getDesktop().print(file.toFile());
        } else {
            open(file);
        }
    }
}
