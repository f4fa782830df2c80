package cn.uniondesk.cli;

import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.MemberExportService;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code members template --out FILE}: the empty import template with drop-downs (下载模板). */
@Command(name = "template", description = "write the empty import template (.xlsx with drop-downs)")
final class MembersTemplateCommand implements Callable<Integer> {
    @ParentCommand
    MembersCommand parent;

    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path out;

    @Override
    public Integer call() {
        UnionDeskCommand root = parent.root;
        Messages m = root.messages();
        MemberExportService.writeTemplate(out, m);
        root.spec().commandLine().getOut().println(m.get("cli.template.written", out));
        return UnionDeskCommand.OK;
    }
}
