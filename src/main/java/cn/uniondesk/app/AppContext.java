package cn.uniondesk.app;

import cn.uniondesk.db.Database;
import cn.uniondesk.db.DepartmentRepository;
import cn.uniondesk.db.MemberRepository;
import cn.uniondesk.db.UnionRepository;
import cn.uniondesk.domain.Regions;
import cn.uniondesk.service.DemoDataService;
import cn.uniondesk.service.MemberExportService;
import cn.uniondesk.service.MemberImportService;
import cn.uniondesk.service.MemberService;
import cn.uniondesk.service.Session;
import cn.uniondesk.service.UnionService;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The composition root: opens the database in a data folder and wires repositories and services
 * by constructor. The GUI and the command line both start here.
 */
public final class AppContext implements AutoCloseable {
    private final Path dataDir;
    private final Database database;
    private final Session session;
    private final MemberService members;
    private final UnionService union;
    private final DemoDataService demo;
    private final MemberImportService memberImport;
    private final MemberExportService memberExport;

    private AppContext(Path dataDir, Database database, Session session, Clock clock) {
        this.dataDir = dataDir;
        this.database = database;
        this.session = session;
        MemberRepository memberRepo = new MemberRepository(database);
        DepartmentRepository deptRepo = new DepartmentRepository(database);
        UnionRepository unionRepo = new UnionRepository(database);
        this.members = new MemberService(database, memberRepo, deptRepo, session, clock, Regions.standard());
        this.union = new UnionService(unionRepo);
        this.demo = new DemoDataService(database, unionRepo, deptRepo, memberRepo, clock);
        this.memberImport = new MemberImportService(database, memberRepo, deptRepo, members, session, clock,
                Regions.standard());
        this.memberExport = new MemberExportService(memberRepo, deptRepo, session);
    }

    /**
     * Opens the data folder.
     *
     * @throws cn.uniondesk.db.DatabaseInUseException when another instance has it open
     */
    public static AppContext open(Path dataDir, Session session, Clock clock) {
        return new AppContext(dataDir, Database.open(dataDir), session, clock);
    }

    public static AppContext open(Path dataDir) {
        return open(dataDir, Session.ofSystemUser(), Clock.systemDefaultZone());
    }

    public Path dataDir() {
        return dataDir;
    }

    public Session session() {
        return session;
    }

    public MemberService members() {
        return members;
    }

    public UnionService union() {
        return union;
    }

    public DemoDataService demo() {
        return demo;
    }

    public MemberImportService memberImport() {
        return memberImport;
    }

    public MemberExportService memberExport() {
        return memberExport;
    }

    @Override
    public void close() {
        database.close();
    }
}
