package cn.uniondesk.service;

/**
 * Where and how batches go up: the intake's URL (https only), an optional SPKI SHA-256 pin of the
 * server's certificate, an optional extra trusted certificate (PEM) for a private upper-level CA,
 * the intake's public key file (JSON, to verify receipts), and the size above which uploads are
 * resumable.
 */
public record UploadSettings(String url, String pinSha256, String trustedCertPem, String intakeKeyJson,
        long resumableThresholdBytes) {
    public static final long DEFAULT_THRESHOLD = 4L << 20;

    public boolean configured() {
        return url != null && !url.isBlank() && intakeKeyJson != null;
    }
}
