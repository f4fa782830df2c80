package cn.uniondesk.app;

import cn.uniondesk.ui.common.DocumentOpener;
import java.nio.file.Path;
import javafx.application.HostServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens files with the system's viewer through JavaFX {@link HostServices#showDocument}. */
final class HostDocumentOpener implements DocumentOpener {
    private static final Logger LOG = LoggerFactory.getLogger(HostDocumentOpener.class);
    private final java.util.function.Supplier<HostServices> host;

    /** {@code host} is asked only when a file is opened (the application's host services). */
    HostDocumentOpener(java.util.function.Supplier<HostServices> host) {
        this.host = host;
    }

    @Override
    public void open(Path file) {
        LOG.info("Opening {}", file);
        host.get().showDocument(file.toAbsolutePath().toUri().toString());
    }
}
