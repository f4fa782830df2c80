package cn.uniondesk.ui;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.IdNumber;
import cn.uniondesk.service.Session;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** Shared fixtures of the UI tests: a fixed clock, a demo database, valid ID numbers. */
public final class TestData {
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    public static final String OPERATOR = "测试员";

    private TestData() {
    }

    /** A database in {@code dir} holding the demo union. */
    public static AppContext demo(Path dir) {
        AppContext ctx = AppContext.open(dir, new Session(OPERATOR), CLOCK);
        ctx.demo().loadDemo();
        return ctx;
    }

    /** A valid 18-digit ID number for the first 17 digits (region, birth date, sequence). */
    public static String validId(String first17) {
        return first17 + IdNumber.checkChar(first17);
    }

    /** 北京市朝阳区, born 1990-03-07, sequence 123 (odd: a man). */
    public static final String ZSF_ID = validId("11010519900307123");
}
