package cn.uniondesk.domain.cases;

import java.time.LocalDateTime;

/** A file added to a case; its content is stored once in the data folder under its SHA-256. */
public record CaseAttachment(long id, long caseId, String name, long sizeBytes, String sha256, boolean encrypted,
        String addedBy, LocalDateTime addedAt) {
}
