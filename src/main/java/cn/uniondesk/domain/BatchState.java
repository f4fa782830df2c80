package cn.uniondesk.domain;

/**
 * Where a monthly batch is on its way up: 草稿 being written, 已导出 file written, 待发送 queued,
 * 发送中 sending, 已送达 delivered (a signed receipt came back), 被拒收 refused (with a reason).
 */
public enum BatchState {
    DRAFT, EXPORTED, QUEUED, SENDING, DELIVERED, REFUSED;

    /** The batch still counts for the chain and the sequence (everything but a draft or a refusal). */
    public boolean inChain() {
        return this != DRAFT && this != REFUSED;
    }
}
