package cn.uniondesk.sync;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Base64;

/**
 * The intake's signed receipt for one batch: number, time, the batch's id and SHA-256, and the
 * intake's Ed25519 signature over {@link #signedText()} (a fixed line format, so the JSON's layout
 * does not matter). The office counts a batch delivered only with a receipt that verifies under
 * the intake's key and names the batch's own hash.
 */
@JsonPropertyOrder({"format", "receiptNo", "batchId", "batchSha256", "orgCode", "period", "sequence", "receivedAt",
    "intakeKeyFingerprint", "signature"})
public record Receipt(String format, String receiptNo, String batchId, String batchSha256, String orgCode,
        String period, long sequence, String receivedAt, String intakeKeyFingerprint, String signature) {

    public static final String FORMAT = "uniondesk-receipt/1";
    /** The file name a receipt gets beside its package: {@code <package>.receipt.json}. */
    public static final String SUFFIX = ".receipt.json";

    public static Receipt sign(String receiptNo, String batchId, String batchSha256, String orgCode, String period,
            long sequence, String receivedAt, KeyPair intakeKey) {
        Receipt unsigned = new Receipt(FORMAT, receiptNo, batchId, batchSha256, orgCode, period, sequence, receivedAt,
                Ed25519.fingerprintHex(intakeKey.getPublic()), null);
        byte[] sig = Ed25519.sign(intakeKey.getPrivate(), unsigned.signedText().getBytes(StandardCharsets.UTF_8));
        return new Receipt(FORMAT, receiptNo, batchId, batchSha256, orgCode, period, sequence, receivedAt,
                unsigned.intakeKeyFingerprint(), Base64.getEncoder().encodeToString(sig));
    }

    /** What is signed: one field per line, in a fixed order. */
    public String signedText() {
        return String.join("\n", FORMAT, "receiptNo=" + receiptNo, "batchId=" + batchId, "batchSha256=" + batchSha256,
                "orgCode=" + orgCode, "period=" + period, "sequence=" + sequence, "receivedAt=" + receivedAt,
                "intakeKeyFingerprint=" + intakeKeyFingerprint) + "\n";
    }

    /** True when the signature verifies under {@code intakeKey} and the receipt is for this batch id and hash. */
    public boolean confirms(PublicKey intakeKey, String expectedBatchId, String expectedSha256) {
        if (!FORMAT.equals(format) || signature == null || !expectedBatchId.equals(batchId)
                || !expectedSha256.equals(batchSha256)) {
            return false;
        }
        try {
            return Ed25519.verify(intakeKey, signedText().getBytes(StandardCharsets.UTF_8),
                    Base64.getDecoder().decode(signature));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public String toJson() {
        try {
            return BatchJson.PRETTY.writeValueAsString(this) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IllegalArgumentException when the text is not a receipt */
    public static Receipt parse(String json) {
        try {
            Receipt r = BatchJson.MAPPER.readValue(json, Receipt.class);
            if (r == null || !FORMAT.equals(r.format())) {
                throw new IllegalArgumentException("not a receipt");
            }
            return r;
        } catch (IOException e) {
            throw new IllegalArgumentException("not a receipt", e);
        }
    }
}
