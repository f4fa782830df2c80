package cn.uniondesk.service;

import cn.uniondesk.db.DepartmentRepository;
import cn.uniondesk.db.MemberRepository;
import cn.uniondesk.domain.Department;
import cn.uniondesk.domain.Member;
import cn.uniondesk.domain.MemberStatus;
import cn.uniondesk.domain.Money;
import cn.uniondesk.domain.Vocabulary;
import cn.uniondesk.excel.MemberColumn;
import cn.uniondesk.excel.MemberWorkbookWriter;
import cn.uniondesk.i18n.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The roster (会员花名册) as .xlsx, in the template's columns so that an (unmasked) export
 * imports again with zero changes; and the empty template itself (下载模板). ID and mobile
 * numbers are masked unless asked otherwise.
 */
public final class MemberExportService {
    private static final Logger LOG = LoggerFactory.getLogger(MemberExportService.class);
    /** Rows with drop-downs in the template. */
    static final int TEMPLATE_ROWS = 5000;

    private final MemberRepository members;
    private final DepartmentRepository departments;
    private final Session session;

    public MemberExportService(MemberRepository members, DepartmentRepository departments, Session session) {
        this.members = members;
        this.departments = departments;
        this.session = session;
    }

    /** Writes every member of the register; returns the number of rows written. */
    public int exportRoster(Path out, boolean unmasked, Messages m) {
        return exportRoster(out, unmasked, m, n -> { });
    }

    public int exportRoster(Path out, boolean unmasked, Messages m, Consumer<Integer> progress) {
        session.require(cn.uniondesk.domain.Permission.MEMBER_READ);
        if (unmasked) {
            session.require(cn.uniondesk.domain.Permission.SENSITIVE_VIEW);
        }
        Map<Long, String> deptNames = new HashMap<>();
        for (Department d : departments.findAll()) {
            deptNames.put(d.id(), d.name());
        }
        int[] n = {0};
        // the register is read on a second thread while this one writes: on two cores the export
        // then costs little more than the spreadsheet writing itself (docs/benchmarks.md)
        java.util.concurrent.BlockingQueue<Object[]> queue = new java.util.concurrent.ArrayBlockingQueue<>(2000);
        Object[] end = new Object[0];
        Throwable[] failure = new Throwable[1];
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread reader = new Thread(() -> {
            try {
                members.forEachMember(mem -> {
                    if (stop.get()) {
                        throw new java.util.concurrent.CancellationException();
                    }
                    putQuietly(queue, values(mem, deptNames, unmasked));
                });
            } catch (Throwable t) {
                failure[0] = t;
            } finally {
                putQuietly(queue, end);
            }
        }, "roster-reader");
        reader.setDaemon(true);
        try (MemberWorkbookWriter w = new MemberWorkbookWriter(out, m.get("export.sheet"), m.get("export.title"))) {
            reader.start();
            while (true) {
                Object[] row = queue.take();
                if (row == end) {
                    break;
                }
                w.writeRow(row);
                if ((++n[0] % 5000) == 0) {
                    progress.accept(n[0]);
                }
            }
            reader.join();
            if (failure[0] != null) {
                throw new IllegalStateException("reading the register failed", failure[0]);
            }
            w.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            stop.set(true);
            queue.clear();
        }
        LOG.info("Roster exported by {}: {} rows, {} to {}", session.operator(), n[0],
                unmasked ? "UNMASKED" : "masked", out);
        return n[0];
    }

    private static void putQuietly(java.util.concurrent.BlockingQueue<Object[]> q, Object[] row) {
        try {
            q.put(row);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every member's roster cells, in register order (for the benchmark's bare-POI comparison). */
    public void forEachRosterRow(boolean unmasked, Consumer<Object[]> sink) {
        Map<Long, String> deptNames = new HashMap<>();
        for (Department d : departments.findAll()) {
            deptNames.put(d.id(), d.name());
        }
        members.forEachMember(mem -> sink.accept(values(mem, deptNames, unmasked)));
    }

    /** One member's cells in {@link MemberWorkbookWriter#COLUMNS} order. */
    static Object[] values(Member mem, Map<Long, String> deptNames, boolean unmasked) {
        Object[] v = new Object[MemberColumn.values().length];
        v[MemberColumn.NAME.ordinal()] = mem.name();
        v[MemberColumn.GENDER.ordinal()] = mem.gender().zh();
        v[MemberColumn.ETHNICITY.ordinal()] = mem.ethnicity();
        v[MemberColumn.ID_NUMBER.ordinal()] = unmasked ? mem.idNumber().value() : cn.uniondesk.domain.MaskingPolicy.idNumber(mem.idNumber().value());
        v[MemberColumn.BIRTH_DATE.ordinal()] = mem.birthDate();
        v[MemberColumn.MOBILE.ordinal()] = mem.mobile() == null ? null
                : unmasked ? mem.mobile() : cn.uniondesk.domain.MaskingPolicy.mobile(mem.mobile());
        v[MemberColumn.EDUCATION.ordinal()] = mem.education();
        v[MemberColumn.POLITICAL_STATUS.ordinal()] = mem.politicalStatus();
        v[MemberColumn.DEPARTMENT.ordinal()] = mem.departmentId() == null ? null : deptNames.get(mem.departmentId());
        v[MemberColumn.JOB.ordinal()] = mem.job();
        v[MemberColumn.EMPLOYMENT_TYPE.ordinal()] = mem.employmentType();
        v[MemberColumn.MIGRANT_WORKER.ordinal()] = mem.migrantWorker() ? "是" : "否";
        v[MemberColumn.HOUSEHOLD_TYPE.ordinal()] = mem.householdType() == null ? null : mem.householdType().zh();
        v[MemberColumn.JOIN_DATE.ordinal()] = mem.joinDate();
        v[MemberColumn.CARD_NO.ordinal()] = mem.cardNo();
        v[MemberColumn.MONTHLY_WAGE.ordinal()] = mem.monthlyWageFen() == null ? null
                : Money.ofFen(mem.monthlyWageFen()).yuan();
        v[MemberColumn.HARDSHIP.ordinal()] = mem.hardship() ? "是" : "否";
        v[MemberColumn.HARDSHIP_LEVEL.ordinal()] = mem.hardshipLevel();
        v[MemberColumn.NOTES.ordinal()] = mem.notes();
        v[MemberColumn.STATUS.ordinal()] = mem.status().zh();
        return v;
    }

    /** The empty template with drop-downs and a sheet of instructions (下载模板). */
    public static void writeTemplate(Path out, Messages m) {
        try (MemberWorkbookWriter w = new MemberWorkbookWriter(out, m.get("export.template.sheet"), null)) {
            w.addDropDowns(List.of(MemberColumn.GENDER, MemberColumn.ETHNICITY, MemberColumn.EDUCATION,
                    MemberColumn.POLITICAL_STATUS, MemberColumn.EMPLOYMENT_TYPE, MemberColumn.MIGRANT_WORKER,
                    MemberColumn.HOUSEHOLD_TYPE, MemberColumn.HARDSHIP, MemberColumn.HARDSHIP_LEVEL,
                    MemberColumn.STATUS),
                    List.of(List.of("男", "女"), Vocabulary.ETHNICITIES, Vocabulary.EDUCATION, Vocabulary.POLITICAL_STATUS,
                            Vocabulary.EMPLOYMENT_TYPES, List.of("是", "否"), List.of("城镇", "农村"), List.of("是", "否"),
                            Vocabulary.HARDSHIP_LEVELS, List.of(MemberStatus.ACTIVE.zh())),
                    TEMPLATE_ROWS);
            w.addTextSheet(m.get("export.template.helpSheet"), List.of(m.get("export.template.help").split("\\|")));
            w.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
