package cn.uniondesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.cli.UnionDeskCommand;
import cn.uniondesk.db.IntakeRepository;
import cn.uniondesk.service.IntakeService;
import cn.uniondesk.testing.TestApp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The intake's embedded H2 store encrypted at rest ({@code --store-password-env VAR}): a random file
 * key wrapped by the password from the environment, the database file unreadable without it, an
 * existing unencrypted store encrypted in place, and each way of getting it wrong a clear error.
 */
class IntakeEncryptedStoreTest {
    static final Map<String, String> ENV = Map.of("INTAKE_STORE_PW", "上级工会-store-2026");

    @TempDir
    Path dir;
    Path store;
    Path key;
    String publicKeyText;
    KeyPair office;

    record Run(int code, String out, String err) {
    }

    @BeforeEach
    void setUp() {
        store = dir.resolve("store");
        office = Ed25519.generate();
        key = dir.resolve("org1.json");
        KeyFile.of("ORG1", "测试工会", office.getPublic()).write(key);
        publicKeyText = Base64.getEncoder().encodeToString(office.getPublic().getEncoded());
    }

    private Run run(Map<String, String> env, String... args) {
        List<String> all = new ArrayList<>(List.of("--lang", "zh", "intake"));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = UnionDeskCommand.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), env,
                TestApp.CLOCK);
        return new Run(code, out.toString(), err.toString());
    }

    private boolean fileHolds(String text) throws Exception {
        byte[] file = Files.readAllBytes(store.resolve("intake.mv.db"));
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + needle.length <= file.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (file[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void anEncryptedStoreTakesBatchesAndItsFileShowsNothing() throws Exception {
        Run add = run(ENV, "offices", "add", "--store", store.toString(), "--store-password-env", "INTAKE_STORE_PW",
                "--key", key.toString());
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(add.out()).contains("ORG1");
        assertThat(store.resolve("keys.json")).exists();
        assertThat(Files.readString(store.resolve("keys.json"))).doesNotContain("上级工会-store-2026");

        Path pkg = BatchFormatTest.sample(dir.resolve("out"), office, 1, null, true).file();
        Run imp = run(ENV, "import", "--store", store.toString(), "--store-password-env", "INTAKE_STORE_PW",
                pkg.toString());
        assertThat(imp.code()).as(imp.err()).isZero();
        assertThat(imp.out()).contains("已接收，回执号 R2026-000001");
        Run sum = run(ENV, "summary", "--store", store.toString(), "--store-password-env", "INTAKE_STORE_PW",
                "--month", "2026-11");
        assertThat(sum.code()).as(sum.err()).isZero();
        assertThat(sum.out()).contains("已报 1 / 1 个单位");

        // the database file holds neither the registered key nor the batch's manifest in the clear
        assertThat(fileHolds(publicKeyText)).isFalse();
        assertThat(fileHolds("ORG1-2026-11-0001.zip")).isFalse();
        // the package and the signing key are sealed too; the receipt is as from any store
        assertThat(store.resolve("batches/ORG1/ORG1-2026-11-0001.zip")).doesNotExist();
        byte[] sealed = Files.readAllBytes(store.resolve("batches/ORG1/ORG1-2026-11-0001.zip.sealed"));
        assertThat(new String(sealed, 0, 8, StandardCharsets.US_ASCII)).isEqualTo("UDSEAL1\n");
        assertThat(store.resolve(IntakeService.KEY_FILE)).doesNotExist();
        assertThat(store.resolve(IntakeService.KEY_FILE + ".sealed")).exists();
        Receipt receipt = Receipt.parse(Files.readString(dir.resolve("out").resolve(pkg.getFileName() + Receipt.SUFFIX)));
        KeyFile intakeKey = KeyFile.read(store.resolve(IntakeService.PUBLIC_KEY_FILE));
        assertThat(receipt.confirms(intakeKey.key(), receipt.batchId(), Sha256.of(pkg))).isTrue();
        try (IntakeService s = IntakeService.openEncrypted(store, "上级工会-store-2026".toCharArray(), TestApp.CLOCK)) {
            assertThat(s.encrypted()).isTrue();
            assertThat(s.storedPackage(receipt.batchId())).isEqualTo(Files.readAllBytes(pkg));
        }
    }

    @Test
    void aHeldPackageIsSealedAndReleasedWhenTheGapCloses() throws Exception {
        Path p1 = BatchFormatTest.sample(dir.resolve("o1"), office, 1, null, false).file();
        Path p2 = BatchFormatTest.sample(dir.resolve("o2"), office, 2, Sha256.of(p1), false).file();
        Path p3 = BatchFormatTest.sample(dir.resolve("o3"), office, 3, Sha256.of(p2), false).file();
        try (IntakeService s = IntakeService.openEncrypted(store, "pw".toCharArray(), TestApp.CLOCK)) {
            s.registerOffice(key, null);
            assertThat(s.importFile(p1, dir).answer().status()).isEqualTo("ACCEPTED");
            assertThat(s.importFile(p3, dir).answer().status()).isEqualTo("HELD");
            assertThat(store.resolve("held/ORG1/ORG1-2026-11-0003.zip.sealed")).exists();
            assertThat(store.resolve("held/ORG1/ORG1-2026-11-0003.zip")).doesNotExist();
            assertThat(s.importFile(p2, dir).answer().status()).isEqualTo("ACCEPTED");
            assertThat(s.batches()).extracting(IntakeRepository.StoredBatch::state).containsOnly("ACCEPTED")
                    .hasSize(3);
            assertThat(store.resolve("held/ORG1/ORG1-2026-11-0003.zip.sealed")).doesNotExist();
            String id3 = s.batches().get(2).batchId();
            assertThat(s.storedPackage(id3)).isEqualTo(Files.readAllBytes(p3));
        }
    }

    @Test
    void withoutTheRightPasswordTheStoreDoesNotOpenAndSaysWhy() throws Exception {
        assertThat(run(ENV, "offices", "add", "--store", store.toString(), "--store-password-env", "INTAKE_STORE_PW",
                "--key", key.toString()).code()).isZero();
        byte[] before = Files.readAllBytes(store.resolve("intake.mv.db"));

        Run plain = run(Map.of(), "offices", "--store", store.toString());
        assertThat(plain.code()).isEqualTo(2);
        assertThat(plain.err()).contains("已加密").contains("--store-password-env");

        Run wrong = run(Map.of("INTAKE_STORE_PW", "wrong"), "offices", "--store", store.toString(),
                "--store-password-env", "INTAKE_STORE_PW");
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("密码不对");

        Run unset = run(Map.of(), "offices", "--store", store.toString(), "--store-password-env", "INTAKE_STORE_PW");
        assertThat(unset.code()).isEqualTo(2);
        assertThat(unset.err()).contains("INTAKE_STORE_PW").contains("没有设置");

        assertThat(Files.readAllBytes(store.resolve("intake.mv.db"))).isEqualTo(before);
        Run right = run(ENV, "offices", "--store", store.toString(), "--store-password-env", "INTAKE_STORE_PW");
        assertThat(right.code()).as(right.err()).isZero();
        assertThat(right.out()).contains("ORG1");
    }

    @Test
    void anUnencryptedStoreIsEncryptedInPlaceWhenAPasswordIsFirstGiven() throws Exception {
        assertThat(run(Map.of(), "offices", "add", "--store", store.toString(), "--key", key.toString()).code())
                .isZero();
        assertThat(fileHolds(publicKeyText)).as("control: an unencrypted store shows the key").isTrue();

        Path p1 = BatchFormatTest.sample(dir.resolve("o1"), office, 1, null, false).file();
        assertThat(run(Map.of(), "import", "--store", store.toString(), p1.toString()).code()).isZero();
        assertThat(store.resolve("batches/ORG1/ORG1-2026-11-0001.zip")).exists();
        assertThat(run(Map.of(), "key", "--store", store.toString(), "--out", dir.resolve("k1.json").toString())
                .code()).isZero();

        Run enc = run(ENV, "offices", "--store", store.toString(), "--store-password-env", "INTAKE_STORE_PW");
        assertThat(enc.code()).as(enc.err()).isZero();
        assertThat(enc.out()).contains("ORG1");
        assertThat(fileHolds(publicKeyText)).isFalse();
        assertThat(run(Map.of(), "offices", "--store", store.toString()).code()).isEqualTo(2);
        // the package stored before and the signing key are sealed now; the key itself is the same
        assertThat(store.resolve("batches/ORG1/ORG1-2026-11-0001.zip")).doesNotExist();
        assertThat(store.resolve("batches/ORG1/ORG1-2026-11-0001.zip.sealed")).exists();
        assertThat(store.resolve(IntakeService.KEY_FILE)).doesNotExist();
        Run k2 = run(ENV, "key", "--store", store.toString(), "--store-password-env", "INTAKE_STORE_PW", "--out",
                dir.resolve("k2.json").toString());
        assertThat(k2.code()).as(k2.err()).isZero();
        assertThat(Files.readString(dir.resolve("k2.json"))).isEqualTo(Files.readString(dir.resolve("k1.json")));
        // and the chain goes on: the next batch is accepted with the next receipt
        Path p2 = BatchFormatTest.sample(dir.resolve("o2"), office, 2, Sha256.of(p1), false).file();
        Run imp = run(ENV, "import", "--store", store.toString(), "--store-password-env", "INTAKE_STORE_PW",
                p2.toString());
        assertThat(imp.out()).as(imp.err()).contains("已接收，回执号 R2026-000002");
        try (IntakeService s = IntakeService.openEncrypted(store, "上级工会-store-2026".toCharArray(), TestApp.CLOCK)) {
            assertThat(s.storedPackage(s.batches().get(0).batchId())).isEqualTo(Files.readAllBytes(p1));
        }
    }
}
