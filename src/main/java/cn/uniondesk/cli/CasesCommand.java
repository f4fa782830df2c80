package cn.uniondesk.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code cases}: aid and cases (帮扶). The documents ({@code ledger}, {@code form}, {@code notice})
 * are in {@link CasesDocumentsCommand}; other subcommands (e.g. {@code list}) join this list.
 */
@Command(name = "cases", description = "aid and cases (帮扶救助)", subcommands = {CasesDocumentsCommand.Ledger.class,
    CasesDocumentsCommand.Form.class, CasesDocumentsCommand.Notice.class})
final class CasesCommand {
    @ParentCommand
    UnionDeskCommand root;
}
