package cn.uniondesk.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a workbook so that a half-written file never exists under its final name: into
 * {@code <name>.part} beside it (the folder made if missing), then an atomic rename over the old file. A failed write removes
 * the part file and leaves the old file as it was.
 */
final class WorkbookFiles {
    /** What writes the workbook's bytes. */
    interface Body {
        void write(OutputStream os) throws IOException;
    }

    private WorkbookFiles() {
    }

    static void writeAtomically(Path out, Body body) {
        Path tmp = out.toAbsolutePath().resolveSibling(out.getFileName() + ".part");
        try {
            Files.createDirectories(tmp.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (OutputStream os = Files.newOutputStream(tmp)) {
            body.write(os);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        try {
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
