package cn.uniondesk.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One row of the audit trail: who did what to which entity, the data before and after, and why.
 * {@code hash} is SHA-256 over the previous row's hash and this row's content, so changing,
 * removing or reordering any row breaks the chain from there on.
 */
public record AuditEntry(long id, Instant at, String actor, String action, String entity, String entityId,
        String before, String after, String reason, String prevHash, String hash) {

    /** The hash of the first row's predecessor. */
    public static final String GENESIS = "0".repeat(64);

    public static String computeHash(String prevHash, long id, Instant at, String actor, String action, String entity,
            String entityId, String before, String after, String reason) {
        String content = String.join("\u001f", prevHash, Long.toString(id), at.toString(), actor, action, entity,
                nz(entityId), nz(before), nz(after), nz(reason));
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when this row's hash matches its content and the given predecessor hash. */
    public boolean verifies(String expectedPrev) {
        return prevHash.equals(expectedPrev)
                && hash.equals(computeHash(prevHash, id, at, actor, action, entity, entityId, before, after, reason));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
