package cn.uniondesk.service;

import cn.uniondesk.db.UnionRepository;
import cn.uniondesk.domain.UnionInfo;
import java.util.Optional;

/** The union this database belongs to. */
public final class UnionService {
    private final UnionRepository unions;

    public UnionService(UnionRepository unions) {
        this.unions = unions;
    }

    public Optional<UnionInfo> union() {
        return unions.find();
    }

    public void save(UnionInfo info) {
        unions.save(info);
    }
}
