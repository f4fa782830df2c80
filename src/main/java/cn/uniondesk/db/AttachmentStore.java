package cn.uniondesk.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Attachment contents in the data folder, content-addressed: {@code attachments/ab/<sha256>}, where
 * the SHA-256 is of the plain content (the same file added twice is stored once). When the
 * database is encrypted the file is encrypted too: AES-256-GCM with a key derived from the
 * database key (HMAC-SHA256), a random 96-bit nonce per file, and the SHA-256 as associated data,
 * so a file swapped for another fails as surely as an altered one. Every read checks the hash.
 */
public final class AttachmentStore {
    private static final byte[] MAGIC = "UDA1".getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path root;
    private final byte[] key;

    /** @param databaseKey the database's key, or null for an unencrypted (test) data folder */
    public AttachmentStore(Path dataDir, byte[] databaseKey) {
        this.root = dataDir.resolve("attachments");
        this.key = databaseKey == null ? null : derive(databaseKey);
    }

    /** What was stored. */
    public record Stored(String sha256, long size, boolean encrypted) {
    }

    /** The stored content does not match its hash (altered, swapped or damaged), or is missing. */
    public static final class DamagedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean missing;

        DamagedException(String message, boolean missing, Throwable cause) {
            super(message, cause);
            this.missing = missing;
        }

        public boolean missing() {
            return missing;
        }
    }

    public boolean encrypts() {
        return key != null;
    }

    private static byte[] derive(byte[] databaseKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(databaseKey, "HmacSHA256"));
            return mac.doFinal("uniondesk attachments v1".getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    Path pathOf(String sha) {
        if (!sha.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha);
        }
        return root.resolve(sha.substring(0, 2)).resolve(sha);
    }

    /** Stores {@code content} (once per distinct content) and returns its hash. */
    public Stored put(byte[] content) {
        String sha = sha256(content);
        Path target = pathOf(sha);
        try {
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                Path tmp = Files.createTempFile(target.getParent(), sha, ".part");
                try {
                    Files.write(tmp, key == null ? content : encrypt(content, sha));
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Stored(sha, content.length, key != null);
    }

    /**
     * The content stored under {@code sha}, checked against it.
     *
     * @throws DamagedException when the file is missing, altered, swapped or cannot be decrypted
     */
    public byte[] read(String sha, boolean encrypted) {
        Path p = pathOf(sha);
        byte[] raw;
        try {
            raw = Files.readAllBytes(p);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new DamagedException("attachment file missing: " + p, true, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] plain;
        if (encrypted) {
            if (key == null) {
                throw new DamagedException("attachment is encrypted but the database is not: " + p, false, null);
            }
            plain = decrypt(raw, sha, p);
        } else {
            plain = raw;
        }
        if (!sha256(plain).equals(sha)) {
            throw new DamagedException("attachment does not match its SHA-256: " + p, false, null);
        }
        return plain;
    }

    private byte[] encrypt(byte[] content, String sha) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(sha.getBytes(StandardCharsets.US_ASCII));
            byte[] ct = c.doFinal(content);
            byte[] out = new byte[MAGIC.length + NONCE_BYTES + ct.length];
            System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
            System.arraycopy(nonce, 0, out, MAGIC.length, NONCE_BYTES);
            System.arraycopy(ct, 0, out, MAGIC.length + NONCE_BYTES, ct.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] decrypt(byte[] raw, String sha, Path p) {
        if (raw.length < MAGIC.length + NONCE_BYTES + TAG_BITS / 8
                || !Arrays.equals(Arrays.copyOf(raw, MAGIC.length), MAGIC)) {
            throw new DamagedException("attachment is not an encrypted UnionDesk file: " + p, false, null);
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(TAG_BITS, raw, MAGIC.length, NONCE_BYTES));
            c.updateAAD(sha.getBytes(StandardCharsets.US_ASCII));
            return c.doFinal(raw, MAGIC.length + NONCE_BYTES, raw.length - MAGIC.length - NONCE_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new DamagedException("attachment fails its integrity check: " + p, false, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
