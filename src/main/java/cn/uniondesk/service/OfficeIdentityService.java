package cn.uniondesk.service;

import cn.uniondesk.db.Database;
import cn.uniondesk.db.SyncRepository;
import cn.uniondesk.domain.Permission;
import cn.uniondesk.domain.UnionInfo;
import cn.uniondesk.sync.Ed25519;
import cn.uniondesk.sync.KeyFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The office's identity for reporting upward: an Ed25519 key pair made once (at initialisation,
 * or the first time it is needed in a folder from before this feature). The private key is stored
 * only encrypted: AES-256-GCM under a key derived from the database key with HMAC-SHA256 (label
 * {@value #LABEL}); the public key's fingerprint is the associated data. The upper level registers
 * the public key ({@link #exportPublicKey}).
 */
public final class OfficeIdentityService {
    private static final Logger LOG = LoggerFactory.getLogger(OfficeIdentityService.class);
    static final String LABEL = "uniondesk office identity v1";
    /**
     * For the UNENCRYPTED test context only ({@code AppContext.open}): a database without a key
     * gets this fixed key, i.e. no protection. Production folders are always encrypted.
     */
    private static final byte[] UNENCRYPTED_TEST_KEY = "uniondesk-unencrypted-test-context-no-protection"
            .getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The public side: key, fingerprint in groups of four, when it was made. */
    public record Identity(PublicKey publicKey, String fingerprint, LocalDateTime createdAt) {
    }

    private final Database db;
    private final SyncRepository repo;
    private final Session session;
    private final AuditService audit;
    private final Clock clock;
    private final byte[] databaseKey;

    public OfficeIdentityService(Database db, SyncRepository repo, Session session, AuditService audit, Clock clock,
            byte[] databaseKey) {
        this.db = db;
        this.repo = repo;
        this.session = session;
        this.audit = audit;
        this.clock = clock;
        if (databaseKey == null) {
            LOG.warn("Unencrypted database: the office's private key is stored under a fixed test key");
        }
        this.databaseKey = databaseKey == null ? UNENCRYPTED_TEST_KEY : databaseKey.clone();
    }

    /** The identity, made now (and recorded in the audit trail) if the office has none yet. */
    public Identity ensure() {
        session.require(Permission.MEMBER_WRITE);
        return db.inTransaction(() -> {
            Optional<SyncRepository.StoredIdentity> s = repo.identity();
            if (s.isPresent()) {
                return toIdentity(s.get());
            }
            KeyPair kp = Ed25519.generate();
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            String fp = Ed25519.fingerprintHex(kp.getPublic());
            byte[] enc = crypt(Cipher.ENCRYPT_MODE, iv, fp, kp.getPrivate().getEncoded());
            SyncRepository.StoredIdentity stored = new SyncRepository.StoredIdentity(
                    Base64.getEncoder().encodeToString(kp.getPublic().getEncoded()), fp,
                    Base64.getEncoder().encodeToString(enc), Base64.getEncoder().encodeToString(iv),
                    LocalDateTime.now(clock));
            repo.insertIdentity(stored);
            audit.record("IDENTITY_CREATE", "office_identity", "1", null, "Ed25519 " + Ed25519.group(fp), null);
            return toIdentity(stored);
        });
    }

    /** The identity, if one was made. */
    public Optional<Identity> show() {
        session.require(Permission.MEMBER_READ);
        return repo.identity().map(OfficeIdentityService::toIdentity);
    }

    /** Writes the public key file the upper level registers ({@code intake offices add --key FILE}). */
    public KeyFile exportPublicKey(Path out, UnionInfo union) {
        Identity id = ensure();
        KeyFile k = KeyFile.of(union == null ? null : union.orgCode(), union == null ? null : union.name(),
                id.publicKey());
        k.write(out);
        return k;
    }

    /** The key pair for signing: made when missing, the private key decrypted for this use only. */
    KeyPair keyPair() {
        ensure();
        SyncRepository.StoredIdentity s = repo.identity().orElseThrow();
        byte[] pkcs8 = crypt(Cipher.DECRYPT_MODE, Base64.getDecoder().decode(s.iv()), s.fingerprint(),
                Base64.getDecoder().decode(s.privateKeyEnc()));
        try {
            PrivateKey priv = Ed25519.privateKey(pkcs8);
            return new KeyPair(Ed25519.publicKey(Base64.getDecoder().decode(s.publicKey())), priv);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    private static Identity toIdentity(SyncRepository.StoredIdentity s) {
        PublicKey k = Ed25519.publicKey(Base64.getDecoder().decode(s.publicKey()));
        return new Identity(k, Ed25519.fingerprintGrouped(k), s.createdAt());
    }

    private byte[] crypt(int mode, byte[] iv, String fingerprint, byte[] data) {
        byte[] k = null;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(databaseKey, "HmacSHA256"));
            k = mac.doFinal(LABEL.getBytes(StandardCharsets.US_ASCII));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, new SecretKeySpec(k, "AES"), new GCMParameterSpec(128, iv));
            c.updateAAD(fingerprint.getBytes(StandardCharsets.US_ASCII));
            return c.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("office key cannot be " + (mode == Cipher.ENCRYPT_MODE ? "sealed"
                    : "opened") + " with this database's key", e);
        } finally {
            if (k != null) {
                Arrays.fill(k, (byte) 0);
            }
        }
    }
}
