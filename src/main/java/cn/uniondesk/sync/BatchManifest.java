package cn.uniondesk.sync;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * manifest.json: what the package is, where it sits in the office's chain, and for every data file
 * its size, record count and SHA-256; plus control totals recomputed by the verifier from the
 * data. Signed as bytes by manifest.sig.
 */
@JsonPropertyOrder({"format", "formatVersion", "batchId", "orgCode", "orgName", "period", "sequence",
    "previousBatchSha256", "createdAt", "softwareVersion", "snapshot", "keyFingerprint", "files", "controlTotals"})
public record BatchManifest(String format, int formatVersion, String batchId, String orgCode, String orgName,
        String period, long sequence, String previousBatchSha256, String createdAt, String softwareVersion,
        boolean snapshot, String keyFingerprint, List<FileEntry> files, ControlTotals controlTotals) {

    public static final String FORMAT = "uniondesk-monthly-batch";
    public static final int VERSION = 1;

    @JsonPropertyOrder({"name", "records", "bytes", "sha256"})
    public record FileEntry(String name, long records, long bytes, String sha256) {
    }

    /** The name of the package file: {@code <org code>-<period>-<seq>.zip}, sequence in four or more digits. */
    public static String fileName(String orgCode, String period, long sequence) {
        return orgCode + "-" + period + "-" + String.format("%04d", sequence) + ".zip";
    }

    public String fileName() {
        return fileName(orgCode, period, sequence);
    }
}
