package cn.uniondesk.sync;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Base64;

/**
 * A public key as handed over for registration: the office's (to the intake) or the intake's (to
 * the office). JSON: who, algorithm, the X.509 key in base64, and the fingerprint to compare by
 * phone or on paper.
 */
@JsonPropertyOrder({"format", "orgCode", "name", "algorithm", "publicKey", "fingerprint"})
public record KeyFile(String format, String orgCode, String name, String algorithm, String publicKey,
        String fingerprint) {
    public static final String FORMAT = "uniondesk-public-key/1";

    public static KeyFile of(String orgCode, String name, PublicKey key) {
        return new KeyFile(FORMAT, orgCode, name, Ed25519.ALGORITHM,
                Base64.getEncoder().encodeToString(key.getEncoded()), Ed25519.fingerprintGrouped(key));
    }

    public PublicKey key() {
        PublicKey k = Ed25519.publicKey(Base64.getDecoder().decode(publicKey));
        if (fingerprint != null && !Ed25519.fingerprintGrouped(k).equals(fingerprint)) {
            throw new IllegalArgumentException("fingerprint does not match the key");
        }
        return k;
    }

    public void write(Path file) {
        try {
            BatchWriter.writeAtomically(file, (BatchJson.PRETTY.writeValueAsString(this) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IllegalArgumentException when the file is not a key file or the key does not match its fingerprint */
    public static KeyFile read(Path file) {
        try {
            KeyFile k = BatchJson.MAPPER.readValue(Files.readString(file, StandardCharsets.UTF_8), KeyFile.class);
            if (k == null || !FORMAT.equals(k.format()) || k.publicKey() == null) {
                throw new IllegalArgumentException("not a UnionDesk public key file: " + file.getFileName());
            }
            k.key();
            return k;
        } catch (IOException e) {
            throw new IllegalArgumentException("not a UnionDesk public key file: " + file.getFileName(), e);
        }
    }
}
