package cn.uniondesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.cli.UnionDeskCommand;
import cn.uniondesk.db.IntakeRepository;
import cn.uniondesk.service.IntakeService;
import cn.uniondesk.service.BatchService;
import cn.uniondesk.testing.PostgresCluster;
import cn.uniondesk.testing.TestApp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The intake on PostgreSQL instead of its embedded H2, by configuration only ({@code --db-url},
 * {@code --db-user}, the password in {@code UNIONDESK_INTAKE_DB_PASSWORD}): a throw-away cluster on
 * 127.0.0.1, set up as docs/intake.md says (a login role owning an empty database), then the same
 * commands as on H2 — register, import a real office's packages, the idempotency rules, the summary —
 * and the same answers as an H2 store given the same packages. Skipped when PostgreSQL is not installed.
 */
class IntakePostgresTest {
    static final String ROLE = "uniondesk_intake";
    static final String ROLE_PASSWORD = "Intake-pw-2026";
    static final AtomicInteger DATABASES = new AtomicInteger();

    @TempDir
    static Path clusterDir;
    static PostgresCluster pg;

    @TempDir
    Path dir;

    @BeforeAll
    static void startCluster() {
        pg = PostgresCluster.start(clusterDir);
    }

    @AfterAll
    static void stopCluster() {
        if (pg != null) {
            pg.stop();
        }
    }

    record Run(int code, String out, String err) {
    }

    /** A new empty database owned by the intake's role, as an administrator would make it. */
    private static String newDatabase() {
        String name = "intake_" + DATABASES.incrementAndGet();
        pg.createOwnedDatabase(ROLE, ROLE_PASSWORD, name);
        return pg.jdbcUrl(name);
    }

    private static Run run(Map<String, String> env, String... args) {
        List<String> all = new ArrayList<>(List.of("--lang", "zh"));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = UnionDeskCommand.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), env,
                TestApp.CLOCK);
        return new Run(code, out.toString(), err.toString());
    }

    /** {@code intake <args>} on the store {@code store}, on PostgreSQL when {@code url} is given, else on H2. */
    private static Run intake(Path store, String url, String... args) {
        List<String> all = new ArrayList<>(List.of("intake", args[0], "--store", store.toString()));
        Map<String, String> env = new HashMap<>();
        if (url != null) {
            all.addAll(List.of("--db-url", url, "--db-user", ROLE));
            env.put("UNIONDESK_INTAKE_DB_PASSWORD", ROLE_PASSWORD);
        }
        all.addAll(List.of(args).subList(1, args.length));
        return run(env, all.toArray(String[]::new));
    }

    /** The packages both stores receive: three of a real office (demo union), one and a conflicting copy of another. */
    record Packages(Path officeKey, Path seq1, Path seq2, Path seq3, Path org1Key, Path org1, Path org1Conflict) {
    }

    private Packages packages() {
        Path usb = dir.resolve("usb");
        Path officeKey = dir.resolve("office-key.json");
        Path[] seq = new Path[3];
        try (AppContext office = OfficeFixture.open(dir.resolve("office"))) {
            office.identity().exportPublicKey(officeKey, office.union().union().orElseThrow());
            for (int i = 0; i < 3; i++) {
                BatchService.Exported e = office.batches().export(OfficeFixture.MONTH, i == 0, usb);
                seq[i] = e.copy();
            }
        }
        KeyPair org1 = Ed25519.generate();
        Path org1Key = dir.resolve("org1-key.json");
        KeyFile.of("ORG1", "测试工会", org1.getPublic()).write(org1Key);
        Path good = BatchFormatTest.sample(dir.resolve("org1"), org1, 1, null, false).file();
        // the same batch id, other content (one more space in the manifest), validly signed
        Path conflict = ZipTamper.tamper(good, "conflict.zip", m -> {
            byte[] mb = new String(m.get(BatchRecords.MANIFEST), StandardCharsets.UTF_8).replace("测试工会", "测试工会 ")
                    .getBytes(StandardCharsets.UTF_8);
            m.put(BatchRecords.MANIFEST, mb);
            m.put(BatchRecords.SIGNATURE, BatchWriter.signatureFile(Ed25519.sign(org1.getPrivate(), mb)));
        });
        return new Packages(officeKey, seq[0], seq[1], seq[2], org1Key, good, conflict);
    }

    /** The whole story on one store; returns what the summary printed. */
    private String story(Packages p, Path store, String url) throws Exception {
        Run add = intake(store, url, "offices", "add", "--key", p.officeKey().toString());
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(add.out()).contains("81320505MC0000001D");
        assertThat(intake(store, url, "offices", "add", "--key", p.org1Key().toString()).code()).isZero();

        Path receipts = dir.resolve("receipts-" + (url == null ? "h2" : "pg"));
        Files.createDirectories(receipts);
        Run first = intake(store, url, "import", p.seq1().toString(), "--receipt-out", receipts.toString());
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("已接收，回执号 R2026-000001");
        Path receipt = receipts.resolve(p.seq1().getFileName() + Receipt.SUFFIX);
        String receiptText = Files.readString(receipt);

        // the same batch again: the original receipt, nothing new stored
        Run again = intake(store, url, "import", p.seq1().toString(), "--receipt-out", receipts.toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("已接收，回执号 R2026-000001");
        assertThat(Files.readString(receipt)).isEqualTo(receiptText);

        // sequence 3 before 2: held with the reason, no receipt
        Run gap = intake(store, url, "import", p.seq3().toString(), "--receipt-out", receipts.toString());
        assertThat(gap.code()).as(gap.err()).isZero();
        assertThat(gap.out()).contains("已暂存");
        assertThat(receipts.resolve(p.seq3().getFileName() + Receipt.SUFFIX)).doesNotExist();

        // the other office's batch, then the same id with other content: refused, exit 3
        assertThat(intake(store, url, "import", p.org1().toString(), "--receipt-out", receipts.toString()).out())
                .contains("已接收，回执号 R2026-000002");
        Run conflict = intake(store, url, "import", p.org1Conflict().toString(), "--receipt-out",
                receipts.toString());
        assertThat(conflict.code()).isEqualTo(UnionDeskCommand.REJECTED);
        assertThat(conflict.err()).contains("DUPLICATE_ID_CONFLICT");

        Run before = intake(store, url, "summary", "--month", "2026-11");
        assertThat(before.code()).as(before.err()).isZero();
        assertThat(before.out()).contains("已报 2 / 2 个单位");

        // the missing sequence 2 arrives: accepted, and the held 3 follows it
        Run two = intake(store, url, "import", p.seq2().toString(), "--receipt-out", receipts.toString());
        assertThat(two.out()).as(two.err()).contains("已接收，回执号 R2026-000003");
        Run three = intake(store, url, "import", p.seq3().toString(), "--receipt-out", receipts.toString());
        assertThat(three.out()).as(three.err()).contains("已接收，回执号 R2026-000004");

        Path xlsx = dir.resolve("汇总-" + (url == null ? "h2" : "pg") + ".xlsx");
        Run sum = intake(store, url, "summary", "--month", "2026-11", "--xlsx", xlsx.toString());
        assertThat(sum.code()).as(sum.err()).isZero();
        assertThat(sum.out()).contains("已报 2 / 2 个单位");
        try (Workbook wb = WorkbookFactory.create(xlsx.toFile())) {
            assertThat(wb.getSheetAt(0).getRow(4).getCell(0).getStringCellValue()).isEqualTo("81320505MC0000001D");
            assertThat(wb.getSheetAt(0).getRow(4).getCell(4).getNumericCellValue()).isGreaterThan(200);
        }
        return sum.out().replace(xlsx.toString(), "XLSX");
    }

    @Test
    void theIntakeRunsOnPostgresqlByConfigurationAndAnswersAsOnH2() throws Exception {
        Packages p = packages();
        String url = newDatabase();
        Path pgStore = dir.resolve("store-pg");

        String onPostgres = story(p, pgStore, url);
        String onH2 = story(p, dir.resolve("store-h2"), null);

        // the same figures, line for line, from the same code on either database
        assertThat(onPostgres).isEqualTo(onH2);
        assertThat(onPostgres).contains("81320505MC0000001D").contains("ORG1 测试工会").contains("合计");
        // the rows are in PostgreSQL, under the plain lower-case names the migration made (any SQL tool reads them)
        assertThat(pgStore.resolve("intake.mv.db")).doesNotExist();
        try (Connection c = DriverManager.getConnection(url, ROLE, ROLE_PASSWORD); Statement s = c.createStatement()) {
            assertThat(rows(s, "select state || ' ' || count(*) from intake_batch group by state"))
                    .containsExactly("ACCEPTED 4");
            assertThat(rows(s, "select problem from intake_refusal")).containsExactly("DUPLICATE_ID_CONFLICT");
            assertThat(rows(s, "select org_code || ' ' || seq || ' ' || receipt_no from intake_batch"
                    + " order by receipt_no")).containsExactly("81320505MC0000001D 1 R2026-000001",
                            "ORG1 1 R2026-000002", "81320505MC0000001D 2 R2026-000003",
                            "81320505MC0000001D 3 R2026-000004");
            assertThat(rows(s, "select version || ' ' || success from flyway_schema_history where version is not null"))
                    .containsExactly("1 true");
            assertThat(rows(s, "select val from intake_counter")).containsExactly("4");
        }
        // the packages themselves stay in the store folder
        try (Stream<Path> files = Files.walk(pgStore.resolve("batches"))) {
            assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(4);
        }
    }

    @Test
    void aWrongPasswordAnUnreachableServerAndAPasswordInTheUrlAreClearErrors() throws Exception {
        String url = newDatabase();
        Path store = dir.resolve("store");
        Map<String, String> wrong = Map.of("UNIONDESK_INTAKE_DB_PASSWORD", "not-the-password");

        Run badPw = run(wrong, "intake", "offices", "--store", store.toString(), "--db-url", url, "--db-user", ROLE);
        assertThat(badPw.code()).isEqualTo(2);
        assertThat(badPw.err()).contains("无法打开入库数据库 " + url).contains("password authentication failed");
        assertThat(badPw.err()).doesNotContain("not-the-password");

        String down = "jdbc:postgresql://127.0.0.1:1/intake";
        Run unreachable = intake(store, down, "summary", "--month", "2026-11");
        assertThat(unreachable.code()).isEqualTo(2);
        assertThat(unreachable.err()).contains("无法打开入库数据库 " + down);

        Run inUrl = run(Map.of(), "intake", "offices", "--store", store.toString(), "--db-url",
                url + "?user=" + ROLE + "&password=" + ROLE_PASSWORD);
        assertThat(inUrl.code()).isEqualTo(2);
        assertThat(inUrl.err()).contains("UNIONDESK_INTAKE_DB_PASSWORD");

        Run other = intake(store, "jdbc:mysql://127.0.0.1/intake", "offices");
        assertThat(other.code()).isEqualTo(2);
        assertThat(other.err()).contains("不支持的数据库地址");

        // nothing was made: no store, no tables
        assertThat(store).doesNotExist();
        try (Connection c = DriverManager.getConnection(url, ROLE, ROLE_PASSWORD); Statement s = c.createStatement()) {
            assertThat(rows(s, "select count(*) from information_schema.tables where table_schema = 'public'"))
                    .containsExactly("0");
        }
    }

    @Test
    void onPostgresqlTheStoreFoldersPackagesAndKeyCanBeSealedToo() throws Exception {
        String url = newDatabase();
        Path store = dir.resolve("store");
        Map<String, String> env = Map.of("UNIONDESK_INTAKE_DB_PASSWORD", ROLE_PASSWORD, "STORE_PW", "封存口令-1");
        KeyPair org1 = Ed25519.generate();
        Path key = dir.resolve("org1-key.json");
        KeyFile.of("ORG1", "测试工会", org1.getPublic()).write(key);
        Path pkg = BatchFormatTest.sample(dir.resolve("org1"), org1, 1, null, true).file();
        String[] db = {"--store", store.toString(), "--db-url", url, "--db-user", ROLE, "--store-password-env",
            "STORE_PW"};

        Run add = run(env, concat(List.of("intake", "offices", "add", "--key", key.toString()), db));
        assertThat(add.code()).as(add.err()).isZero();
        Run imp = run(env, concat(List.of("intake", "import", pkg.toString()), db));
        assertThat(imp.out()).as(imp.err()).contains("已接收，回执号 R2026-000001");

        assertThat(store.resolve("batches/ORG1/ORG1-2026-11-0001.zip")).doesNotExist();
        assertThat(store.resolve("batches/ORG1/ORG1-2026-11-0001.zip.sealed")).exists();
        assertThat(store.resolve("intake-signing.key")).doesNotExist();
        assertThat(store.resolve("intake.mv.db")).doesNotExist();
        try (Connection c = DriverManager.getConnection(url, ROLE, ROLE_PASSWORD); Statement s = c.createStatement()) {
            assertThat(rows(s, "select file_path from intake_batch")).singleElement().asString().endsWith(".sealed");
        }
        // without the store password: refused with the reason, even though the database would open
        Run without = run(env, "intake", "summary", "--month", "2026-11", "--store", store.toString(), "--db-url", url,
                "--db-user", ROLE);
        assertThat(without.code()).isEqualTo(2);
        assertThat(without.err()).contains("已加密");
    }

    @Test
    void twoIntakeProcessesOnOneDatabaseDecideEachOfficesBatchesOneAtATime() throws Exception {
        String url = newDatabase();
        Path store = dir.resolve("store");
        KeyPair org1 = Ed25519.generate();
        Path key = dir.resolve("org1-key.json");
        KeyFile.of("ORG1", "测试工会", org1.getPublic()).write(key);
        try (IntakeService a = IntakeService.open(store, url, ROLE, ROLE_PASSWORD, TestApp.CLOCK);
                IntakeService b = IntakeService.open(store, url, ROLE, ROLE_PASSWORD, TestApp.CLOCK)) {
            a.registerOffice(key, null);
            Path lastAccepted = null;
            for (int round = 0; round < 3; round++) {
                // the same package to both at once: stored once, both answers carry the one receipt
                Path same = BatchFormatTest.sample(dir.resolve("same" + round), org1, 2L * round + 1,
                        lastAccepted == null ? null : Sha256.of(lastAccepted), false).file();
                List<IntakeServer.Answer> answers = race(() -> a.submit(same, "https"), () -> b.submit(same, "https"));
                assertThat(answers).extracting(IntakeServer.Answer::status).containsOnly("ACCEPTED");
                assertThat(answers.get(0).receipt()).isEqualTo(answers.get(1).receipt());

                // two different packages with the same next sequence: one accepted, the other refused
                String prev = Sha256.of(same);
                Path x = BatchFormatTest.sample(dir.resolve("x" + round), org1, 2L * round + 2, prev, false).file();
                Path y = BatchFormatTest.sample(dir.resolve("y" + round), org1, 2L * round + 2, prev, false).file();
                List<IntakeServer.Answer> two = race(() -> a.submit(x, "https"), () -> b.submit(y, "https"));
                assertThat(two).extracting(IntakeServer.Answer::status).containsExactlyInAnyOrder("ACCEPTED", "REFUSED");
                assertThat(two).extracting(IntakeServer.Answer::problem).contains(BatchProblem.REPLAYED_OLDER);
                lastAccepted = "ACCEPTED".equals(two.get(0).status()) ? x : y;
            }
            assertThat(a.batches()).hasSize(6);
            assertThat(a.batches()).extracting(IntakeRepository.StoredBatch::seq).containsExactly(1L, 2L, 3L, 4L, 5L,
                    6L);
            assertThat(b.batches()).extracting(IntakeRepository.StoredBatch::receiptNo).doesNotHaveDuplicates();
        }
    }

    private static List<IntakeServer.Answer> race(java.util.concurrent.Callable<IntakeServer.Answer> one,
            java.util.concurrent.Callable<IntakeServer.Answer> other) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.Future<IntakeServer.Answer> f1 = pool.submit(() -> {
                go.await();
                return one.call();
            });
            java.util.concurrent.Future<IntakeServer.Answer> f2 = pool.submit(() -> {
                go.await();
                return other.call();
            });
            go.countDown();
            return List.of(f1.get(60, java.util.concurrent.TimeUnit.SECONDS),
                    f2.get(60, java.util.concurrent.TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }

    private static String[] concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }

    private static List<String> rows(Statement s, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }
}
