package cn.uniondesk.domain;

import java.time.Instant;

/** One step in a batch's history: state change, when, by whom, with what detail. */
public record OutboxEvent(String batchId, Instant at, BatchState from, BatchState to, String detail,
        String operator) {
}
