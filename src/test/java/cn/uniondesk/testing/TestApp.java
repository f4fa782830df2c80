package cn.uniondesk.testing;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.service.Session;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** A real application context on an H2 file in a temporary folder, with a fixed clock. */
public final class TestApp {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZONE);
    public static final String OPERATOR = "测试员";

    private TestApp() {
    }

    public static AppContext open(Path dir) {
        return AppContext.open(dir, new Session(OPERATOR), CLOCK);
    }
}
