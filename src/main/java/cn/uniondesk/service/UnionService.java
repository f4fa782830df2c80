package cn.uniondesk.service;

import cn.uniondesk.db.Database;
import cn.uniondesk.db.UnionRepository;
import cn.uniondesk.domain.Permission;
import cn.uniondesk.domain.Regions;
import cn.uniondesk.domain.TextNormalizer;
import cn.uniondesk.domain.UnionInfo;
import cn.uniondesk.domain.UnionInfoValidation;
import java.util.Objects;
import java.util.Optional;

/**
 * The union this database belongs to (本单位): name, 统一社会信用代码 (the org code batches and the
 * office's key file carry), 上级工会 and 行政区划代码. Changes need {@link Permission#APPROVE}
 * (administrators), are validated and leave one audit row with before and after.
 */
public final class UnionService {
    /** The audit action of a change made in 设置 → 本单位 or with {@code union set}. */
    public static final String AUDIT_UPDATE = "UNION_UPDATE";
    /** The audit action of the first set-up (and of tools that set the union as a whole). */
    public static final String AUDIT_SAVE = "UNION_SAVE";

    private final Database db;
    private final UnionRepository unions;
    private final Session session;
    private final AuditService audit;
    private final UnionInfoValidation validation;

    public UnionService(Database db, UnionRepository unions, Session session, AuditService audit, Regions regions) {
        this.db = db;
        this.unions = unions;
        this.session = session;
        this.audit = audit;
        this.validation = new UnionInfoValidation(regions);
    }

    public Optional<UnionInfo> union() {
        return unions.find();
    }

    /** True when the current role may change the union's details. */
    public boolean mayEdit() {
        return session.may(Permission.APPROVE);
    }

    /** What {@link #update} would say about {@code typed}: its normalised form and every issue. */
    public UnionInfoValidation.Result check(UnionInfo typed) {
        return validation.validate(typed);
    }

    /**
     * Changes the union's details: validated (the first error refuses with its message key, and
     * nothing is written), normalised, then written with one audit row holding before and after, in
     * one transaction. Returns what is stored; when nothing changed nothing is written.
     *
     * @throws PermissionDeniedException for roles without {@link Permission#APPROVE}
     * @throws RuleViolationException for invalid input ({@code union.*} keys)
     */
    public UnionInfo update(UnionInfo typed) {
        session.require(Permission.APPROVE);
        UnionInfoValidation.Result r = validation.validate(typed);
        if (r.hasErrors()) {
            UnionInfoValidation.Issue first = r.errors().get(0);
            throw new RuleViolationException(first.messageKey(), first.args().toArray());
        }
        UnionInfo after = r.union();
        return db.inTransaction(() -> {
            Optional<UnionInfo> before = unions.find();
            if (before.isPresent() && before.get().equals(after)) {
                return after;
            }
            unions.save(after);
            audit.record(AUDIT_UPDATE, "union", "1", before.map(UnionService::describe).orElse(null), describe(after),
                    null);
            return after;
        });
    }

    /**
     * Sets the union as a whole at first set-up (the window's 建立本单位 page) and for tools and
     * fixtures: only the name is required, since the first page asks for little; the details are
     * checked when changed in 设置 → 本单位 ({@link #update}). Administrators; audited.
     */
    public void save(UnionInfo info) {
        session.require(Permission.APPROVE);
        if (info.name() == null || TextNormalizer.normalize(info.name()).isEmpty()) {
            throw new RuleViolationException("unioninfo.name.required");
        }
        db.inTransaction(() -> {
            Optional<UnionInfo> before = unions.find();
            unions.save(info);
            audit.record(AUDIT_SAVE, "union", "1", before.map(UnionService::describe).orElse(null), describe(info),
                    null);
        });
    }

    /** The audit text of a union: every field, empty ones as blank. */
    static String describe(UnionInfo u) {
        return "name=" + nz(u.name()) + "; orgCode=" + nz(u.orgCode()) + "; upperUnion=" + nz(u.upperUnion())
                + "; regionCode=" + nz(u.regionCode());
    }

    private static String nz(String s) {
        return Objects.toString(s, "");
    }
}
