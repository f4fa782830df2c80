package cn.uniondesk.cli;

import cn.uniondesk.domain.FieldIssue;
import cn.uniondesk.i18n.Messages;
import java.util.List;
import java.util.stream.Collectors;

/** Words issues for the terminal, one line. */
final class CliText {
    private CliText() {
    }

    static String issues(Messages m, List<FieldIssue> issues) {
        return issues.stream().filter(FieldIssue::isError)
                .map(i -> m.get(i.field().labelKey()) + ": " + m.get(i.messageKey(), i.args().toArray()))
                .collect(Collectors.joining("; "));
    }
}
