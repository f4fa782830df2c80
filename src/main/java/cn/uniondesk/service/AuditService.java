package cn.uniondesk.service;

import cn.uniondesk.db.AuditRepository;
import cn.uniondesk.domain.AuditEntry;
import java.time.Clock;
import java.util.List;

/**
 * Records every write and every unmasked view in the audit trail, and verifies the chain.
 * {@link #record} must be called inside the transaction of the change.
 */
public final class AuditService {
    private final AuditRepository audit;
    private final Session session;
    private final Clock clock;

    public AuditService(AuditRepository audit, Session session, Clock clock) {
        this.audit = audit;
        this.session = session;
        this.clock = clock;
    }

    public AuditEntry record(String action, String entity, String entityId, String before, String after,
            String reason) {
        return audit.append(clock.instant(), session.operator(), action, entity, entityId, before, after, reason);
    }

    /** Records many rows at once (bulk writes), in order, inside the caller's transaction. */
    public void recordAll(List<AuditRepository.Draft> drafts) {
        audit.appendAll(clock.instant(), session.operator(), drafts);
    }

    /** The result of walking the chain: intact, or the first row where it breaks. */
    public record Verification(boolean intact, long rowsChecked, Long firstBrokenId) {
    }

    public Verification verify() {
        long[] state = {0, -1};
        String[] prev = {AuditEntry.GENESIS};
        long[] expectedId = {1};
        audit.forEach(e -> {
            if (state[1] >= 0) {
                return;
            }
            state[0]++;
            if (e.id() != expectedId[0] || !e.verifies(prev[0])) {
                state[1] = e.id();
                return;
            }
            prev[0] = e.hash();
            expectedId[0]++;
        });
        return new Verification(state[1] < 0, state[0], state[1] < 0 ? null : state[1]);
    }

    public List<AuditEntry> find(String actor, String entity, String entityId, int limit) {
        return audit.find(actor, entity, entityId, limit);
    }

    public int count() {
        return audit.count();
    }
}
