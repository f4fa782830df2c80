package cn.uniondesk.cli;

import cn.uniondesk.domain.Permission;
import cn.uniondesk.domain.Regions;
import cn.uniondesk.domain.UnionInfo;
import cn.uniondesk.domain.UnionInfoValidation;
import cn.uniondesk.i18n.Messages;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code union show|set}: the union's details (本单位), as in 设置 → 本单位. */
@Command(name = "union", description = "the union's name, unified social credit code, upper-level union and region",
        subcommands = {UnionCommand.Show.class, UnionCommand.Set.class})
final class UnionCommand {
    @ParentCommand
    UnionDeskCommand root;

    @Command(name = "show", description = "show the union's details")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        UnionCommand parent;

        @Override
        public Integer call() {
            UnionDeskCommand root = parent.root;
            Messages m = root.messages();
            PrintWriter out = root.spec().commandLine().getOut();
            return root.withContext(ctx -> {
                Optional<UnionInfo> u = ctx.union().union();
                if (u.isEmpty()) {
                    out.println(m.get("cli.union.none"));
                    return UnionDeskCommand.OK;
                }
                print(out, m, u.get());
                return UnionDeskCommand.OK;
            });
        }
    }

    @Command(name = "set", description = "change the union's details (administrators); only the options given change, "
            + "an empty value clears a field")
    static final class Set implements Callable<Integer> {
        @ParentCommand
        UnionCommand parent;

        @Option(names = "--name", paramLabel = "NAME", description = "工会名称")
        String name;

        @Option(names = "--org-code", paramLabel = "CODE", description = "统一社会信用代码 (18 characters, GB 32100)")
        String orgCode;

        @Option(names = "--upper", paramLabel = "NAME", description = "上级工会")
        String upper;

        @Option(names = "--region", paramLabel = "CODE", description = "行政区划代码 (6 digits, GB/T 2260)")
        String region;

        @Override
        public Integer call() {
            UnionDeskCommand root = parent.root;
            Messages m = root.messages();
            if (name == null && orgCode == null && upper == null && region == null) {
                throw new UsageException(m.get("cli.union.nothingGiven"));
            }
            PrintWriter out = root.spec().commandLine().getOut();
            PrintWriter err = root.spec().commandLine().getErr();
            return root.withContext(ctx -> {
                ctx.session().require(Permission.APPROVE);
                UnionInfo before = ctx.union().union().orElse(new UnionInfo(null, null, null, null));
                UnionInfo wanted = new UnionInfo(name != null ? name : before.name(),
                        orgCode != null ? orgCode : before.orgCode(), upper != null ? upper : before.upperUnion(),
                        region != null ? region : before.regionCode());
                UnionInfoValidation.Result r = ctx.union().check(wanted);
                if (r.hasErrors()) {
                    for (UnionInfoValidation.Issue i : r.errors()) {
                        err.println(issue(m, i));
                    }
                    err.println(m.get("cli.union.notSaved"));
                    return UnionDeskCommand.USAGE;
                }
                for (UnionInfoValidation.Issue i : r.issues()) {
                    err.println(m.get("cli.union.warning", issue(m, i)));
                }
                UnionInfo stored = ctx.union().update(wanted);
                out.println(m.get(stored.equals(before) ? "cli.union.unchanged" : "cli.union.saved"));
                print(out, m, stored);
                return UnionDeskCommand.OK;
            });
        }
    }

    static String issue(Messages m, UnionInfoValidation.Issue i) {
        return m.get("cli.union.issue", m.get(i.field().labelKey()), m.get(i.messageKey(), i.args().toArray()));
    }

    static void print(PrintWriter out, Messages m, UnionInfo u) {
        out.println(line(m, UnionInfoValidation.Field.NAME, u.name()));
        out.println(line(m, UnionInfoValidation.Field.ORG_CODE, u.orgCode()));
        out.println(line(m, UnionInfoValidation.Field.UPPER_UNION, u.upperUnion()));
        Optional<String> regionName = u.regionCode() == null ? Optional.empty()
                : Regions.standard().fullName(u.regionCode());
        out.println(regionName.isPresent()
                ? m.get("cli.union.regionLine", m.get(UnionInfoValidation.Field.REGION_CODE.labelKey()), u.regionCode(),
                        regionName.get())
                : line(m, UnionInfoValidation.Field.REGION_CODE, u.regionCode()));
    }

    private static String line(Messages m, UnionInfoValidation.Field f, String value) {
        return m.get("cli.union.line", m.get(f.labelKey()),
                value == null || value.isBlank() ? m.get("cli.union.unset") : value);
    }
}
