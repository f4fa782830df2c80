package cn.uniondesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchFormatTest {
    @TempDir
    Path dir;

    static final KeyPair OFFICE = Ed25519.generate();
    static final KeyPair OTHER = Ed25519.generate();
    Path zip;
    BatchWriter.Written written;

    static BatchVerifier.KeyResolver registered(KeyPair k) {
        return org -> org.equals("ORG1") ? Optional.of(k.getPublic()) : Optional.empty();
    }

    public static BatchWriter.Written sample(Path dir, KeyPair key, long seq, String prev, boolean snapshot) {
        return sample(dir, key, seq, prev, snapshot ? 3 : -1);
    }

    /** A package of ORG1; {@code snapshotLines} < 0: no snapshot; 3 gives the fixed sample, more gives random names. */
    public static BatchWriter.Written sample(Path dir, KeyPair key, long seq, String prev, int snapshotLines) {
        boolean snapshot = snapshotLines >= 0;
        java.util.Random rnd = new java.util.Random(seq);
        Map<String, BatchWriter.DataSource> files = new LinkedHashMap<>();
        files.put(BatchRecords.MEMBER_CHANGES, s -> {
            s.write(new BatchRecords.MemberChange(1, 10, "GH1", "张三", "M", "110105199001011234", "JOIN",
                    "2026-11-02", null, "ACTIVE", null, null, "新入职"));
            s.write(new BatchRecords.MemberChange(2, 11, "GH2", "李四", "F", null, "LEAVE", "2026-11-05", "ACTIVE",
                    "LEFT", null, null, "辞职"));
        });
        if (snapshot) {
            files.put(BatchRecords.MEMBER_SNAPSHOT, s -> {
                for (int i = 0; i < snapshotLines; i++) {
                    String name = snapshotLines == 3 ? "王" + i : Long.toHexString(rnd.nextLong());
                    s.write(new BatchRecords.MemberSnapshot(20 + i, "GH" + i, name, "M", "x", "一车间", "ACTIVE",
                            "2020-01-01", "劳动合同", false, "URBAN", false));
                }
            });
        }
        files.put(BatchRecords.DUES_SUMMARY, s -> {
            s.write(new BatchRecords.DuesSummary("一车间", snapshotLines > 3 ? snapshotLines - 1 : 2, 2, 5670, 1, 2835,
                    2835));
            s.write(new BatchRecords.DuesSummary("二车间", 1, 1, 1000, 1, 1000, 0));
        });
        files.put(BatchRecords.FUND_SUMMARY, s -> s.write(new BatchRecords.FundSummary(1_000_000, 20_000, 20_000,
                8_000, 4000, 8_000)));
        files.put(BatchRecords.AID_LEDGER, s -> { });
        BatchWriter.Header h = new BatchWriter.Header(UUID.randomUUID().toString(), "ORG1", "测试工会",
                YearMonth.of(2026, 11), seq, prev, OffsetDateTime.parse("2026-11-23T10:00:00+08:00"), "test");
        return BatchWriter.write(dir, h, files, key);
    }

    @BeforeEach
    void writePackage() {
        written = sample(dir, OFFICE, 3, "a".repeat(64), true);
        zip = written.file();
    }

    private BatchVerifier.Result verify(Path p) {
        return new BatchVerifier().verify(p, registered(OFFICE));
    }

    private Path bytes(String name, byte[] b) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, b);
        return p;
    }

    @Test
    void writtenPackageVerifiesAndCarriesTheListedFields() throws Exception {
        assertThat(zip.getFileName().toString()).isEqualTo("ORG1-2026-11-0003.zip");
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly("ORG1-2026-11-0003.zip");
        BatchVerifier.Result r = verify(zip);
        assertThat(r.problem()).isNull();
        assertThat(r.sha256()).isEqualTo(written.sha256()).isEqualTo(Sha256.of(zip));
        BatchManifest m = r.manifest();
        assertThat(m.sequence()).isEqualTo(3);
        assertThat(m.previousBatchSha256()).isEqualTo("a".repeat(64));
        assertThat(m.files()).extracting(BatchManifest.FileEntry::name).containsExactly(BatchRecords.MEMBER_CHANGES,
                BatchRecords.MEMBER_SNAPSHOT, BatchRecords.DUES_SUMMARY, BatchRecords.FUND_SUMMARY,
                BatchRecords.AID_LEDGER);
        assertThat(m.files()).extracting(BatchManifest.FileEntry::records).containsExactly(2L, 3L, 2L, 1L, 0L);
        ControlTotals t = m.controlTotals();
        assertThat(t.memberCount()).isEqualTo(3);
        assertThat(t.joined()).isEqualTo(1);
        assertThat(t.left()).isEqualTo(1);
        assertThat(t.duesPaidFen()).isEqualTo(3835);
        assertThat(t.fundRemittedFen()).isEqualTo(8000);
        assertThat(t.aidCases()).isZero();
        String manifest = new String(ZipTamper.read(zip).get(BatchRecords.MANIFEST), StandardCharsets.UTF_8);
        assertThat(manifest.indexOf("\"format\"")).isLessThan(manifest.indexOf("\"batchId\""));
        assertThat(manifest.indexOf("\"files\"")).isLessThan(manifest.indexOf("\"controlTotals\""));
        String line = new String(ZipTamper.read(zip).get(BatchRecords.DUES_SUMMARY), StandardCharsets.UTF_8)
                .split("\n")[0];
        assertThat(line).isEqualTo("{\"department\":\"一车间\",\"members\":2,\"dueMembers\":2,\"dueFen\":5670,"
                + "\"paidMembers\":1,\"paidFen\":2835,\"outstandingFen\":2835}");
    }

    @Test
    void oneChangedByteInAnyFileIsRefusedWithItsReason() {
        for (String name : ZipTamper.read(zip).keySet()) {
            Path t = ZipTamper.tamper(zip, "t-" + name + ".zip", m -> {
                byte[] b = m.get(name).clone();
                if (b.length == 0) {
                    b = new byte[] {'\n'}; // an empty file gains a byte
                } else {
                    b[b.length / 2] ^= 0x01;
                }
                m.put(name, b);
            });
            BatchProblem expected = name.equals(BatchRecords.MANIFEST) || name.equals(BatchRecords.SIGNATURE)
                    ? BatchProblem.BAD_SIGNATURE : BatchProblem.HASH_MISMATCH;
            assertThat(verify(t).problem()).as(name).isEqualTo(expected);
        }
    }

    @Test
    void removedFilesAreNamed() {
        assertThat(verify(ZipTamper.tamper(zip, "r1.zip", m -> m.remove(BatchRecords.DUES_SUMMARY))))
                .extracting(BatchVerifier.Result::problem, BatchVerifier.Result::detail)
                .containsExactly(BatchProblem.MISSING_FILE, BatchRecords.DUES_SUMMARY);
        assertThat(verify(ZipTamper.tamper(zip, "r2.zip", m -> m.remove(BatchRecords.MANIFEST))).problem())
                .isEqualTo(BatchProblem.MANIFEST_MISSING);
        assertThat(verify(ZipTamper.tamper(zip, "r3.zip", m -> m.remove(BatchRecords.SIGNATURE))).problem())
                .isEqualTo(BatchProblem.SIGNATURE_MISSING);
    }

    @Test
    void addedFileIsRefused() {
        BatchVerifier.Result r = verify(ZipTamper.tamper(zip, "a.zip",
                m -> m.put("notes.txt", "hello\n".getBytes(StandardCharsets.UTF_8))));
        assertThat(r.problem()).isEqualTo(BatchProblem.EXTRA_FILE);
        assertThat(r.detail()).isEqualTo("notes.txt");
    }

    @Test
    void anotherKeyIsRefusedWhetherItNamesItselfOrNot() {
        Path other = sample(dir.resolve("o"), OTHER, 3, null, false).file();
        assertThat(verify(other).problem()).isEqualTo(BatchProblem.WRONG_KEY);
        // signed by the other key while claiming the registered key's fingerprint
        Path forged = ZipTamper.tamper(zip, "f.zip", m -> {
            byte[] mb = m.get(BatchRecords.MANIFEST);
            m.put(BatchRecords.SIGNATURE, BatchWriter.signatureFile(Ed25519.sign(OTHER.getPrivate(), mb)));
        });
        assertThat(verify(forged).problem()).isEqualTo(BatchProblem.BAD_SIGNATURE);
        assertThat(new BatchVerifier().verify(zip, org -> Optional.empty()).problem())
                .isEqualTo(BatchProblem.UNKNOWN_OFFICE);
    }

    @Test
    void countsAndControlTotalsAreRecomputedEvenUnderAValidSignature() {
        Path counts = ZipTamper.tamper(zip, "c.zip", m -> {
            byte[] content = m.get(BatchRecords.AID_LEDGER);
            ZipTamper.replaceAndResign(m, BatchRecords.AID_LEDGER, content, 1, null, OFFICE);
        });
        assertThat(verify(counts).problem()).isEqualTo(BatchProblem.COUNT_MISMATCH);
        Path totals = ZipTamper.tamper(zip, "t.zip", m -> {
            byte[] content = "{\"department\":\"一车间\",\"members\":2,\"dueMembers\":2,\"dueFen\":5670,\"paidMembers\":1,\"paidFen\":9999,\"outstandingFen\":2835}\n{\"department\":\"二车间\",\"members\":1,\"dueMembers\":1,\"dueFen\":1000,\"paidMembers\":1,\"paidFen\":1000,\"outstandingFen\":0}\n"
                    .getBytes(StandardCharsets.UTF_8);
            ZipTamper.replaceAndResign(m, BatchRecords.DUES_SUMMARY, content, 2, null, OFFICE);
        });
        BatchVerifier.Result r = verify(totals);
        assertThat(r.problem()).isEqualTo(BatchProblem.CONTROL_TOTALS);
        assertThat(r.detail()).contains("duesPaidFen 3835 != 10999");
        Path bad = ZipTamper.tamper(zip, "b.zip", m -> ZipTamper.replaceAndResign(m, BatchRecords.AID_LEDGER,
                "not json\n".getBytes(StandardCharsets.UTF_8), 1, null, OFFICE));
        assertThat(verify(bad).problem()).isEqualTo(BatchProblem.BAD_RECORD);
    }

    @Test
    void everyLineOfEveryDataFileIsOneJsonObjectEvenInTheSnapshotThatOnlyCounts() throws Exception {
        String good = new String(ZipTamper.read(zip).get(BatchRecords.MEMBER_SNAPSHOT), StandardCharsets.UTF_8);
        String[] lines = good.split("\n");
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("not json", lines[0] + "\n{\"memberId\":21,\"name\":\"王\n" + lines[2] + "\n");
        bad.put("two values", lines[0] + "\n" + lines[1] + " " + lines[1] + "\n" + lines[2] + "\n");
        bad.put("not an object", lines[0] + "\n[1,2]\n" + lines[2] + "\n");
        bad.put("empty line", lines[0] + "\n\n" + lines[2] + "\n");
        StringBuilder noise = new StringBuilder(); // does not compress like a bomb
        java.util.Random rnd = new java.util.Random(7);
        while (noise.length() <= BatchVerifier.MAX_LINE) {
            noise.append(Long.toHexString(rnd.nextLong()));
        }
        bad.put("too long", lines[0] + "\n{\"x\":\"" + noise + "\"}\n" + lines[2] + "\n");
        for (Map.Entry<String, String> b : bad.entrySet()) {
            Path p = ZipTamper.tamper(zip, "s" + b.getKey().hashCode() + ".zip", m -> ZipTamper.replaceAndResign(m,
                    BatchRecords.MEMBER_SNAPSHOT, b.getValue().getBytes(StandardCharsets.UTF_8), 3, null, OFFICE));
            BatchVerifier.Result r = verify(p);
            assertThat(r.problem()).as(b.getKey()).isEqualTo(BatchProblem.BAD_RECORD);
            assertThat(r.detail()).as(b.getKey()).startsWith(BatchRecords.MEMBER_SNAPSHOT + " line 2: ");
        }
        // the same lines across the inflater's buffer boundaries: a long, valid snapshot verifies
        Path big = sample(dir.resolve("big"), OFFICE, 4, null, 5000).file();
        assertThat(verify(big).problem()).isNull();
    }

    @Test
    void zipBombIsRefusedBeforeAnythingIsInflated() throws Exception {
        Map<String, byte[]> m = ZipTamper.read(zip);
        m.put("bomb.jsonl", new byte[50 << 20]);
        assertThat(verify(bytes("bomb.zip", ZipTamper.write(m))).problem()).isEqualTo(BatchProblem.ZIP_BOMB);
        // a smaller limit set: the actual inflated size counts, whatever the zip declares
        BatchVerifier small = new BatchVerifier(new BatchVerifier.Limits(1 << 20, 16, 10_000, 20_000, 100));
        assertThat(small.verify(zip, registered(OFFICE)).problem()).isIn(BatchProblem.ENTRY_TOO_LARGE,
                BatchProblem.TOTAL_TOO_LARGE, null);
        Map<String, byte[]> many = ZipTamper.read(zip);
        for (int i = 0; i < 20; i++) {
            many.put("x" + i, new byte[1]);
        }
        assertThat(verify(bytes("many.zip", ZipTamper.write(many))).problem()).isEqualTo(BatchProblem.TOO_MANY_ENTRIES);
    }

    @Test
    void pathTraversalAbsolutePathsAndLinksAreRefused() throws Exception {
        for (String evil : new String[] {"../evil.jsonl", "/etc/passwd", "sub/../../x", "C:\\x", "dir/"}) {
            Map<String, byte[]> m = ZipTamper.read(zip);
            m.put(evil, "{}\n".getBytes(StandardCharsets.UTF_8));
            assertThat(verify(bytes("p.zip", ZipTamper.write(m))).problem()).as(evil)
                    .isEqualTo(BatchProblem.UNSAFE_PATH);
        }
        byte[] link = ZipTamper.markAsSymlink(Files.readAllBytes(zip), BatchRecords.AID_LEDGER);
        assertThat(verify(bytes("l.zip", link)).problem()).isEqualTo(BatchProblem.LINK_ENTRY);
        assertThat(verify(bytes("n.zip", "not a zip".getBytes(StandardCharsets.UTF_8))).problem())
                .isEqualTo(BatchProblem.NOT_A_ZIP);
    }
}
