package cn.uniondesk.db;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The database file key, kept only wrapped: for each account, AES-256-GCM under a key derived
 * from that account's password with PBKDF2-HMAC-SHA256 (random salt, ≥ 600,000 iterations).
 * Any account can unlock the database; changing a password re-wraps only that account's copy.
 * A wrong password fails the GCM tag check. Five failures lock the account for five minutes.
 * Stored as {@code keys.json} beside the database (it must be readable before the database is
 * open).
 */
public final class KeyVault {
    public static final String FILE_NAME = "keys.json";
    public static final int DEFAULT_ITERATIONS = 600_000;
    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK_TIME = Duration.ofMinutes(5);
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Why an unlock failed. */
    public enum Failure { UNKNOWN_USER, WRONG_PASSWORD, LOCKED }

    public static final class UnlockException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final Failure failure;
        private final transient Instant lockedUntil;

        public UnlockException(Failure failure, Instant lockedUntil) {
            super(failure.name());
            this.failure = failure;
            this.lockedUntil = lockedUntil;
        }

        public Failure failure() {
            return failure;
        }

        public Instant lockedUntil() {
            return lockedUntil;
        }
    }

    /** One account's wrapped copy of the file key. */
    public static final class Entry {
        public String salt;
        public int iterations;
        public String iv;
        public String wrapped;
        public int failures;
        public Long lockedUntilEpochSecond;
    }

    public static final class Store {
        public int version = 1;
        public Map<String, Entry> accounts = new LinkedHashMap<>();
    }

    private final Path file;
    private final int iterations;

    public KeyVault(Path dataDir) {
        this(dataDir, DEFAULT_ITERATIONS);
    }

    /** Fewer iterations only for tests that create many accounts. */
    public KeyVault(Path dataDir, int iterations) {
        this.file = dataDir.resolve(FILE_NAME);
        this.iterations = iterations;
    }

    public boolean exists() {
        return Files.exists(file);
    }

    public int iterations() {
        return iterations;
    }

    /** A new random file key, wrapped for the first account; refuses when a vault exists. */
    public synchronized byte[] create(String user, char[] password) {
        if (exists()) {
            throw new IllegalStateException("key vault already exists: " + file);
        }
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        Store s = new Store();
        s.accounts.put(user, wrap(key, password));
        save(s);
        return key;
    }

    /** The file key, when {@code password} is right for {@code user} and the account is not locked. */
    public synchronized byte[] unlock(String user, char[] password, Instant now) {
        Store s = load();
        Entry e = s.accounts.get(user);
        if (e == null) {
            throw new UnlockException(Failure.UNKNOWN_USER, null);
        }
        if (e.lockedUntilEpochSecond != null && now.getEpochSecond() < e.lockedUntilEpochSecond) {
            throw new UnlockException(Failure.LOCKED, Instant.ofEpochSecond(e.lockedUntilEpochSecond));
        }
        try {
            byte[] key = unwrap(e, password);
            if (e.failures != 0 || e.lockedUntilEpochSecond != null) {
                e.failures = 0;
                e.lockedUntilEpochSecond = null;
                save(s);
            }
            return key;
        } catch (AEADBadTagException bad) {
            e.failures++;
            Instant until = null;
            if (e.failures >= MAX_FAILURES) {
                until = now.plus(LOCK_TIME);
                e.lockedUntilEpochSecond = until.getEpochSecond();
                e.failures = 0;
            }
            save(s);
            throw new UnlockException(until == null ? Failure.WRONG_PASSWORD : Failure.LOCKED, until);
        }
    }

    /** Adds (or replaces) an account's wrapped copy; the caller holds the file key. */
    public synchronized void put(String user, char[] password, byte[] fileKey) {
        Store s = load();
        s.accounts.put(user, wrap(fileKey, password));
        save(s);
    }

    public synchronized void remove(String user) {
        Store s = load();
        s.accounts.remove(user);
        save(s);
    }

    public synchronized boolean hasAccount(String user) {
        return exists() && load().accounts.containsKey(user);
    }

    private Entry wrap(byte[] key, char[] password) {
        try {
            Entry e = new Entry();
            byte[] salt = new byte[16];
            RANDOM.nextBytes(salt);
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, kek(password, salt, iterations), new GCMParameterSpec(128, iv));
            e.salt = b64(salt);
            e.iterations = iterations;
            e.iv = b64(iv);
            e.wrapped = b64(c.doFinal(key));
            return e;
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static byte[] unwrap(Entry e, char[] password) throws AEADBadTagException {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, kek(password, unb64(e.salt), e.iterations),
                    new GCMParameterSpec(128, unb64(e.iv)));
            return c.doFinal(unb64(e.wrapped));
        } catch (AEADBadTagException bad) {
            throw bad;
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static SecretKeySpec kek(char[] password, byte[] salt, int iterations) throws GeneralSecurityException {
        KeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
        byte[] k = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        try {
            return new SecretKeySpec(k, "AES");
        } finally {
            Arrays.fill(k, (byte) 0);
        }
    }

    private Store load() {
        try {
            return JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), Store.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void save(Store s) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
            Files.writeString(tmp, JSON.writeValueAsString(s), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    private static byte[] unb64(String s) {
        return Base64.getDecoder().decode(s);
    }
}
