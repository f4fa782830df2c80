package cn.uniondesk.db;

import static cn.uniondesk.db.generated.Tables.DEPARTMENT;

import cn.uniondesk.domain.Department;
import java.util.List;
import java.util.Optional;

/** 部门/车间. */
public final class DepartmentRepository {
    private final Database db;

    public DepartmentRepository(Database db) {
        this.db = db;
    }

    public List<Department> findAll() {
        return db.dsl().selectFrom(DEPARTMENT).orderBy(DEPARTMENT.ID).fetch(
                r -> new Department(r.getId(), r.getName(), r.getActive()));
    }

    public Optional<Department> findByName(String name) {
        return db.dsl().selectFrom(DEPARTMENT).where(DEPARTMENT.NAME.eq(name)).fetchOptional(
                r -> new Department(r.getId(), r.getName(), r.getActive()));
    }

    public Optional<Department> findById(long id) {
        return db.dsl().selectFrom(DEPARTMENT).where(DEPARTMENT.ID.eq(id)).fetchOptional(
                r -> new Department(r.getId(), r.getName(), r.getActive()));
    }

    public Department insert(String name) {
        long id = db.dsl().insertInto(DEPARTMENT, DEPARTMENT.NAME, DEPARTMENT.ACTIVE)
                .values(name, true)
                .returningResult(DEPARTMENT.ID)
                .fetchOne()
                .value1();
        return new Department(id, name, true);
    }
}
