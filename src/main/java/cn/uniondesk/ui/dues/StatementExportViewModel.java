package cn.uniondesk.ui.dues;

import cn.uniondesk.domain.Money;
import cn.uniondesk.excel.DuesStatementXlsx;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.report.DuesStatementPdf;
import cn.uniondesk.service.DuesService;
import cn.uniondesk.service.UnionService;
import cn.uniondesk.ui.common.BackgroundExecutor;
import cn.uniondesk.ui.common.ErrorText;
import java.nio.file.Path;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 年度对账单: writes the yearly per-member statement of one member (the one selected on the dues
 * screen) or of every member, as .xlsx or .pdf by the file name, in the background.
 */
public final class StatementExportViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(StatementExportViewModel.class);

    private final DuesService dues;
    private final UnionService union;
    private final BackgroundExecutor executor;
    private final Messages messages;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    public StatementExportViewModel(DuesService dues, UnionService union, BackgroundExecutor executor,
            Messages messages) {
        this.dues = dues;
        this.union = union;
        this.executor = executor;
        this.messages = messages;
    }

    /** The file name offered in the save dialog. */
    public String suggestedName(int year, String memberName) {
        return memberName == null ? messages.get("ui.dues.statement.fileAll", String.valueOf(year))
                : messages.get("ui.dues.statement.fileOne", String.valueOf(year), memberName);
    }

    /**
     * Writes the statement of {@code year} for {@code memberId} (null: every member) to {@code out}:
     * PDF when the name ends in .pdf, else .xlsx.
     */
    public void export(int year, Long memberId, Path out) {
        boolean pdf = out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf");
        busy.set(true);
        message.set("");
        error.set("");
        executor.run(() -> {
            DuesService.YearlyStatement s = dues.yearlyStatement(year, memberId);
            String name = union.union().map(u -> u.name()).orElse("");
            if (pdf) {
                DuesStatementPdf.write(s, name, out);
            } else {
                DuesStatementXlsx.write(s, name, out);
            }
            return s;
        }, s -> {
                busy.set(false);
                message.set(messages.get("ui.dues.statement.written", out.getFileName(), s.members().size(),
                        Money.ofFen(s.closingFen()).toYuanString()));
            }, e -> {
                busy.set(false);
                if (ErrorText.refusal(e, messages) == null) {
                    LOG.error("Yearly statement failed", e);
                }
                error.set(ErrorText.of(e, messages));
            });
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public Messages messages() {
        return messages;
    }
}
