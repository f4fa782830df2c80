package cn.uniondesk.service;

import cn.uniondesk.sync.BatchWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The files of an encrypted intake store (received packages, held packages, the signing key):
 * AES-256-GCM under a key derived from the store's database file key with HMAC-SHA256 (label
 * {@value #LABEL}); the file's name (without {@value #SUFFIX}) is the associated data, so a sealed
 * file renamed to another batch's name does not open. Layout: the ASCII magic {@code UDSEAL1\n},
 * a 12-byte random nonce, the ciphertext with its 16-byte tag. The package's SHA-256, signature and
 * receipt are those of the plain bytes: sealing changes nothing an office sees.
 */
final class IntakeFileSeal {
    static final String LABEL = "uniondesk intake files v1";
    static final String SUFFIX = ".sealed";
    private static final byte[] MAGIC = "UDSEAL1\n".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeySpec key;

    IntakeFileSeal(byte[] databaseKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(databaseKey, "HmacSHA256"));
            byte[] k = mac.doFinal(LABEL.getBytes(StandardCharsets.US_ASCII));
            this.key = new SecretKeySpec(k, "AES");
            Arrays.fill(k, (byte) 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The name a plain file gets when sealed. */
    static Path sealedName(Path plain) {
        return plain.resolveSibling(plain.getFileName() + SUFFIX);
    }

    static boolean isSealed(Path p) {
        return p.getFileName().toString().endsWith(SUFFIX);
    }

    private static byte[] aad(Path sealed) {
        String n = sealed.getFileName().toString();
        return n.substring(0, n.length() - SUFFIX.length()).getBytes(StandardCharsets.UTF_8);
    }

    /** Writes {@code plain} sealed to {@code plainTarget + .sealed} (temp, forced, renamed); returns that path. */
    Path write(Path plainTarget, byte[] plain) {
        Path target = sealedName(plainTarget);
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            c.updateAAD(aad(target));
            byte[] ct = c.doFinal(plain);
            byte[] out = new byte[MAGIC.length + iv.length + ct.length];
            System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
            System.arraycopy(iv, 0, out, MAGIC.length, iv.length);
            System.arraycopy(ct, 0, out, MAGIC.length + iv.length, ct.length);
            BatchWriter.writeAtomically(target, out);
            return target;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain bytes of a sealed file; a changed or renamed file fails its tag check. */
    byte[] read(Path sealed) {
        try {
            byte[] in = Files.readAllBytes(sealed);
            if (in.length < MAGIC.length + 12 + 16 || !Arrays.equals(Arrays.copyOf(in, MAGIC.length), MAGIC)) {
                throw new IllegalStateException("not a sealed intake file: " + sealed);
            }
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, MAGIC.length, 12));
            c.updateAAD(aad(sealed));
            return c.doFinal(in, MAGIC.length + 12, in.length - MAGIC.length - 12);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("sealed intake file changed or not of this store: " + sealed, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
