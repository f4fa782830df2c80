package cn.uniondesk.service;

import cn.uniondesk.db.IntakeDatabase;
import cn.uniondesk.db.IntakeRepository;
import cn.uniondesk.sync.BatchJson;
import cn.uniondesk.sync.BatchManifest;
import cn.uniondesk.sync.BatchProblem;
import cn.uniondesk.sync.BatchVerifier;
import cn.uniondesk.sync.BatchWriter;
import cn.uniondesk.sync.ControlTotals;
import cn.uniondesk.sync.Ed25519;
import cn.uniondesk.sync.IntakeServer;
import cn.uniondesk.sync.KeyFile;
import cn.uniondesk.sync.Receipt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The upper level's intake (上级工会): registers offices' public keys, takes packages (HTTPS or a
 * USB file), verifies them with the same {@link BatchVerifier} as the office, applies the rules —
 * the same batch id with the same hash gets its original receipt; the same id with other content,
 * an older sequence (replay) or a broken chain is refused; a sequence gap is held until the
 * missing batch arrives — stores accepted packages atomically (file first, then one transaction),
 * signs receipts with its own Ed25519 key, and sums the figures across offices.
 *
 * <p>It runs in its own process and store, without the office's accounts: the operator of the
 * store folder is the only user (the folder's file permissions are the access control).
 */
public final class IntakeService implements IntakeServer.Endpoint, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IntakeService.class);
    public static final String KEY_FILE = "intake-signing.key";
    public static final String PUBLIC_KEY_FILE = "intake-public-key.json";

    private final Path store;
    private final IntakeDatabase db;
    private final IntakeRepository repo;
    private final Clock clock;
    private final KeyPair key;
    private final BatchVerifier verifier;
    /** Seals the store's files when its database is encrypted; null otherwise. */
    private final IntakeFileSeal seal;

    private IntakeService(Path store, IntakeDatabase db, Clock clock, BatchVerifier verifier) {
        this.store = store;
        this.db = db;
        this.repo = new IntakeRepository(db);
        this.clock = clock;
        this.seal = db.fileKey().map(k -> {
            IntakeFileSeal s = new IntakeFileSeal(k);
            java.util.Arrays.fill(k, (byte) 0);
            return s;
        }).orElse(null);
        this.key = loadOrCreateKey(store, seal);
        this.verifier = verifier;
        if (seal != null) {
            sealPlainPackages();
        }
    }

    /** True when the store is encrypted at rest: its database, its packages and its signing key. */
    public boolean encrypted() {
        return seal != null;
    }

    /** The store in {@code store}: embedded H2 there, unless {@code jdbcUrl} names another database. */
    public static IntakeService open(Path store, String jdbcUrl, String user, String password, Clock clock) {
        return open(store, jdbcUrl == null ? IntakeDatabase.open(store) : IntakeDatabase.open(jdbcUrl, user, password),
                clock);
    }

    /**
     * The embedded store in {@code store}, encrypted at rest under a key that {@code storePassword}
     * unlocks (a new store is created encrypted; an unencrypted one is encrypted in place).
     */
    public static IntakeService openEncrypted(Path store, char[] storePassword, Clock clock) {
        return open(store, IntakeDatabase.openEncrypted(store, storePassword), clock);
    }

    /**
     * The rows in the database at {@code jdbcUrl} (PostgreSQL), the store folder's packages and
     * signing key sealed under the key {@code storePassword} unlocks.
     */
    public static IntakeService openWithSealedStore(Path store, String jdbcUrl, String user, String password,
            char[] storePassword, Clock clock) {
        return open(store, IntakeDatabase.openWithSealedStore(jdbcUrl, user, password, store, storePassword), clock);
    }

    private static IntakeService open(Path store, IntakeDatabase db, Clock clock) {
        try {
            return new IntakeService(store, db, clock, new BatchVerifier());
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    public static IntakeService open(Path store, Clock clock) {
        return open(store, null, null, null, clock);
    }

    public Path store() {
        return store;
    }

    // --- keys ---------------------------------------------------------------------------------

    private static KeyPair loadOrCreateKey(Path store, IntakeFileSeal seal) {
        Path priv = store.resolve(KEY_FILE);
        Path sealed = IntakeFileSeal.sealedName(priv);
        try {
            Files.createDirectories(store);
            byte[] encoded = null;
            if (Files.exists(sealed)) {
                if (seal == null) {
                    throw new IllegalStateException("the intake's signing key is sealed but the store is not encrypted: "
                            + sealed);
                }
                encoded = seal.read(sealed);
            } else if (Files.exists(priv)) {
                encoded = Files.readString(priv, StandardCharsets.US_ASCII).strip().getBytes(StandardCharsets.US_ASCII);
                if (seal != null) {
                    // the store became encrypted: the key is sealed too, the plain copy goes
                    seal.write(priv, encoded);
                    Files.delete(priv);
                    LOG.info("Intake signing key sealed in {}", store);
                }
            }
            if (encoded != null) {
                java.security.PrivateKey pk = Ed25519.privateKey(Base64.getDecoder()
                        .decode(new String(encoded, StandardCharsets.US_ASCII).strip()));
                KeyFile pub = KeyFile.read(store.resolve(PUBLIC_KEY_FILE));
                return new KeyPair(pub.key(), pk);
            }
            KeyPair kp = Ed25519.generate();
            byte[] text = (Base64.getEncoder().encodeToString(kp.getPrivate().getEncoded()) + "\n")
                    .getBytes(StandardCharsets.US_ASCII);
            Path written = seal != null ? seal.write(priv, text) : priv;
            if (seal == null) {
                BatchWriter.writeAtomically(priv, text);
            }
            try {
                Files.setPosixFilePermissions(written,
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system (Windows): the folder's ACL applies
            }
            KeyFile.of("intake", "intake", kp.getPublic()).write(store.resolve(PUBLIC_KEY_FILE));
            LOG.info("Intake signing key created in {}", store);
            return kp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Packages stored before the store was encrypted are sealed now (their rows follow). */
    private void sealPlainPackages() {
        int n = 0;
        for (IntakeRepository.StoredBatch b : repo.all()) {
            Path p = Path.of(b.filePath());
            if (IntakeFileSeal.isSealed(p) || !Files.exists(p)) {
                continue;
            }
            Path sealedFile = seal.write(p, read(p));
            db.inTransaction(() -> {
                repo.setFilePath(b.batchId(), sealedFile.toString());
                return null;
            });
            try {
                Files.delete(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            n++;
        }
        if (n > 0) {
            LOG.info("Sealed {} packages stored before the intake store was encrypted", n);
        }
    }

    /** Writes a package into the store (sealed when encrypted); returns where it went. */
    private Path storeFile(Path target, byte[] content) {
        if (seal != null) {
            return seal.write(target, content);
        }
        BatchWriter.writeAtomically(target, content);
        return target;
    }

    /** A stored package's bytes, as received. */
    private byte[] readStored(Path p) {
        return IntakeFileSeal.isSealed(p) ? requireSeal(p).read(p) : read(p);
    }

    private IntakeFileSeal requireSeal(Path p) {
        if (seal == null) {
            throw new IllegalStateException("a sealed package in a store opened without its password: " + p);
        }
        return seal;
    }

    /** A stored package's bytes (opened when sealed), e.g. to look into what an office sent. */
    public byte[] storedPackage(String batchId) {
        IntakeRepository.StoredBatch b = repo.batch(batchId)
                .orElseThrow(() -> new IllegalArgumentException("no stored batch " + batchId));
        return readStored(Path.of(b.filePath()));
    }

    /** The intake's public key file, for the offices ({@code batch config --intake-key FILE}). */
    public KeyFile publicKey() {
        return KeyFile.of("intake", "intake", key.getPublic());
    }

    /** Registers (or re-registers) an office's public key; the org code comes from the file unless given. */
    public IntakeRepository.Office registerOffice(Path keyFile, String orgCode) {
        KeyFile k = KeyFile.read(keyFile);
        String org = orgCode != null ? orgCode : k.orgCode();
        if (org == null || !org.matches("[0-9A-Za-z]{1,32}")) {
            throw new RuleViolationException("intake.badOrgCode", String.valueOf(org));
        }
        IntakeRepository.Office o = new IntakeRepository.Office(org, k.name(), k.publicKey(),
                Ed25519.fingerprintHex(k.key()), LocalDateTime.now(clock));
        db.inTransaction(() -> {
            repo.saveOffice(o);
            return null;
        });
        return o;
    }

    public List<IntakeRepository.Office> offices() {
        return repo.offices();
    }

    // --- taking a package ---------------------------------------------------------------------

    /** A package from a USB stick; when accepted, its receipt file is written to {@code receiptDir}. */
    public record Imported(IntakeServer.Answer answer, Path receiptFile) {
    }

    public Imported importFile(Path file, Path receiptDir) {
        IntakeServer.Answer a = submit(file, "file");
        Path out = null;
        if (a.receipt() != null && receiptDir != null) {
            out = receiptDir.resolve(file.getFileName() + Receipt.SUFFIX);
            BatchWriter.writeAtomically(out, a.receipt().toJson().getBytes(StandardCharsets.UTF_8));
        }
        return new Imported(a, out);
    }

    @Override
    public synchronized IntakeServer.Answer submit(Path file, String source) {
        BatchVerifier.Result v = verifier.verify(file, org -> repo.office(org)
                .map(o -> Ed25519.publicKey(Base64.getDecoder().decode(o.publicKey()))));
        if (!v.ok()) {
            return refuse(v.manifest(), v.sha256() == null ? "" : v.sha256(), v.problem(), v.detail(), source);
        }
        BatchManifest m = v.manifest();
        // one transaction, the office's row locked: another intake process on the same PostgreSQL
        // database (intake import while intake serve runs) waits instead of racing on the sequence
        return db.inTransaction(() -> {
            repo.lockOffice(m.orgCode());
            return decide(m, v, file, source);
        });
    }

    private IntakeServer.Answer decide(BatchManifest m, BatchVerifier.Result v, Path file, String source) {
        Optional<IntakeRepository.StoredBatch> existing = repo.batch(m.batchId());
        if (existing.isPresent()) {
            IntakeRepository.StoredBatch e = existing.get();
            if (!e.sha256().equals(v.sha256())) {
                return refuse(m, v.sha256(), BatchProblem.DUPLICATE_ID_CONFLICT, m.batchId(), source);
            }
            if ("ACCEPTED".equals(e.state())) {
                return IntakeServer.Answer.accepted(Receipt.parse(e.receiptJson()));
            }
            return IntakeServer.Answer.held(BatchProblem.valueOf(e.heldReason()), e.heldDetail());
        }
        Optional<IntakeRepository.StoredBatch> last = repo.lastAccepted(m.orgCode());
        long lastSeq = last.map(IntakeRepository.StoredBatch::seq).orElse(0L);
        if (m.sequence() <= lastSeq) {
            return refuse(m, v.sha256(), BatchProblem.REPLAYED_OLDER, m.sequence() + "/" + lastSeq, source);
        }
        if (m.sequence() > lastSeq + 1) {
            Path held = storeFile(store.resolve("held").resolve(m.orgCode()).resolve(m.fileName()), read(file));
            String detail = Long.toString(lastSeq + 1);
            db.inTransaction(() -> {
                repo.insert(row(m, v.sha256(), "HELD", BatchProblem.SEQUENCE_GAP.name(), detail, held, null, null));
                return null;
            });
            LOG.info("Held {} from {}: sequence {} while {} is expected", m.fileName(), m.orgCode(), m.sequence(),
                    lastSeq + 1);
            return IntakeServer.Answer.held(BatchProblem.SEQUENCE_GAP, detail);
        }
        if (!Objects.equals(m.previousBatchSha256(), last.map(IntakeRepository.StoredBatch::sha256).orElse(null))) {
            return refuse(m, v.sha256(), BatchProblem.CHAIN_BROKEN, m.sequence() + "", source);
        }
        Receipt r = accept(m, v.sha256(), read(file), null);
        releaseHeld(m.orgCode());
        return IntakeServer.Answer.accepted(r);
    }

    /** Stores the file under its final name (temp, forced, renamed), then the row and receipt in one transaction. */
    private Receipt accept(BatchManifest m, String sha, byte[] content, String heldBatchId) {
        Path target = storeFile(store.resolve("batches").resolve(m.orgCode()).resolve(m.fileName()), content);
        return db.inTransaction(() -> {
            LocalDateTime now = LocalDateTime.now(clock);
            String no = String.format("R%d-%06d", now.getYear(), repo.next("receipt-" + now.getYear()));
            Receipt r = Receipt.sign(no, m.batchId(), sha, m.orgCode(), m.period(), m.sequence(),
                    OffsetDateTime.now(clock).toString(), key);
            if (heldBatchId != null) {
                repo.accept(heldBatchId, target.toString(), now, no, r.toJson());
            } else {
                repo.insert(row(m, sha, "ACCEPTED", null, null, target, no, r.toJson()));
            }
            LOG.info("Accepted {} from {} (sequence {}), receipt {}", m.fileName(), m.orgCode(), m.sequence(), no);
            return r;
        });
    }

    /** Accepts held batches that now follow the chain, in order. */
    private void releaseHeld(String org) {
        boolean progress = true;
        while (progress) {
            progress = false;
            IntakeRepository.StoredBatch last = repo.lastAccepted(org).orElseThrow();
            for (IntakeRepository.StoredBatch h : repo.held(org)) {
                if (h.seq() == last.seq() + 1 && Objects.equals(h.prevSha256(), last.sha256())) {
                    Path heldFile = Path.of(h.filePath());
                    BatchManifest m;
                    try {
                        m = BatchJson.MAPPER.readValue(h.manifestJson(), BatchManifest.class);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    accept(m, h.sha256(), readStored(heldFile), h.batchId());
                    try {
                        Files.deleteIfExists(heldFile);
                    } catch (IOException e) {
                        LOG.warn("Could not remove released file {}", heldFile, e);
                    }
                    progress = true;
                    break;
                }
            }
        }
    }

    private IntakeServer.Answer refuse(BatchManifest m, String sha, BatchProblem p, String detail, String source) {
        LOG.warn("Refused {} ({}): {} {}", m == null ? "package" : m.fileName(), source, p, detail);
        db.inTransaction(() -> {
            repo.refusal(LocalDateTime.now(clock), m == null ? null : m.orgCode(), m == null ? null : m.batchId(), sha,
                    p.name(), detail, source);
            return null;
        });
        return IntakeServer.Answer.refused(p, detail);
    }

    private IntakeRepository.StoredBatch row(BatchManifest m, String sha, String state, String heldReason,
            String heldDetail, Path file, String receiptNo, String receiptJson) {
        ControlTotals t = m.controlTotals();
        LocalDateTime now = LocalDateTime.now(clock);
        String manifestJson;
        try {
            manifestJson = BatchJson.MAPPER.writeValueAsString(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new IntakeRepository.StoredBatch(m.batchId(), m.orgCode(), m.period(), m.sequence(), sha,
                m.previousBatchSha256(), state, heldReason, heldDetail, file.toString(), now,
                receiptNo == null ? null : now, receiptNo, receiptJson, manifestJson,
                new IntakeRepository.Figures(t.memberCount(), t.joined(), t.left(), t.duesDueFen(), t.duesPaidFen(),
                        t.duesOutstandingFen(), t.fundPayrollFen(), t.fundReceivedFen(), t.fundRemittedFen(),
                        t.aidCases(), t.aidPaidFen()));
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- reading --------------------------------------------------------------------------------

    public List<IntakeRepository.StoredBatch> batches() {
        return repo.all();
    }

    public int refusals() {
        return repo.countRefusals();
    }

    /** One office's line of the month: its latest accepted batch, or none (not yet reported). */
    public record SummaryLine(String orgCode, String name, Long sequence, String receiptNo,
            IntakeRepository.Figures figures) {
    }

    /** Consolidated figures of a month across offices, and the totals. */
    public record Summary(YearMonth month, List<SummaryLine> lines, IntakeRepository.Figures totals, int reported,
            int offices) {
    }

    public Summary summary(YearMonth month) {
        List<IntakeRepository.StoredBatch> latest = repo.latestAccepted(month.toString());
        java.util.Map<String, IntakeRepository.StoredBatch> byOrg = new java.util.HashMap<>();
        latest.forEach(b -> byOrg.put(b.orgCode(), b));
        List<SummaryLine> lines = new ArrayList<>();
        long[] t = new long[11];
        for (IntakeRepository.Office o : repo.offices()) {
            IntakeRepository.StoredBatch b = byOrg.get(o.orgCode());
            if (b == null) {
                lines.add(new SummaryLine(o.orgCode(), o.name(), null, null, null));
                continue;
            }
            IntakeRepository.Figures f = b.figures();
            long[] v = {f.memberCount(), f.joined(), f.left(), f.duesDueFen(), f.duesPaidFen(), f.duesOutstandingFen(),
                f.fundPayrollFen(), f.fundReceivedFen(), f.fundRemittedFen(), f.aidCases(), f.aidPaidFen()};
            for (int i = 0; i < t.length; i++) {
                t[i] += v[i];
            }
            lines.add(new SummaryLine(o.orgCode(), o.name(), b.seq(), b.receiptNo(), f));
        }
        return new Summary(month, List.copyOf(lines), new IntakeRepository.Figures(t[0], t[1], t[2], t[3], t[4], t[5],
                t[6], t[7], t[8], t[9], t[10]), latest.size(), repo.offices().size());
    }

    @Override
    public void close() {
        db.close();
    }
}
