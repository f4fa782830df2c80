package cn.uniondesk.cli;

import cn.uniondesk.domain.Account;
import cn.uniondesk.domain.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code accounts list|add|reset-password|deactivate|passwd}. */
@Command(name = "accounts", description = "local accounts and roles", subcommands = {AccountsCommand.ListAccounts.class,
    AccountsCommand.Add.class, AccountsCommand.Reset.class, AccountsCommand.Deactivate.class,
    AccountsCommand.Passwd.class})
final class AccountsCommand {
    @ParentCommand
    UnionDeskCommand root;

    @Command(name = "list")
    static final class ListAccounts implements Callable<Integer> {
        @ParentCommand
        AccountsCommand parent;

        @Override
        public Integer call() {
            UnionDeskCommand root = parent.root;
            return root.withContext(ctx -> {
                var m = root.messages();
                List<List<String>> rows = new ArrayList<>();
                for (Account a : ctx.accounts().list()) {
                    rows.add(List.of(a.username(), a.displayName(), m.get("role." + a.role()),
                            a.active() ? m.get("accounts.active") : m.get("accounts.inactive")));
                }
                root.spec().commandLine().getOut().print(TextTable.render(List.of(m.get("accounts.username"),
                        m.get("accounts.displayName"), m.get("accounts.role"), m.get("accounts.state")), rows));
                return UnionDeskCommand.OK;
            });
        }
    }

    @Command(name = "add", description = "an administrator adds an account")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        AccountsCommand parent;

        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        @Option(names = "--role", required = true, description = "ADMIN, CLERK or AUDITOR")
        Role role;

        @Option(names = "--name", description = "display name")
        String displayName;

        @Option(names = "--new-password-file", required = true, paramLabel = "F")
        Path passwordFile;

        @Override
        public Integer call() {
            UnionDeskCommand root = parent.root;
            char[] pw = root.readPasswordFile(passwordFile);
            return root.withContext(ctx -> {
                ctx.accounts().create(username, displayName, role, pw);
                root.spec().commandLine().getOut().println(root.messages().get("accounts.created", username));
                return UnionDeskCommand.OK;
            });
        }
    }

    @Command(name = "reset-password", description = "an administrator sets a new password (to be changed at login)")
    static final class Reset implements Callable<Integer> {
        @ParentCommand
        AccountsCommand parent;

        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        @Option(names = "--new-password-file", required = true, paramLabel = "F")
        Path passwordFile;

        @Override
        public Integer call() {
            UnionDeskCommand root = parent.root;
            char[] pw = root.readPasswordFile(passwordFile);
            return root.withContext(ctx -> {
                ctx.accounts().resetPassword(username, pw);
                root.spec().commandLine().getOut().println(root.messages().get("accounts.reset", username));
                return UnionDeskCommand.OK;
            });
        }
    }

    @Command(name = "deactivate", description = "an administrator closes an account")
    static final class Deactivate implements Callable<Integer> {
        @ParentCommand
        AccountsCommand parent;

        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        @Override
        public Integer call() {
            UnionDeskCommand root = parent.root;
            return root.withContext(ctx -> {
                ctx.accounts().deactivate(username);
                root.spec().commandLine().getOut().println(root.messages().get("accounts.deactivated", username));
                return UnionDeskCommand.OK;
            });
        }
    }

    @Command(name = "passwd", description = "change your own password")
    static final class Passwd implements Callable<Integer> {
        @ParentCommand
        AccountsCommand parent;

        @Option(names = "--new-password-file", required = true, paramLabel = "F")
        Path passwordFile;

        @Override
        public Integer call() {
            UnionDeskCommand root = parent.root;
            char[] pw = root.readPasswordFile(passwordFile);
            char[] old = root.password();
            return root.withContext(ctx -> {
                ctx.accounts().changeOwnPassword(old, pw);
                root.spec().commandLine().getOut().println(root.messages().get("accounts.changed"));
                return UnionDeskCommand.OK;
            });
        }
    }
}
