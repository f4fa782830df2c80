package cn.uniondesk.sync;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Test helper: reads a package into name → bytes, changes it, writes it again. */
public final class ZipTamper {
    private ZipTamper() {
    }

    public static Map<String, byte[]> read(Path zip) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                out.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public static byte[] write(Map<String, byte[]> entries) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bos, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bos.toByteArray();
    }

    /** A copy of the package with {@code change} applied to its entries, written beside it under {@code name}. */
    public static Path tamper(Path zip, String name, Consumer<Map<String, byte[]>> change) {
        Map<String, byte[]> m = read(zip);
        change.accept(m);
        Path out = zip.resolveSibling(name);
        try {
            Files.write(out, write(m));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Replaces one data file and rewrites manifest (hash, size, records as given) and signature with {@code key}. */
    public static void replaceAndResign(Map<String, byte[]> m, String file, byte[] content, long records,
            ControlTotals totals, KeyPair key) {
        try {
            BatchManifest old = BatchJson.MAPPER.readValue(m.get(BatchRecords.MANIFEST), BatchManifest.class);
            java.util.List<BatchManifest.FileEntry> files = new java.util.ArrayList<>();
            for (BatchManifest.FileEntry f : old.files()) {
                files.add(f.name().equals(file)
                        ? new BatchManifest.FileEntry(file, records, content.length, Sha256.hex(content)) : f);
            }
            BatchManifest nm = new BatchManifest(old.format(), old.formatVersion(), old.batchId(), old.orgCode(),
                    old.orgName(), old.period(), old.sequence(), old.previousBatchSha256(), old.createdAt(),
                    old.softwareVersion(), old.snapshot(), Ed25519.fingerprintHex(key.getPublic()), files,
                    totals == null ? old.controlTotals() : totals);
            byte[] mb = BatchWriter.manifestBytes(nm);
            m.put(file, content);
            m.put(BatchRecords.MANIFEST, mb);
            m.put(BatchRecords.SIGNATURE, BatchWriter.signatureFile(Ed25519.sign(key.getPrivate(), mb)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Marks an entry in the central directory as a Unix symbolic link (made by Unix, mode 0120777). */
    public static byte[] markAsSymlink(byte[] zip, String name) {
        byte[] b = zip.clone();
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        for (int p = 0; p + 46 < b.length; p++) {
            if (buf.getInt(p) != 0x02014b50) {
                continue;
            }
            int nameLen = Short.toUnsignedInt(buf.getShort(p + 28));
            String n = new String(b, p + 46, nameLen, StandardCharsets.UTF_8);
            if (n.equals(name)) {
                buf.putShort(p + 4, (short) ((3 << 8) | 20));
                buf.putInt(p + 38, 0120777 << 16);
                return b;
            }
        }
        throw new IllegalArgumentException("no entry " + name);
    }
}
