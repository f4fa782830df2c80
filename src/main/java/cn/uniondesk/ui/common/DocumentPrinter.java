package cn.uniondesk.ui.common;

import java.nio.file.Path;

/**
 * Hands a file to the operating system: opens it with the system viewer, or prints it through the
 * system print dialog. Implemented in app (HostServices / java.awt.Desktop); tests inject a fake.
 * Called through the {@link BackgroundExecutor}, never on the FX thread.
 */
public interface DocumentPrinter {
    void open(Path file) throws Exception;

    /** Prints the file; where the system cannot print it directly, opens it to print from the viewer. */
    void print(Path file) throws Exception;
}
