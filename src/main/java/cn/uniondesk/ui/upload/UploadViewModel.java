package cn.uniondesk.ui.upload;

import cn.uniondesk.domain.BatchState;
import cn.uniondesk.domain.OutboxBatch;
import cn.uniondesk.domain.OutboxEvent;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.BatchService;
import cn.uniondesk.service.OfficeIdentityService;
import cn.uniondesk.service.OutboxService;
import cn.uniondesk.service.RuleViolationException;
import cn.uniondesk.sync.BatchProblem;
import cn.uniondesk.ui.common.BackgroundExecutor;
import cn.uniondesk.ui.common.ErrorText;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * 上报: the office's batches with state, receipt or reason, one batch's history, the key's
 * fingerprint; export a month, queue a batch, send the outbox now. All work in the background.
 */
public final class UploadViewModel {
    /** One line of the batch table, worded for the clerk. */
    public record Row(String batchId, long sequence, String period, String file, BatchState state, String stateText,
            String result) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final BatchService batches;
    private final OutboxService outbox;
    private final OfficeIdentityService identity;
    private final BackgroundExecutor executor;
    private final Messages messages;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>();
    private final StringProperty month = new SimpleStringProperty();
    private final BooleanProperty snapshot = new SimpleBooleanProperty(false);
    private final StringProperty fingerprint = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty readOnly = new SimpleBooleanProperty(false);

    public UploadViewModel(BatchService batches, OutboxService outbox, OfficeIdentityService identity,
            BackgroundExecutor executor, Messages messages, YearMonth defaultMonth) {
        this.batches = batches;
        this.outbox = outbox;
        this.identity = identity;
        this.executor = executor;
        this.messages = messages;
        this.month.set(defaultMonth.toString());
        selected.addListener((o, a, b) -> loadHistory(b));
    }

    public void refresh() {
        executor.run(() -> new Object[] {batches.list(), identity.show()}, r -> {
            @SuppressWarnings("unchecked")
            List<OutboxBatch> list = (List<OutboxBatch>) r[0];
            @SuppressWarnings("unchecked")
            Optional<OfficeIdentityService.Identity> id = (Optional<OfficeIdentityService.Identity>) r[1];
            String keep = selected.get() == null ? null : selected.get().batchId();
            rows.setAll(list.stream().map(this::row).toList());
            fingerprint.set(id.map(i -> messages.get("ui.upload.fingerprint", i.fingerprint()))
                    .orElse(messages.get("ui.upload.noKey")));
            rows.stream().filter(x -> x.batchId().equals(keep)).findFirst().ifPresent(x -> {
                selected.set(null);
                selected.set(x);
            });
        }, this::failed);
    }

    Row row(OutboxBatch b) {
        String result = "";
        if (b.state() == BatchState.DELIVERED) {
            result = messages.get("ui.upload.receipt", b.receiptNo());
        } else if (b.problem() != null) {
            BatchProblem p = BatchProblem.parse(b.problem());
            String detail = b.problemDetail() == null ? "" : b.problemDetail();
            result = p == null ? messages.get("batch.problem.UNREACHABLE", detail) : messages.get(p.messageKey(), detail);
        }
        return new Row(b.batchId(), b.sequence(), b.period().toString(), b.fileName() == null ? "" : b.fileName(),
                b.state(), messages.get("batch.state." + b.state().name()), result);
    }

    private void loadHistory(Row r) {
        if (r == null) {
            history.clear();
            return;
        }
        executor.run(() -> batches.history(r.batchId()), events -> history.setAll(events.stream()
                .map(this::historyLine).toList()), this::failed);
    }

    private String historyLine(OutboxEvent e) {
        return messages.get("ui.upload.historyLine", TIME.format(e.at().atZone(ZoneId.systemDefault())),
                messages.get("batch.state." + e.to().name()), e.detail() == null ? "" : e.detail(), e.operator());
    }

    /** 生成本月批次: exports the month (and puts it in the outbox). */
    public void exportMonth() {
        YearMonth ym;
        try {
            ym = YearMonth.parse(month.get().strip());
        } catch (RuntimeException e) {
            status.set(messages.get("ui.upload.badMonth", month.get()));
            return;
        }
        boolean snap = snapshot.get();
        run(() -> {
            BatchService.Exported e = batches.export(ym, snap, null);
            batches.queue(e.batch().batchId());
            return messages.get("ui.upload.exported", e.file().getFileName().toString());
        });
    }

    /** 加入待发送 for the selected (exported) batch. */
    public void queueSelected() {
        Row r = selected.get();
        if (r == null) {
            return;
        }
        run(() -> {
            batches.queue(r.batchId());
            return messages.get("ui.upload.queued", r.file());
        });
    }

    /** 复制到U盘: the selected batch's package into {@code dir} (for the upper level by USB). */
    public void copySelected(java.nio.file.Path dir) {
        Row r = selected.get();
        if (r == null || dir == null) {
            return;
        }
        run(() -> messages.get("ui.upload.copied", batches.copyPackage(r.batchId(), dir).toString()));
    }

    /** 导入回执: a receipt file the upper level's intake wrote for a package that went up by USB. */
    public void importReceipt(java.nio.file.Path file) {
        if (file == null) {
            return;
        }
        run(() -> {
            OutboxBatch b = batches.importReceipt(file);
            return messages.get("ui.upload.receiptImported", b.fileName(), b.receiptNo());
        });
    }

    /** 立即发送: the outbox now, in sequence order. */
    public void sendNow() {
        run(() -> {
            OutboxService.SendReport s = outbox.sendPending();
            return messages.get("ui.upload.sent", s.delivered(), s.refused(), s.waiting());
        });
    }

    private void run(java.util.concurrent.Callable<String> work) {
        busy.set(true);
        status.set(messages.get("ui.upload.working"));
        executor.run(work, text -> {
            busy.set(false);
            status.set(text);
            refresh();
        }, e -> {
            busy.set(false);
            failed(e);
            refresh();
        });
    }

    private void failed(Throwable e) {
        if (e instanceof RuleViolationException r) {
            status.set(messages.get(r.messageKey(), r.args().toArray()));
        } else {
            status.set(ErrorText.of(e, messages));
        }
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObservableList<String> history() {
        return history;
    }

    public ObjectProperty<Row> selectedProperty() {
        return selected;
    }

    public StringProperty monthProperty() {
        return month;
    }

    public BooleanProperty snapshotProperty() {
        return snapshot;
    }

    public StringProperty fingerprintProperty() {
        return fingerprint;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty readOnlyProperty() {
        return readOnly;
    }

    public Messages messages() {
        return messages;
    }
}
