package cn.uniondesk.domain;

import java.time.Instant;
import java.time.YearMonth;

/** A monthly batch as the office keeps it: identity, file, state, receipt or refusal. */
public record OutboxBatch(String batchId, long sequence, YearMonth period, boolean snapshot, String fileName,
        String sha256, String previousSha256, Long sizeBytes, BatchState state, String receiptNo,
        String receiptJson, String problem, String problemDetail, int attempts, Instant createdAt,
        Instant updatedAt) {
}
