package cn.uniondesk.app;

import cn.uniondesk.ui.common.DocumentOpener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import javafx.application.HostServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens files with the system viewer through JavaFX's {@link HostServices}. Checked copies of
 * attachments are written to a per-process folder under the system temp folder, removed at logout
 * and exit.
 */
final class HostDocumentOpener implements DocumentOpener {
    private static final Logger LOG = LoggerFactory.getLogger(HostDocumentOpener.class);

    private final java.util.function.Supplier<HostServices> host;

    HostDocumentOpener(java.util.function.Supplier<HostServices> host) {
        this.host = host;
    }

    @Override
    public void open(Path file) {
        LOG.info("Opening {} with the system viewer", file.getFileName());
        host.get().showDocument(file.toAbsolutePath().toUri().toString());
    }

    /** Where attachments are extracted for viewing while this process runs. */
    static Path viewFolder() {
        return Path.of(System.getProperty("java.io.tmpdir"), "uniondesk-view-" + ProcessHandle.current().pid());
    }

    /** Deletes the extracted copies (best effort: a viewer may still hold one open). */
    static void clean(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> s = Files.walk(folder)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.debug("Could not delete {}: {}", p, e.toString());
                }
            });
        } catch (IOException e) {
            LOG.debug("Could not clean {}: {}", folder, e.toString());
        }
    }
}
