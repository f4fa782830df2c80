package cn.uniondesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.service.IntakeService;
import cn.uniondesk.testing.TestApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tampered, forged, replayed and hostile packages at the intake: each refused with its own reason, nothing stored. */
class IntakeTamperTest {
    @TempDir
    Path dir;
    IntakeService intake;
    static final KeyPair OFFICE = Ed25519.generate();
    Path good;

    @BeforeEach
    void setUp() {
        intake = IntakeService.open(dir.resolve("store"), TestApp.CLOCK);
        Path key = dir.resolve("org1.json");
        KeyFile.of("ORG1", "测试工会", OFFICE.getPublic()).write(key);
        intake.registerOffice(key, null);
        good = BatchFormatTest.sample(dir.resolve("out"), OFFICE, 1, null, true).file();
    }

    @AfterEach
    void tearDown() {
        intake.close();
    }

    private void assertRefusedNothingStored(Path pkg, BatchProblem expected) throws Exception {
        int refusals = intake.refusals();
        IntakeService.Imported r = intake.importFile(pkg, dir);
        assertThat(r.answer().status()).as(pkg.getFileName().toString()).isEqualTo("REFUSED");
        assertThat(r.answer().problem()).as(pkg.getFileName().toString()).isEqualTo(expected);
        assertThat(r.receiptFile()).isNull();
        assertThat(intake.batches()).isEmpty();
        assertThat(storedFiles()).isZero();
        assertThat(intake.refusals()).isEqualTo(refusals + 1);
    }

    private long storedFiles() throws Exception {
        Path b = dir.resolve("store").resolve("batches");
        if (!Files.exists(b)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(b)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    private Path tamper(String name, Consumer<Map<String, byte[]>> change) {
        return ZipTamper.tamper(good, name, change);
    }

    @Test
    void changedByteInEveryFileRemovedAndAddedFilesAreRefused() throws Exception {
        for (String name : ZipTamper.read(good).keySet()) {
            Path t = tamper("c-" + name + ".zip", m -> {
                byte[] b = m.get(name).clone();
                if (b.length == 0) {
                    b = new byte[] {'\n'};
                } else {
                    b[b.length / 2] ^= 0x20;
                }
                m.put(name, b);
            });
            assertRefusedNothingStored(t, name.startsWith("manifest") ? BatchProblem.BAD_SIGNATURE
                    : BatchProblem.HASH_MISMATCH);
        }
        assertRefusedNothingStored(tamper("removed.zip", m -> m.remove(BatchRecords.FUND_SUMMARY)),
                BatchProblem.MISSING_FILE);
        assertRefusedNothingStored(tamper("added.zip", m -> m.put("extra.jsonl", "{}\n".getBytes(StandardCharsets.UTF_8))),
                BatchProblem.EXTRA_FILE);
    }

    @Test
    void wrongKeyUnknownOfficeZipBombAndPathTraversalAreRefused() throws Exception {
        Path forged = BatchFormatTest.sample(dir.resolve("forged"), Ed25519.generate(), 1, null, false).file();
        assertRefusedNothingStored(forged, BatchProblem.WRONG_KEY);
        Map<String, byte[]> bomb = ZipTamper.read(good);
        bomb.put("bomb.jsonl", new byte[64 << 20]);
        Path bombFile = dir.resolve("bomb.zip");
        Files.write(bombFile, ZipTamper.write(bomb));
        assertRefusedNothingStored(bombFile, BatchProblem.ZIP_BOMB);
        Path traversal = tamper("trav.zip", m -> m.put("../../outside.jsonl", "{}\n".getBytes(StandardCharsets.UTF_8)));
        assertRefusedNothingStored(traversal, BatchProblem.UNSAFE_PATH);
        assertThat(Files.exists(dir.resolve("outside.jsonl"))).isFalse();
        Path link = dir.resolve("link.zip");
        Files.write(link, ZipTamper.markAsSymlink(Files.readAllBytes(good), BatchRecords.AID_LEDGER));
        assertRefusedNothingStored(link, BatchProblem.LINK_ENTRY);
    }

    @Test
    void theSameBatchTwiceGetsTheSameReceiptAndAReplayOrAnotherContentUnderTheSameIdIsRefused() throws Exception {
        IntakeService.Imported first = intake.importFile(good, dir);
        assertThat(first.answer().status()).isEqualTo("ACCEPTED");
        assertThat(Files.readString(first.receiptFile())).contains(first.answer().receipt().receiptNo());
        IntakeService.Imported again = intake.importFile(good, dir);
        assertThat(again.answer().receipt()).isEqualTo(first.answer().receipt());
        String sha1 = Sha256.of(good);
        Path second = BatchFormatTest.sample(dir.resolve("out2"), OFFICE, 2, sha1, false).file();
        assertThat(intake.importFile(second, dir).answer().status()).isEqualTo("ACCEPTED");
        assertThat(intake.batches()).hasSize(2);

        // an older, validly signed batch (sequence 1 again, another id): a replay
        Path replay = BatchFormatTest.sample(dir.resolve("replay"), OFFICE, 1, null, false).file();
        IntakeService.Imported r = intake.importFile(replay, dir);
        assertThat(r.answer().problem()).isEqualTo(BatchProblem.REPLAYED_OLDER);
        // the same id as batch 2 with other content, validly signed
        Path conflict = ZipTamper.tamper(second, "conflict.zip", m -> ZipTamper.replaceAndResign(m,
                BatchRecords.AID_LEDGER, new byte[0], 0, null, OFFICE));
        Files.write(conflict, ZipTamper.write(withExtraManifestSpace(ZipTamper.read(conflict))));
        assertThat(intake.importFile(conflict, dir).answer().problem()).isEqualTo(BatchProblem.DUPLICATE_ID_CONFLICT);
        // a next batch that does not chain to the last accepted one
        Path broken = BatchFormatTest.sample(dir.resolve("broken"), OFFICE, 3, "b".repeat(64), false).file();
        assertThat(intake.importFile(broken, dir).answer().problem()).isEqualTo(BatchProblem.CHAIN_BROKEN);
        assertThat(intake.batches()).hasSize(2);
    }

    /** Re-signs the manifest with one more space in its org name so the package differs but verifies. */
    private static Map<String, byte[]> withExtraManifestSpace(Map<String, byte[]> m) {
        String s = new String(m.get(BatchRecords.MANIFEST), StandardCharsets.UTF_8).replace("测试工会", "测试工会 ");
        byte[] mb = s.getBytes(StandardCharsets.UTF_8);
        m.put(BatchRecords.MANIFEST, mb);
        m.put(BatchRecords.SIGNATURE, BatchWriter.signatureFile(Ed25519.sign(OFFICE.getPrivate(), mb)));
        return m;
    }
}
