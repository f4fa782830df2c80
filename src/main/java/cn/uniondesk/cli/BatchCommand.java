package cn.uniondesk.cli;

import cn.uniondesk.domain.OutboxBatch;
import cn.uniondesk.domain.OutboxEvent;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.BatchService;
import cn.uniondesk.service.OutboxService;
import cn.uniondesk.service.UploadSettings;
import cn.uniondesk.sync.BatchJson;
import cn.uniondesk.sync.BatchVerifier;
import cn.uniondesk.sync.KeyFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code batch export|verify|list|queue|send|upload|receipt-import|config}: the monthly batch upward (上报). */
@Command(name = "batch", description = "monthly batches to the upper level (上报)", subcommands = {
    BatchCommand.Export.class, BatchCommand.Verify.class, BatchCommand.ListBatches.class, BatchCommand.Queue.class,
    BatchCommand.Send.class, BatchCommand.Upload.class, BatchCommand.ReceiptImport.class, BatchCommand.Config.class})
final class BatchCommand {
    @ParentCommand
    UnionDeskCommand root;

    static void printBatch(Messages m, PrintWriter out, OutboxBatch b) {
        out.println(m.get("cli.batch.line", b.sequence(), b.period().toString(), String.valueOf(b.fileName()),
                m.get("batch.state." + b.state().name()), b.receiptNo() != null ? b.receiptNo()
                        : b.problem() != null ? problemText(m, b.problem(), b.problemDetail()) : ""));
    }

    static String problemText(Messages m, String code, String detail) {
        cn.uniondesk.sync.BatchProblem p = cn.uniondesk.sync.BatchProblem.parse(code);
        if (p == null) {
            return m.get("batch.problem.UNREACHABLE", detail == null ? "" : detail);
        }
        return m.get(p.messageKey(), detail == null ? "" : detail);
    }

    @Command(name = "export", description = "write the month's signed package (kept in the data folder, copied to --out)")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        BatchCommand parent;

        @Option(names = "--month", required = true, paramLabel = "YYYY-MM")
        String month;

        @Option(names = "--out", paramLabel = "DIR", description = "also copy the package here (a USB stick)")
        Path out;

        @Option(names = "--snapshot", description = "include the full member snapshot")
        boolean snapshot;

        @Option(names = "--queue", description = "put it in the outbox for sending")
        boolean queue;

        @Override
        public Integer call() {
            UnionDeskCommand root = parent.root;
            YearMonth ym = DuesCommand.month(root, month);
            Messages m = root.messages();
            PrintWriter pw = root.spec().commandLine().getOut();
            return root.withContext(ctx -> {
                BatchService.Exported e = ctx.batches().export(ym, snapshot, out);
                OutboxBatch b = queue ? ctx.batches().queue(e.batch().batchId()) : e.batch();
                pw.println(m.get("cli.batch.exported", e.file(), b.sha256(), b.sequence()));
                if (e.copy() != null) {
                    pw.println(e.copy());
                }
                return UnionDeskCommand.OK;
            });
        }
    }

    @Command(name = "verify", description = "check a package: zip safety, signature, hashes, files, control totals")
    static final class Verify implements Callable<Integer> {
        @ParentCommand
        BatchCommand parent;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Option(names = "--key", paramLabel = "FILE", description = "the office's public key file (no login needed)")
        Path key;

        @Override
        public Integer call() {
            UnionDeskCommand root = parent.root;
            Messages m = root.messages();
            if (!Files.isRegularFile(file)) {
                throw new UsageException(m.get("cli.batch.noFile", file));
            }
            BatchVerifier.Result r;
            if (key != null) {
                KeyFile k;
                try {
                    k = KeyFile.read(key);
                } catch (IllegalArgumentException e) {
                    throw new UsageException(m.get("cli.batch.badKeyFile", key));
                }
                r = new BatchVerifier().verify(file, org -> k.orgCode() == null || k.orgCode().equals(org)
                        ? Optional.of(k.key()) : Optional.empty());
            } else {
                r = root.withContext(ctx -> ctx.batches().verify(file));
            }
            PrintWriter out = root.spec().commandLine().getOut();
            if (r.ok()) {
                out.println(m.get("cli.batch.verified", file.getFileName(), r.manifest().orgCode(),
                        r.manifest().period(), r.manifest().sequence(), r.sha256(),
                        r.manifest().controlTotals().memberCount()));
                return UnionDeskCommand.OK;
            }
            root.spec().commandLine().getErr().println(m.get("cli.batch.refused", file.getFileName(), r.problem().name(),
                    m.get(r.problem().messageKey(), r.detail() == null ? "" : r.detail())));
            return UnionDeskCommand.REJECTED;
        }
    }

    @Command(name = "list", description = "the batches, their states and receipts; --history ID shows one batch's history")
    static final class ListBatches implements Callable<Integer> {
        @ParentCommand
        BatchCommand parent;

        @Option(names = "--history", paramLabel = "ID-OR-FILE")
        String history;

        @Override
        public Integer call() {
            UnionDeskCommand root = parent.root;
            Messages m = root.messages();
            PrintWriter out = root.spec().commandLine().getOut();
            return root.withContext(ctx -> {
                if (history != null) {
                    OutboxBatch b = ctx.batches().find(history)
                            .orElseThrow(() -> new cn.uniondesk.service.NotFoundException("batch.notFound", history));
                    for (OutboxEvent e : ctx.batches().history(b.batchId())) {
                        out.println(m.get("cli.batch.event", e.at().toString(),
                                e.from() == null ? "" : m.get("batch.state." + e.from().name()),
                                m.get("batch.state." + e.to().name()), e.detail() == null ? "" : e.detail(),
                                e.operator()));
                    }
                    return UnionDeskCommand.OK;
                }
                ctx.batches().list().forEach(b -> printBatch(m, out, b));
                ctx.identity().show().ifPresent(i -> out.println(m.get("cli.identity.fingerprint", i.fingerprint())));
                return UnionDeskCommand.OK;
            });
        }
    }

    @Command(name = "queue", description = "put an exported batch in the outbox")
    static final class Queue implements Callable<Integer> {
        @ParentCommand
        BatchCommand parent;

        @Parameters(paramLabel = "ID-OR-FILE")
        String id;

        @Override
        public Integer call() {
            UnionDeskCommand root = parent.root;
            return root.withContext(ctx -> {
                OutboxBatch b = ctx.batches().find(id)
                        .orElseThrow(() -> new cn.uniondesk.service.NotFoundException("batch.notFound", id));
                printBatch(root.messages(), root.spec().commandLine().getOut(), ctx.batches().queue(b.batchId()));
                return UnionDeskCommand.OK;
            });
        }
    }

    static int send(UnionDeskCommand root, cn.uniondesk.app.AppContext ctx) {
        Messages m = root.messages();
        OutboxService.SendReport r = ctx.outbox().sendPending();
        PrintWriter out = root.spec().commandLine().getOut();
        out.println(m.get("cli.batch.sent", r.delivered(), r.refused(), r.waiting()));
        ctx.batches().list().stream().limit(5).forEach(b -> printBatch(m, out, b));
        return r.refused() > 0 ? UnionDeskCommand.REJECTED : r.waiting() > 0 ? UnionDeskCommand.FAILURE
                : UnionDeskCommand.OK;
    }

    @Command(name = "send", description = "send every queued batch, in sequence order")
    static final class Send implements Callable<Integer> {
        @ParentCommand
        BatchCommand parent;

        @Override
        public Integer call() {
            return parent.root.withContext(ctx -> send(parent.root, ctx));
        }
    }

    @Command(name = "upload", description = "queue the batch of this package and send the outbox")
    static final class Upload implements Callable<Integer> {
        @ParentCommand
        BatchCommand parent;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() {
            UnionDeskCommand root = parent.root;
            return root.withContext(ctx -> {
                String name = file.getFileName().toString();
                OutboxBatch b = ctx.batches().find(name)
                        .orElseThrow(() -> new cn.uniondesk.service.NotFoundException("batch.notFound", name));
                if (b.state() == cn.uniondesk.domain.BatchState.EXPORTED) {
                    ctx.batches().queue(b.batchId());
                }
                return send(root, ctx);
            });
        }
    }

    @Command(name = "receipt-import", description = "import a receipt file from the upper level (package went by USB)")
    static final class ReceiptImport implements Callable<Integer> {
        @ParentCommand
        BatchCommand parent;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() {
            UnionDeskCommand root = parent.root;
            return root.withContext(ctx -> {
                printBatch(root.messages(), root.spec().commandLine().getOut(), ctx.batches().importReceipt(file));
                return UnionDeskCommand.OK;
            });
        }
    }

    @Command(name = "config", description = "where batches go: --url, --intake-key FILE, --trust-cert PEM, --pin SHA256")
    static final class Config implements Callable<Integer> {
        @ParentCommand
        BatchCommand parent;

        @Option(names = "--url", paramLabel = "https://…")
        String url;

        @Option(names = "--intake-key", paramLabel = "FILE", description = "the intake's public key file")
        Path intakeKey;

        @Option(names = "--trust-cert", paramLabel = "FILE.pem", description = "trust this certificate too (private upper-level CA)")
        Path cert;

        @Option(names = "--pin", paramLabel = "SHA256", description = "SPKI SHA-256 of the server certificate")
        String pin;

        @Option(names = "--resumable-above", paramLabel = "BYTES")
        Long threshold;

        @Override
        public Integer call() {
            UnionDeskCommand root = parent.root;
            Messages m = root.messages();
            return root.withContext(ctx -> {
                UploadSettings s = ctx.batches().settings();
                String keyJson = s.intakeKeyJson();
                if (intakeKey != null) {
                    try {
                        keyJson = BatchJson.MAPPER.writeValueAsString(KeyFile.read(intakeKey));
                    } catch (IOException | IllegalArgumentException e) {
                        throw new UsageException(m.get("cli.batch.badKeyFile", intakeKey));
                    }
                }
                String pem = s.trustedCertPem();
                if (cert != null) {
                    try {
                        pem = Files.readString(cert, StandardCharsets.US_ASCII);
                        cn.uniondesk.sync.Tls.parsePem(pem);
                    } catch (IOException | IllegalArgumentException e) {
                        throw new UsageException(m.get("cli.batch.badCert", cert));
                    }
                }
                UploadSettings n = new UploadSettings(url != null ? url : s.url(),
                        pin != null ? (pin.isBlank() ? null : pin.strip().toLowerCase(java.util.Locale.ROOT)) : s.pinSha256(),
                        pem, keyJson, threshold != null ? threshold : s.resumableThresholdBytes());
                if (url != null || intakeKey != null || cert != null || pin != null || threshold != null) {
                    ctx.batches().saveSettings(n);
                }
                List<String> lines = new ArrayList<>();
                lines.add("url=" + n.url());
                lines.add("pin=" + n.pinSha256());
                lines.add("trustedCert=" + (n.trustedCertPem() != null));
                lines.add("intakeKey=" + (n.intakeKeyJson() != null));
                lines.add("resumableAbove=" + n.resumableThresholdBytes());
                lines.forEach(root.spec().commandLine().getOut()::println);
                return UnionDeskCommand.OK;
            });
        }
    }
}
