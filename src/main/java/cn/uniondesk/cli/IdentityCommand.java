package cn.uniondesk.cli;

import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.OfficeIdentityService;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code identity show|export}: the office's signing key for reporting upward. */
@Command(name = "identity", description = "the office's Ed25519 key for signing batches", subcommands = {
    IdentityCommand.Show.class, IdentityCommand.Export.class})
final class IdentityCommand {
    @ParentCommand
    UnionDeskCommand root;

    @Command(name = "show", description = "the public key's fingerprint (compare it with the upper level's record)")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        IdentityCommand parent;

        @Override
        public Integer call() {
            UnionDeskCommand root = parent.root;
            Messages m = root.messages();
            return root.withContext(ctx -> {
                OfficeIdentityService.Identity id = ctx.session().may(cn.uniondesk.domain.Permission.MEMBER_WRITE)
                        ? ctx.identity().ensure() : ctx.identity().show().orElse(null);
                if (id == null) {
                    root.spec().commandLine().getOut().println(m.get("cli.identity.none"));
                    return UnionDeskCommand.OK;
                }
                root.spec().commandLine().getOut().println(m.get("cli.identity.fingerprint", id.fingerprint()));
                root.spec().commandLine().getOut().println(m.get("cli.identity.created", id.createdAt().toString()));
                return UnionDeskCommand.OK;
            });
        }
    }

    @Command(name = "export", description = "write the public key file to register with the upper level")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        IdentityCommand parent;

        @Option(names = "--out", required = true, paramLabel = "FILE")
        Path out;

        @Override
        public Integer call() {
            UnionDeskCommand root = parent.root;
            return root.withContext(ctx -> {
                var k = ctx.identity().exportPublicKey(out, ctx.union().union().orElse(null));
                root.spec().commandLine().getOut().println(root.messages().get("cli.identity.exported", out,
                        k.fingerprint()));
                return UnionDeskCommand.OK;
            });
        }
    }
}
