package cn.uniondesk.sync;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Checks a package, in this order, and stops at the first failure with its own reason:
 * <ol>
 * <li>zip safety: size, entry count, names (no {@code ..}, no absolute paths, no folders, no
 * backslashes or drive letters), no links, no duplicate names, per-entry and total uncompressed
 * size, and compression ratio, all counted on the bytes actually inflated, not on what the zip
 * declares;</li>
 * <li>manifest present and readable, signature present; the signature against the registered
 * key;</li>
 * <li>every listed file's SHA-256, byte count and record count, every line valid JSON;</li>
 * <li>no file missing, no file extra;</li>
 * <li>the control totals, recomputed from the data.</li>
 * </ol>
 * The same code runs on the office ({@code batch verify}) and in the intake.
 */
public final class BatchVerifier {
    /** Who signs for an org code: the registered public key, or empty when the office is not registered. */
    @FunctionalInterface
    public interface KeyResolver {
        Optional<PublicKey> keyFor(String orgCode);
    }

    /** Caps for untrusted packages. */
    public record Limits(long maxPackageBytes, int maxEntries, long maxEntryBytes, long maxTotalBytes,
            int maxRatio) {
        /** 256 MB package, 16 entries, 512 MB per entry, 1 GB in all, at most 100:1 for entries above 1 MB. */
        public static Limits standard() {
            return new Limits(256L << 20, 16, 512L << 20, 1L << 30, 100);
        }
    }

    /** The result: the problem (null when the package is sound), with detail, and what was learnt. */
    public record Result(BatchProblem problem, String detail, String sha256, long bytes, BatchManifest manifest) {
        public boolean ok() {
            return problem == null;
        }
    }

    static final Set<String> REQUIRED = Set.of(BatchRecords.MEMBER_CHANGES, BatchRecords.DUES_SUMMARY,
            BatchRecords.FUND_SUMMARY, BatchRecords.AID_LEDGER);
    static final Set<String> DATA_FILES = Set.of(BatchRecords.MEMBER_CHANGES, BatchRecords.MEMBER_SNAPSHOT,
            BatchRecords.DUES_SUMMARY, BatchRecords.FUND_SUMMARY, BatchRecords.AID_LEDGER);
    private static final long RATIO_FLOOR = 1L << 20;

    private final Limits limits;

    public BatchVerifier(Limits limits) {
        this.limits = limits;
    }

    public BatchVerifier() {
        this(Limits.standard());
    }

    private static final class Fail extends Exception {
        private static final long serialVersionUID = 1L;
        final BatchProblem problem;
        final String detail;

        Fail(BatchProblem problem, String detail) {
            super(problem + ": " + detail, null, false, false);
            this.problem = problem;
            this.detail = detail;
        }
    }

    /** What was read from one entry. */
    private static final class Entry {
        String sha256;
        long bytes;
        long lines;
        byte[] content; // manifest and signature only
        String badRecord; // found while reading the bytes: no final newline
        String badLine; // found while parsing the lines: the first line that is not a record
    }

    /** What one pass over the entries learnt: each entry, in zip order, and the totals of the data lines. */
    private record Inflated(Map<String, Entry> entries, ControlTotals.Accumulator totals) {
    }

    /** The longest line a data file may hold (a record is a few hundred bytes). */
    static final int MAX_LINE = 1 << 20;

    public Result verify(Path zip, KeyResolver keys) {
        long size;
        try {
            size = Files.size(zip);
        } catch (IOException e) {
            return new Result(BatchProblem.NOT_A_ZIP, zip.getFileName().toString(), null, 0, null);
        }
        if (size > limits.maxPackageBytes()) {
            return new Result(BatchProblem.PACKAGE_TOO_LARGE, Long.toString(size), null, size, null);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(zip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return verify(bytes, keys);
    }

    public Result verify(byte[] bytes, KeyResolver keys) {
        String sha = Sha256.hex(bytes);
        if (bytes.length > limits.maxPackageBytes()) {
            return new Result(BatchProblem.PACKAGE_TOO_LARGE, Long.toString(bytes.length), sha, bytes.length, null);
        }
        BatchManifest manifest = null;
        try {
            Map<String, Long> declared = centralDirectory(bytes);
            Inflated inflated = inflate(bytes, declared);
            Map<String, Entry> entries = inflated.entries();
            Entry m = entries.get(BatchRecords.MANIFEST);
            if (m == null) {
                throw new Fail(BatchProblem.MANIFEST_MISSING, BatchRecords.MANIFEST);
            }
            Entry s = entries.get(BatchRecords.SIGNATURE);
            if (s == null) {
                throw new Fail(BatchProblem.SIGNATURE_MISSING, BatchRecords.SIGNATURE);
            }
            checkSignature(m.content, s.content, keys);
            manifest = readManifest(m.content);
            checkFiles(manifest, entries);
            checkTotals(manifest, entries, inflated.totals());
            return new Result(null, null, sha, bytes.length, manifest);
        } catch (Fail f) {
            return new Result(f.problem, f.detail, sha, bytes.length, manifest);
        }
    }

    // --- 1. zip safety ------------------------------------------------------------------------

    /** Reads the central directory; returns each name with its declared compressed size. */
    private Map<String, Long> centralDirectory(byte[] b) throws Fail {
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int eocd = -1;
        for (int i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
            if (buf.getInt(i) == 0x06054b50) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0) {
            throw new Fail(BatchProblem.NOT_A_ZIP, "no end of central directory");
        }
        int count = Short.toUnsignedInt(buf.getShort(eocd + 10));
        long cdSize = Integer.toUnsignedLong(buf.getInt(eocd + 12));
        long cdOffset = Integer.toUnsignedLong(buf.getInt(eocd + 16));
        if (count == 0xFFFF || cdOffset == 0xFFFFFFFFL || cdOffset + cdSize > eocd) {
            throw new Fail(BatchProblem.NOT_A_ZIP, "central directory out of range");
        }
        if (count > limits.maxEntries()) {
            throw new Fail(BatchProblem.TOO_MANY_ENTRIES, Integer.toString(count));
        }
        Map<String, Long> out = new LinkedHashMap<>();
        int p = (int) cdOffset;
        for (int i = 0; i < count; i++) {
            if (p + 46 > eocd || buf.getInt(p) != 0x02014b50) {
                throw new Fail(BatchProblem.NOT_A_ZIP, "broken central directory");
            }
            int madeBy = Short.toUnsignedInt(buf.getShort(p + 4)) >>> 8;
            long compressed = Integer.toUnsignedLong(buf.getInt(p + 20));
            long uncompressed = Integer.toUnsignedLong(buf.getInt(p + 24));
            int nameLen = Short.toUnsignedInt(buf.getShort(p + 28));
            int extraLen = Short.toUnsignedInt(buf.getShort(p + 30));
            int commentLen = Short.toUnsignedInt(buf.getShort(p + 32));
            long external = Integer.toUnsignedLong(buf.getInt(p + 38));
            if (p + 46 + nameLen > eocd) {
                throw new Fail(BatchProblem.NOT_A_ZIP, "broken central directory");
            }
            String name = new String(b, p + 46, nameLen, StandardCharsets.UTF_8);
            checkName(name);
            int mode = (int) (external >>> 16);
            if (madeBy == 3 && (mode & 0170000) == 0120000) {
                throw new Fail(BatchProblem.LINK_ENTRY, name);
            }
            if (out.containsKey(name)) {
                throw new Fail(BatchProblem.DUPLICATE_ENTRY, name);
            }
            if (uncompressed > limits.maxEntryBytes()) {
                throw new Fail(BatchProblem.ENTRY_TOO_LARGE, name);
            }
            if (uncompressed > RATIO_FLOOR && uncompressed > compressed * limits.maxRatio()) {
                throw new Fail(BatchProblem.ZIP_BOMB, name);
            }
            out.put(name, compressed);
            p += 46 + nameLen + extraLen + commentLen;
        }
        return out;
    }

    private static void checkName(String name) throws Fail {
        if (name.isEmpty() || name.startsWith("/") || name.startsWith("\\") || name.contains("\\")
                || name.contains(":") || name.endsWith("/") || name.contains("\0")) {
            throw new Fail(BatchProblem.UNSAFE_PATH, name);
        }
        for (String part : name.split("/")) {
            if (part.equals("..") || part.equals(".") || part.isEmpty()) {
                throw new Fail(BatchProblem.UNSAFE_PATH, name);
            }
        }
        if (name.contains("/")) {
            // the format has no folders: any path is unexpected
            throw new Fail(BatchProblem.UNSAFE_PATH, name);
        }
    }

    /**
     * Inflates every entry once, with hard caps on what actually comes out; hashes and counts the
     * bytes, and parses each line of the data files into the control totals as it passes. Problems
     * found in the lines are only noted here: they are reported at their own step, after the
     * signature, hashes and file list have been checked.
     */
    private Inflated inflate(byte[] bytes, Map<String, Long> declared) throws Fail {
        Map<String, Entry> out = new LinkedHashMap<>();
        ControlTotals.Accumulator totals = new ControlTotals.Accumulator();
        long total = 0;
        try (ZipInputStream zin = new ZipInputStream(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            ZipEntry ze;
            byte[] buf = new byte[1 << 16];
            while ((ze = zin.getNextEntry()) != null) {
                String name = ze.getName();
                checkName(name);
                if (!declared.containsKey(name)) {
                    throw new Fail(BatchProblem.NOT_A_ZIP, "entry not in central directory: " + name);
                }
                if (out.containsKey(name)) {
                    throw new Fail(BatchProblem.DUPLICATE_ENTRY, name);
                }
                long compressed = Math.max(1, declared.get(name));
                Entry e = new Entry();
                MessageDigest d = Sha256.digest();
                boolean keep = name.equals(BatchRecords.MANIFEST) || name.equals(BatchRecords.SIGNATURE);
                boolean parse = DATA_FILES.contains(name);
                java.io.ByteArrayOutputStream kept = keep ? new java.io.ByteArrayOutputStream() : null;
                Lines lines = parse ? new Lines(name, totals, e) : null;
                int last = '\n';
                int n;
                while ((n = zin.read(buf)) > 0) {
                    e.bytes += n;
                    total += n;
                    if (e.bytes > limits.maxEntryBytes()) {
                        throw new Fail(BatchProblem.ENTRY_TOO_LARGE, name);
                    }
                    if (total > limits.maxTotalBytes()) {
                        throw new Fail(BatchProblem.TOTAL_TOO_LARGE, Long.toString(total));
                    }
                    if (e.bytes > RATIO_FLOOR && e.bytes > compressed * limits.maxRatio()) {
                        throw new Fail(BatchProblem.ZIP_BOMB, name);
                    }
                    if (keep && e.bytes > (1 << 20)) {
                        throw new Fail(BatchProblem.ENTRY_TOO_LARGE, name);
                    }
                    d.update(buf, 0, n);
                    if (kept != null) {
                        kept.write(buf, 0, n);
                    }
                    if (lines != null) {
                        lines.feed(buf, n);
                    } else {
                        for (int i = 0; i < n; i++) {
                            if (buf[i] == '\n') {
                                e.lines++;
                            }
                        }
                    }
                    last = buf[n - 1];
                }
                if (parse && last != '\n') {
                    e.badRecord = "no final newline";
                }
                e.sha256 = Sha256.hex(d);
                e.content = kept == null ? null : kept.toByteArray();
                out.put(name, e);
            }
        } catch (IOException ex) {
            throw new Fail(BatchProblem.NOT_A_ZIP, String.valueOf(ex.getMessage()));
        }
        if (!out.keySet().equals(declared.keySet())) {
            throw new Fail(BatchProblem.NOT_A_ZIP, "local entries differ from the central directory");
        }
        return new Inflated(out, totals);
    }

    /**
     * Splits a data file's bytes into lines as they are inflated and parses each one: a line must be
     * exactly one JSON object. Lines of the snapshot add only their count to the totals, so they are
     * checked token by token without a tree; the other files' lines are read as trees into the
     * totals. Counts every newline; keeps the first bad line's reason.
     */
    private static final class Lines {
        private final String file;
        private final ControlTotals.Accumulator totals;
        private final Entry entry;
        private final boolean tree;
        private byte[] partial = new byte[256];
        private int partialLen;
        private boolean tooLong;

        Lines(String file, ControlTotals.Accumulator totals, Entry entry) {
            this.file = file;
            this.totals = totals;
            this.entry = entry;
            this.tree = !file.equals(BatchRecords.MEMBER_SNAPSHOT);
        }

        void feed(byte[] buf, int n) {
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (buf[i] != '\n') {
                    continue;
                }
                entry.lines++;
                if (partialLen > 0 || tooLong) {
                    append(buf, start, i - start);
                    line(partial, 0, partialLen);
                    partialLen = 0;
                    tooLong = false;
                } else {
                    line(buf, start, i - start);
                }
                start = i + 1;
            }
            if (start < n) {
                append(buf, start, n - start);
            }
        }

        private void append(byte[] buf, int off, int len) {
            if (tooLong || partialLen + len > MAX_LINE) {
                tooLong = true;
                return;
            }
            if (partialLen + len > partial.length) {
                partial = java.util.Arrays.copyOf(partial, Math.min(MAX_LINE, Math.max(partial.length * 2,
                        partialLen + len)));
            }
            System.arraycopy(buf, off, partial, partialLen, len);
            partialLen += len;
        }

        private void line(byte[] b, int off, int len) {
            if (entry.badLine != null) {
                return; // the first bad line is the one reported; the rest are only counted
            }
            String problem;
            if (tooLong) {
                problem = "longer than " + MAX_LINE + " bytes";
            } else {
                try (JsonParser p = BatchJson.MAPPER.createParser(b, off, len)) {
                    if (p.nextToken() != JsonToken.START_OBJECT) {
                        problem = "not a JSON object";
                    } else if (tree) {
                        ObjectNode node = BatchJson.MAPPER.readTree(p);
                        problem = p.nextToken() != null ? "more than one value" : null;
                        if (problem == null) {
                            totals.accept(file, node);
                        }
                    } else {
                        p.skipChildren();
                        problem = p.nextToken() != null ? "more than one value" : null;
                        if (problem == null) {
                            totals.accept(file, null);
                        }
                    }
                } catch (IOException | IllegalArgumentException e) {
                    problem = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
                }
            }
            if (problem != null) {
                entry.badLine = file + " line " + entry.lines + ": " + problem;
            }
        }
    }

    // --- 2. manifest and signature -----------------------------------------------------------

    private static BatchManifest readManifest(byte[] content) throws Fail {
        BatchManifest m;
        try {
            m = BatchJson.MAPPER.readValue(content, BatchManifest.class);
        } catch (IOException e) {
            throw new Fail(BatchProblem.MANIFEST_INVALID, "not JSON");
        }
        if (m == null || !BatchManifest.FORMAT.equals(m.format())) {
            throw new Fail(BatchProblem.MANIFEST_INVALID, "format");
        }
        if (m.formatVersion() != BatchManifest.VERSION) {
            throw new Fail(BatchProblem.UNSUPPORTED_VERSION, Integer.toString(m.formatVersion()));
        }
        if (m.batchId() == null || !m.batchId().matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                || m.orgCode() == null || !m.orgCode().matches("[0-9A-Za-z]{1,32}") || m.period() == null
                || !m.period().matches("\\d{4}-\\d{2}") || m.sequence() < 1 || m.files() == null
                || m.controlTotals() == null || m.keyFingerprint() == null
                || (m.previousBatchSha256() != null && !Sha256.isHex(m.previousBatchSha256()))) {
            throw new Fail(BatchProblem.MANIFEST_INVALID, "fields");
        }
        Set<String> names = new java.util.HashSet<>();
        for (BatchManifest.FileEntry f : m.files()) {
            if (f == null || f.name() == null || !DATA_FILES.contains(f.name()) || !names.add(f.name())
                    || !Sha256.isHex(f.sha256()) || f.records() < 0 || f.bytes() < 0) {
                throw new Fail(BatchProblem.MANIFEST_INVALID, f == null ? "file" : String.valueOf(f.name()));
            }
        }
        if (!names.containsAll(REQUIRED) || names.contains(BatchRecords.MEMBER_SNAPSHOT) != m.snapshot()) {
            throw new Fail(BatchProblem.MANIFEST_INVALID, "files");
        }
        return m;
    }

    /**
     * The org code and fingerprint are read from the manifest before it is trusted, only to find
     * the registered key; the signature is then checked over the manifest's exact bytes.
     */
    private static void checkSignature(byte[] manifestBytes, byte[] sigFile, KeyResolver keys) throws Fail {
        JsonNode tree;
        try {
            tree = BatchJson.MAPPER.readTree(manifestBytes);
        } catch (IOException e) {
            tree = null;
        }
        String org = tree != null && tree.path("orgCode").isTextual() ? tree.path("orgCode").asText() : null;
        if (org == null) {
            // a damaged manifest: the signature decides, if the org code can still be found
            java.util.regex.Matcher mm = java.util.regex.Pattern.compile("\"orgCode\"\\s*:\\s*\"([0-9A-Za-z]{1,32})\"")
                    .matcher(new String(manifestBytes, StandardCharsets.UTF_8));
            if (!mm.find()) {
                throw new Fail(BatchProblem.MANIFEST_INVALID, "not JSON");
            }
            org = mm.group(1);
        }
        Optional<PublicKey> key = keys.keyFor(org);
        if (key.isEmpty()) {
            throw new Fail(BatchProblem.UNKNOWN_OFFICE, org);
        }
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(new String(sigFile, StandardCharsets.US_ASCII).strip());
        } catch (IllegalArgumentException e) {
            sig = new byte[0];
        }
        if (!Ed25519.verify(key.get(), manifestBytes, sig)) {
            String claimed = tree == null ? "" : tree.path("keyFingerprint").asText("");
            if (tree != null && !Ed25519.fingerprintHex(key.get()).equals(claimed)) {
                throw new Fail(BatchProblem.WRONG_KEY, Ed25519.group(claimed));
            }
            throw new Fail(BatchProblem.BAD_SIGNATURE, BatchRecords.MANIFEST);
        }
    }

    // --- 3./4. files --------------------------------------------------------------------------

    private static void checkFiles(BatchManifest m, Map<String, Entry> entries) throws Fail {
        List<String> missing = new ArrayList<>();
        for (BatchManifest.FileEntry f : m.files()) {
            Entry e = entries.get(f.name());
            if (e == null) {
                missing.add(f.name());
                continue;
            }
            if (!e.sha256.equals(f.sha256()) || e.bytes != f.bytes()) {
                throw new Fail(BatchProblem.HASH_MISMATCH, f.name());
            }
            if (e.lines != f.records()) {
                throw new Fail(BatchProblem.COUNT_MISMATCH, f.name());
            }
            if (e.badRecord != null) {
                throw new Fail(BatchProblem.BAD_RECORD, f.name() + " " + e.badRecord);
            }
        }
        if (!missing.isEmpty()) {
            throw new Fail(BatchProblem.MISSING_FILE, String.join(", ", missing));
        }
        Set<String> listed = new java.util.HashSet<>();
        m.files().forEach(f -> listed.add(f.name()));
        for (String name : entries.keySet()) {
            if (!listed.contains(name) && !name.equals(BatchRecords.MANIFEST) && !name.equals(BatchRecords.SIGNATURE)) {
                throw new Fail(BatchProblem.EXTRA_FILE, name);
            }
        }
    }

    // --- 5. control totals ------------------------------------------------------------------

    private static void checkTotals(BatchManifest m, Map<String, Entry> entries, ControlTotals.Accumulator acc)
            throws Fail {
        if (m.snapshot()) {
            acc.snapshotPresent();
        }
        for (Map.Entry<String, Entry> e : entries.entrySet()) { // zip order: the first bad line is reported
            if (e.getValue().badLine != null) {
                throw new Fail(BatchProblem.BAD_RECORD, e.getValue().badLine);
            }
        }
        ControlTotals actual = acc.totals();
        if (!actual.equals(m.controlTotals())) {
            throw new Fail(BatchProblem.CONTROL_TOTALS, differences(m.controlTotals(), actual));
        }
        if (actual.snapshotMembers() != null && actual.snapshotMembers() != actual.memberCount()) {
            throw new Fail(BatchProblem.CONTROL_TOTALS, "snapshotMembers " + actual.snapshotMembers()
                    + " != memberCount " + actual.memberCount());
        }
    }

    private static String differences(ControlTotals declared, ControlTotals actual) {
        JsonNode a = BatchJson.MAPPER.valueToTree(declared);
        JsonNode b = BatchJson.MAPPER.valueToTree(actual);
        List<String> out = new ArrayList<>();
        a.fieldNames().forEachRemaining(f -> {
            if (!a.get(f).equals(b.get(f))) {
                out.add(f + " " + a.get(f) + " != " + b.get(f));
            }
        });
        return String.join("; ", out);
    }
}
