package cn.uniondesk.sync;

/**
 * What an upload came to: delivered (with the verified receipt), held by the intake (a sequence
 * gap: stays queued), refused (a reason: the batch will not be accepted as it is), or unreachable
 * (network, server down, server error after all retries: stays queued).
 */
public sealed interface UploadOutcome {
    record Delivered(Receipt receipt) implements UploadOutcome {
    }

    record Held(BatchProblem problem, String detail) implements UploadOutcome {
    }

    record Refused(BatchProblem problem, String detail) implements UploadOutcome {
    }

    record Unreachable(String message, int attempts) implements UploadOutcome {
    }
}
