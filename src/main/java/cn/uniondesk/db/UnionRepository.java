package cn.uniondesk.db;

import static cn.uniondesk.db.generated.Tables.UNION_ORG;

import cn.uniondesk.domain.UnionInfo;
import java.util.Optional;

/** The single row describing this union. */
public final class UnionRepository {
    private final Database db;

    public UnionRepository(Database db) {
        this.db = db;
    }

    public Optional<UnionInfo> find() {
        return db.dsl().selectFrom(UNION_ORG).where(UNION_ORG.ID.eq(1)).fetchOptional(
                r -> new UnionInfo(r.getName(), r.getOrgCode(), r.getUpperUnion(), r.getRegionCode()));
    }

    public void save(UnionInfo u) {
        db.dsl().mergeInto(UNION_ORG)
                .using(db.dsl().selectOne())
                .on(UNION_ORG.ID.eq(1))
                .whenMatchedThenUpdate()
                .set(UNION_ORG.NAME, u.name())
                .set(UNION_ORG.ORG_CODE, u.orgCode())
                .set(UNION_ORG.UPPER_UNION, u.upperUnion())
                .set(UNION_ORG.REGION_CODE, u.regionCode())
                .whenNotMatchedThenInsert(UNION_ORG.ID, UNION_ORG.NAME, UNION_ORG.ORG_CODE, UNION_ORG.UPPER_UNION,
                        UNION_ORG.REGION_CODE)
                .values(1, u.name(), u.orgCode(), u.upperUnion(), u.regionCode())
                .execute();
    }
}
