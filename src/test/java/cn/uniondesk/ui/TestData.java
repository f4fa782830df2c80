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

    private static Path encryptedTemplate;

    /**
     * Makes {@code dir} an encrypted data folder holding the demo union and its account
     * ({@code demo} / {@code demo1234}, to be changed): a copy of one folder set up once per test
     * run, since setting one up (PBKDF2 and the demo year of dues) takes seconds.
     */
    public static synchronized void encryptedDemo(Path dir) {
        try {
            if (encryptedTemplate == null) {
                Path t = java.nio.file.Files.createTempDirectory("uniondesk-demo-template");
                try (AppContext ctx = AppContext.initializeDemo(t, CLOCK)) {
                    ctx.members().count();
                }
                encryptedTemplate = t;
            }
            java.nio.file.Files.createDirectories(dir);
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(encryptedTemplate)) {
                for (Path f : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                    java.nio.file.Files.copy(f, dir.resolve(f.getFileName().toString()),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Path attachments = encryptedTemplate.resolve("attachments"); // the demo cases' attachment files
            if (java.nio.file.Files.isDirectory(attachments)) {
                try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(attachments)) {
                    for (Path f : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                        Path target = dir.resolve(encryptedTemplate.relativize(f).toString());
                        java.nio.file.Files.createDirectories(target.getParent());
                        java.nio.file.Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A valid 18-digit ID number for the first 17 digits (region, birth date, sequence). */
    public static String validId(String first17) {
        return first17 + IdNumber.checkChar(first17);
    }

    /** 北京市朝阳区, born 1990-03-07, sequence 123 (odd: a man). */
    public static final String ZSF_ID = validId("11010519900307123");
}
