package cn.uniondesk.ui.dues;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.service.Session;
import cn.uniondesk.ui.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * The demo union (with its year of dues) for the dues screen's tests: built once per test run in a
 * template folder and copied for each test, since loading it takes seconds (and on the FX thread
 * of a UI test's start it can exceed TestFX's setup timeout on a busy machine).
 */
final class DemoCopy {
    private static Path template;

    private DemoCopy() {
    }

    /** Builds the template now (UI tests call it in {@code @BeforeAll}, off the FX thread). */
    static synchronized void warm() {
        open(null);
    }

    static synchronized AppContext open(Path dir) {
        try {
            if (template == null) {
                Path t = Files.createTempDirectory("uniondesk-dues-demo");
                try (AppContext ctx = TestData.demo(t)) {
                    ctx.members().count();
                }
                template = t;
            }
            if (dir == null) {
                return null;
            }
            Files.createDirectories(dir);
            try (Stream<Path> files = Files.list(template)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(f, dir.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AppContext.open(dir, new Session(TestData.OPERATOR), TestData.CLOCK);
    }
}
