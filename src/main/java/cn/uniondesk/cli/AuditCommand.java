package cn.uniondesk.cli;

import cn.uniondesk.domain.AuditEntry;
import cn.uniondesk.domain.Permission;
import cn.uniondesk.service.AuditService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code audit verify|list}. */
@Command(name = "audit", description = "the audit trail", subcommands = {AuditCommand.Verify.class,
    AuditCommand.ListEntries.class})
final class AuditCommand {
    @ParentCommand
    UnionDeskCommand root;

    @Command(name = "verify", description = "check the hash chain; exit 0 when intact, 3 when broken")
    static final class Verify implements Callable<Integer> {
        @ParentCommand
        AuditCommand parent;

        @Override
        public Integer call() {
            UnionDeskCommand root = parent.root;
            return root.withContext(ctx -> {
                ctx.session().require(Permission.AUDIT_READ);
                AuditService.Verification v = ctx.audit().verify();
                if (v.intact()) {
                    root.spec().commandLine().getOut().println(root.messages().get("audit.intact", v.rowsChecked()));
                    return UnionDeskCommand.OK;
                }
                root.spec().commandLine().getOut().println(root.messages().get("audit.broken", v.firstBrokenId()));
                return UnionDeskCommand.REJECTED;
            });
        }
    }

    @Command(name = "list", description = "the newest audit rows, optionally filtered")
    static final class ListEntries implements Callable<Integer> {
        @ParentCommand
        AuditCommand parent;

        @Option(names = "--actor")
        String actor;

        @Option(names = "--entity")
        String entity;

        @Option(names = "--limit")
        int limit = 50;

        @Override
        public Integer call() {
            UnionDeskCommand root = parent.root;
            return root.withContext(ctx -> {
                ctx.session().require(Permission.AUDIT_READ);
                List<List<String>> rows = new ArrayList<>();
                for (AuditEntry e : ctx.audit().find(actor, entity, null, limit)) {
                    rows.add(List.of(Long.toString(e.id()), e.at().toString(), e.actor(), e.action(), e.entity(),
                            e.entityId() == null ? "" : e.entityId(), e.reason() == null ? "" : e.reason()));
                }
                var m = root.messages();
                root.spec().commandLine().getOut().print(TextTable.render(List.of("#", m.get("audit.at"),
                        m.get("audit.actor"), m.get("audit.action"), m.get("audit.entity"), m.get("audit.entityId"),
                        m.get("audit.reason")), rows));
                return UnionDeskCommand.OK;
            });
        }
    }
}
