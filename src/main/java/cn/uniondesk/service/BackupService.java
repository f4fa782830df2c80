package cn.uniondesk.service;

import cn.uniondesk.db.Database;
import cn.uniondesk.domain.Permission;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backups of the database: written online to a zip (encrypted like the database, since it holds
 * the encrypted file), then verified by opening the copy and comparing row counts. Automatic
 * backups go to {@code <data>/backups} on exit and daily, keeping {@value #KEEP_DAILY} daily and
 * {@value #KEEP_WEEKLY} weekly ones. Restoring is done on a closed database by {@link Restore}.
 */
public final class BackupService {
    private static final Logger LOG = LoggerFactory.getLogger(BackupService.class);
    public static final int KEEP_DAILY = 7;
    public static final int KEEP_WEEKLY = 4;
    public static final String PREFIX = "uniondesk-";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Database db;
    private final Path dataDir;
    private final Session session;
    private final AuditService audit;
    private final Clock clock;

    public BackupService(Database db, Path dataDir, Session session, AuditService audit, Clock clock) {
        this.db = db;
        this.dataDir = dataDir;
        this.session = session;
        this.audit = audit;
        this.clock = clock;
    }

    public Path backupFolder() {
        return dataDir.resolve("backups");
    }

    /** The result of a verified backup. */
    public record BackupResult(Path file, java.util.Map<String, Integer> counts) {
    }

    /**
     * A backup to {@code target} (or a new file in the backup folder when null), verified.
     * Synchronized: the window's automatic backup and 立即备份 may overlap, and each one's audit
     * row would otherwise upset the other's row-count check.
     */
    public synchronized BackupResult backup(Path target) {
        session.require(Permission.BACKUP);
        Path out = target;
        if (out == null) {
            // one second apart at the least, so two backups never share a name (the rotation reads the names)
            LocalDateTime t = LocalDateTime.now(clock);
            out = backupFolder().resolve(PREFIX + t.format(STAMP) + ".zip");
            while (Files.exists(out)) {
                t = t.plusSeconds(1);
                out = backupFolder().resolve(PREFIX + t.format(STAMP) + ".zip");
            }
        }
        Path finalOut = out;
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
            db.inTransaction(() -> {
                audit.record("BACKUP", "database", null, null, finalOut.getFileName().toString(), null);
            });
            java.util.Map<String, Integer> live = db.rowCounts();
            Path tmp = out.resolveSibling(out.getFileName() + ".part");
            Files.deleteIfExists(tmp);
            db.backupTo(tmp);
            java.util.Map<String, Integer> copy = db.rowCountsOfBackup(tmp);
            if (!copy.equals(live)) {
                Files.deleteIfExists(tmp);
                throw new IllegalStateException("backup verification failed: " + copy + " != " + live);
            }
            Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Backup written and verified: {} {}", out, copy);
            return new BackupResult(out, copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The automatic backup: a new one when none was made today; then rotation. Returns it or null. */
    public Path backupIfDue() {
        String today = LocalDateTime.now(clock).format(STAMP).substring(0, 8);
        boolean done = listBackups().stream().anyMatch(p -> p.getFileName().toString().startsWith(PREFIX + today));
        Path made = done ? null : backup(null).file();
        rotate();
        return made;
    }

    /** On exit: always a fresh backup, then rotation. */
    public Path backupOnExit() {
        Path made = backup(null).file();
        rotate();
        return made;
    }

    public List<Path> listBackups() {
        Path dir = backupFolder();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches(PREFIX + "\\d{8}-\\d{6}\\.zip"))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps the newest backup of each of the last {@value #KEEP_DAILY} days and {@value #KEEP_WEEKLY} weeks. */
    public List<Path> rotate() {
        List<Path> all = listBackups();
        Set<String> days = new HashSet<>();
        Set<String> weeks = new HashSet<>();
        List<Path> deleted = new ArrayList<>();
        for (Path p : all) {
            String name = p.getFileName().toString();
            String day = name.substring(PREFIX.length(), PREFIX.length() + 8);
            java.time.LocalDate d = java.time.LocalDate.parse(day, DateTimeFormatter.BASIC_ISO_DATE);
            String week = d.get(IsoFields.WEEK_BASED_YEAR) + "-" + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            boolean keep = false;
            if (!days.contains(day) && days.size() < KEEP_DAILY) {
                days.add(day);
                keep = true;
            }
            if (!weeks.contains(week) && weeks.size() < KEEP_WEEKLY) {
                weeks.add(week);
                keep = true;
            }
            if (!keep) {
                try {
                    Files.deleteIfExists(p);
                    deleted.add(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return deleted;
    }
}
