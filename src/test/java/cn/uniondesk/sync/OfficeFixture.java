package cn.uniondesk.sync;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.testing.TestApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.YearMonth;

/**
 * An office with the demo union (a year of dues) and the union fund of 2026-11, in an unencrypted
 * test folder: set up once per test run and copied, since loading the demo takes seconds.
 */
public final class OfficeFixture {
    public static final YearMonth MONTH = YearMonth.of(2026, 11);
    public static final long FUND_RECEIVED = 24_691_34L;
    public static final long FUND_REMITTED = 9_876_54L;
    private static Path template;

    private OfficeFixture() {
    }

    public static synchronized AppContext open(Path dir) {
        try {
            if (template == null) {
                Path t = Files.createTempDirectory("uniondesk-office-template");
                try (AppContext ctx = TestApp.open(t)) {
                    ctx.demo().loadDemo();
                    ctx.dues().recordFund(MONTH, 1_234_567_00L, FUND_RECEIVED, FUND_REMITTED, 4000);
                    ctx.identity().ensure();
                }
                template = t;
            }
            Files.createDirectories(dir);
            Files.copy(template.resolve("uniondesk.mv.db"), dir.resolve("uniondesk.mv.db"),
                    StandardCopyOption.REPLACE_EXISTING);
            return TestApp.open(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
