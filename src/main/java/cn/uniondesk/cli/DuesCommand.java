package cn.uniondesk.cli;

import cn.uniondesk.domain.Member;
import cn.uniondesk.domain.Money;
import cn.uniondesk.domain.dues.Charge;
import cn.uniondesk.domain.dues.DuesResult;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.DuesService;
import cn.uniondesk.service.NotFoundException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dues calc|roll|wage|pay|arrears|summary}. */
@Command(name = "dues", description = "dues (会费)", subcommands = {DuesCommand.Calc.class, DuesCommand.Roll.class,
    DuesCommand.Wage.class, DuesCommand.Pay.class, DuesCommand.ArrearsList.class, DuesCommand.Summary.class, DuesCommand.Receipt.class, DuesCommand.VoidReceipt.class, DuesCommand.Report.class, DuesCommand.Reconcile.class,
    DuesWageImportCommand.class, DuesStatementCommand.class, DuesFundCommand.class})
final class DuesCommand {
    @ParentCommand
    UnionDeskCommand root;

    static YearMonth month(UnionDeskCommand root, String m) {
        if (m == null) {
            return YearMonth.now(root.clock());
        }
        try {
            return YearMonth.parse(m.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new UsageException(root.messages().get("dues.badMonth", m));
        }
    }

    static long yuan(UnionDeskCommand root, String s) {
        try {
            return Money.parseYuan(s).fen();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new UsageException(root.messages().get("validation.money") + ": " + s);
        }
    }

    @Command(name = "calc", description = "the dues on one wage under the rule in force")
    static final class Calc implements Callable<Integer> {
        @ParentCommand
        DuesCommand parent;

        @Option(names = "--wage", required = true, paramLabel = "YUAN")
        String wage;

        @Option(names = "--month", paramLabel = "YYYY-MM")
        String month;

        @Override
        public Integer call() {
            UnionDeskCommand root = parent.root;
            long fen = yuan(root, wage);
            YearMonth m = month(root, month);
            DuesResult r = root.withContext(ctx -> ctx.dues().calc(fen, m));
            root.spec().commandLine().getOut().println(root.messages().get("dues.calc", Money.ofFen(fen).toYuanString(),
                    Money.ofFen(r.flooredBaseFen()).toYuanString(), Money.ofFen(r.amountFen()).toYuanString(),
                    m.toString()));
            return UnionDeskCommand.OK;
        }
    }

    @Command(name = "roll", description = "compute the month's dues; a re-run shows differences and applies them only with --apply")
    static final class Roll implements Callable<Integer> {
        @ParentCommand
        DuesCommand parent;

        @Option(names = "--month", required = true, paramLabel = "YYYY-MM")
        String month;

        @Option(names = "--apply", description = "apply the differences of a re-run")
        boolean apply;

        @Override
        public Integer call() {
            UnionDeskCommand root = parent.root;
            Messages m = root.messages();
            YearMonth ym = month(root, month);
            PrintWriter out = root.spec().commandLine().getOut();
            return root.withContext(ctx -> {
                DuesService.RollPreview p = ctx.dues().previewRoll(ym);
                out.println(m.get("dues.roll.preview", ym.toString(), p.added().size(), p.changed().size(),
                        p.removed().size(), p.unchanged(), Money.ofFen(p.totalDueFen()).toYuanString()));
                for (DuesService.ChargeChange c : p.changed()) {
                    Member mem = ctx.members().get(c.before().memberId());
                    out.println(m.get("dues.roll.changed", mem.name(), nz(mem.cardNo()),
                            Money.ofFen(c.before().amountFen()).toYuanString(),
                            Money.ofFen(c.after().amountFen()).toYuanString()));
                }
                for (Charge c : p.removed()) {
                    Member mem = ctx.members().get(c.memberId());
                    out.println(m.get("dues.roll.removed", mem.name(), nz(mem.cardNo()),
                            Money.ofFen(c.amountFen()).toYuanString()));
                }
                if (p.isEmpty()) {
                    out.println(m.get("dues.roll.nothing"));
                    return UnionDeskCommand.OK;
                }
                if (p.firstRoll() || apply) {
                    ctx.dues().applyRoll(ym);
                    out.println(m.get("dues.roll.applied", ym.toString()));
                    return UnionDeskCommand.OK;
                }
                out.println(m.get("dues.roll.needApply"));
                return UnionDeskCommand.REJECTED;
            });
        }
    }

    @Command(name = "wage", description = "set a member's wage base from a month on; shows back-dues, books them with --book")
    static final class Wage implements Callable<Integer> {
        @ParentCommand
        DuesCommand parent;

        @Option(names = "--member", required = true, paramLabel = "ID-OR-CARD")
        String member;

        @Option(names = "--from", required = true, paramLabel = "YYYY-MM")
        String from;

        @Option(names = "--wage", required = true, paramLabel = "YUAN")
        String wage;

        @Option(names = "--book", description = "book the back-dues (补交) shown")
        boolean book;

        @Override
        public Integer call() {
            UnionDeskCommand root = parent.root;
            Messages m = root.messages();
            long fen = yuan(root, wage);
            YearMonth ym = month(root, from);
            PrintWriter out = root.spec().commandLine().getOut();
            return root.withContext(ctx -> {
                Member mem = UnionDeskCommand.member(ctx, member);
                DuesService.BackDues b = ctx.dues().setWage(mem.id(), ym, fen);
                for (Charge c : b.charges()) {
                    out.println(m.get("dues.back.line", c.period().toString(),
                            Money.ofFen(c.amountFen()).toYuanString()));
                }
                out.println(m.get("dues.back.total", mem.name(), Money.ofFen(b.totalFen()).toYuanString()));
                if (book && !b.charges().isEmpty()) {
                    ctx.dues().bookBackDues(mem.id(), ym);
                    out.println(m.get("dues.back.booked"));
                }
                return UnionDeskCommand.OK;
            });
        }
    }

    @Command(name = "pay", description = "record a payment (and issue a numbered receipt)")
    static final class Pay implements Callable<Integer> {
        @ParentCommand
        DuesCommand parent;

        @Option(names = "--member", required = true, paramLabel = "ID-OR-CARD")
        String member;

        @Option(names = "--amount", required = true, paramLabel = "YUAN")
        String amount;

        @Option(names = "--method", description = "CASH, TRANSFER, PAYROLL or REFUND (default CASH)")
        DuesService.Method method = DuesService.Method.CASH;

        @Option(names = "--date", paramLabel = "YYYY-MM-DD")
        LocalDate date;

        @Option(names = "--no-receipt")
        boolean noReceipt;

        @Override
        public Integer call() {
            UnionDeskCommand root = parent.root;
            long fen = yuan(root, amount);
            return root.withContext(ctx -> {
                Member mem = UnionDeskCommand.member(ctx, member);
                LocalDate on = date == null ? LocalDate.now(root.clock()) : date;
                DuesService.PaymentResult r = ctx.dues().recordPayment(mem.id(), fen, method, on, null, null,
                        !noReceipt);
                root.spec().commandLine().getOut().println(root.messages().get("dues.paid", mem.name(),
                        Money.ofFen(fen).toYuanString(), r.receiptNo() == null ? "-" : r.receiptNo()));
                return UnionDeskCommand.OK;
            });
        }
    }

    @Command(name = "arrears", description = "members in arrears; --review: six months or more without a recorded reason")
    static final class ArrearsList implements Callable<Integer> {
        @ParentCommand
        DuesCommand parent;

        @Option(names = "--month", paramLabel = "YYYY-MM")
        String month;

        @Option(names = "--review")
        boolean review;

        @Override
        public Integer call() {
            UnionDeskCommand root = parent.root;
            Messages m = root.messages();
            YearMonth ym = month(root, month);
            return root.withContext(ctx -> {
                List<DuesService.Arrears> list = review ? ctx.dues().reviewList(ym) : ctx.dues().arrears(ym);
                List<List<String>> rows = new ArrayList<>();
                for (DuesService.Arrears a : list) {
                    Member mem = ctx.members().get(a.memberId());
                    rows.add(List.of(nz(mem.cardNo()), mem.name(), Money.ofFen(a.owedFen()).toYuanString(),
                            Integer.toString(a.months()), a.oldest() == null ? "" : a.oldest().toString(),
                            nz(a.reason())));
                }
                PrintWriter out = root.spec().commandLine().getOut();
                out.print(TextTable.render(List.of(m.get("member.field.CARD_NO"), m.get("member.field.NAME"),
                        m.get("dues.col.owed"), m.get("dues.col.months"), m.get("dues.col.oldest"),
                        m.get("dues.col.reason")), rows));
                out.println(m.get("cli.members.count", rows.size()));
                return UnionDeskCommand.OK;
            });
        }
    }

    @Command(name = "summary", description = "the month's collection figures (due, paid, outstanding, rate)")
    static final class Summary implements Callable<Integer> {
        @ParentCommand
        DuesCommand parent;

        @Option(names = "--month", paramLabel = "YYYY-MM")
        String month;

        @Override
        public Integer call() {
            UnionDeskCommand root = parent.root;
            YearMonth ym = month(root, month);
            return root.withContext(ctx -> {
                DuesService.Collection c = ctx.dues().collection(ym);
                root.spec().commandLine().getOut().println(root.messages().get("dues.summary", ym.toString(),
                        Money.ofFen(c.dueFen()).toYuanString(), Money.ofFen(c.paidFen()).toYuanString(),
                        Money.ofFen(c.outstandingFen()).toYuanString(),
                        java.math.BigDecimal.valueOf(c.rateBp(), 2).toPlainString(), c.members(), c.paidMembers()));
                return UnionDeskCommand.OK;
            });
        }
    }

    @Command(name = "receipt", description = "write a receipt as PDF")
    static final class Receipt implements Callable<Integer> {
        @ParentCommand
        DuesCommand parent;

        @Option(names = "--number", required = true, paramLabel = "YYYY-NNNNNN")
        String number;

        @Option(names = "--out", required = true, paramLabel = "FILE.pdf")
        java.nio.file.Path out;

        @Override
        public Integer call() {
            UnionDeskCommand root = parent.root;
            int[] no = receiptNumber(root, number);
            int year = no[0];
            int seq = no[1];
            return root.withContext(ctx -> {
                var r = ctx.dues().receipt(year, seq)
                        .orElseThrow(() -> new NotFoundException("dues.receiptNotFound", number));
                Member mem = ctx.members().get(r.memberId());
                String union = ctx.union().union().map(u -> u.name()).orElse("");
                cn.uniondesk.report.ReceiptPdf.write(new cn.uniondesk.report.ReceiptPdf.Data(union,
                        DuesService.receiptNumber(year, seq), r.issuedOn(), mem.name(), mem.cardNo(), r.months(),
                        r.amountFen(), r.issuedBy(), r.voided(), r.voidReason()), out);
                root.spec().commandLine().getOut().println(out);
                return UnionDeskCommand.OK;
            });
        }
    }

    /** {@code 2026-000123} as {year, seq}; a usage error for anything else. */
    static int[] receiptNumber(UnionDeskCommand root, String number) {
        String[] parts = number.strip().split("-");
        try {
            if (parts.length != 2) {
                throw new NumberFormatException(number);
            }
            return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
        } catch (NumberFormatException e) {
            throw new UsageException(root.messages().get("dues.receiptNotFound", number));
        }
    }

    @Command(name = "void", description = "void a receipt (with the reason); its payment is reversed")
    static final class VoidReceipt implements Callable<Integer> {
        @ParentCommand
        DuesCommand parent;

        @Option(names = "--number", required = true, paramLabel = "YYYY-NNNNNN")
        String number;

        @Option(names = "--reason", required = true, paramLabel = "TEXT")
        String reason;

        @Override
        public Integer call() {
            UnionDeskCommand root = parent.root;
            int[] no = receiptNumber(root, number);
            return root.withContext(ctx -> {
                long reversed = ctx.dues().voidReceipt(no[0], no[1], reason);
                root.spec().commandLine().getOut().println(root.messages().get("dues.voided",
                        DuesService.receiptNumber(no[0], no[1]), Money.ofFen(reversed).toYuanString()));
                return UnionDeskCommand.OK;
            });
        }
    }

    @Command(name = "report", description = "会费收缴月报 as xlsx or pdf")
    static final class Report implements Callable<Integer> {
        @ParentCommand
        DuesCommand parent;

        enum Format { xlsx, pdf }

        @Option(names = "--month", required = true, paramLabel = "YYYY-MM")
        String month;

        @Option(names = "--format", description = "xlsx or pdf (default: from the file name)")
        Format format;

        @Option(names = "--out", required = true, paramLabel = "FILE")
        java.nio.file.Path out;

        @Override
        public Integer call() {
            UnionDeskCommand root = parent.root;
            YearMonth ym = month(root, month);
            Format f = format != null ? format
                    : out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".pdf") ? Format.pdf
                            : Format.xlsx;
            return root.withContext(ctx -> {
                DuesService.MonthlyReport r = ctx.dues().monthlyReport(ym);
                String union = ctx.union().union().map(u -> u.name()).orElse("");
                if (f == Format.pdf) {
                    cn.uniondesk.report.DuesReportPdf.write(r, union, out);
                } else {
                    cn.uniondesk.excel.DuesReportXlsx.write(r, union, out);
                }
                root.spec().commandLine().getOut().println(out);
                return UnionDeskCommand.OK;
            });
        }
    }

    @Command(name = "reconcile", description = "match the payroll deduction sheet against the month's roll")
    static final class Reconcile implements Callable<Integer> {
        @ParentCommand
        DuesCommand parent;

        @Option(names = "--month", required = true, paramLabel = "YYYY-MM")
        String month;

        @Option(names = "--payroll", required = true, paramLabel = "FILE")
        java.nio.file.Path payroll;

        @Option(names = "--apply", description = "book the matching deductions (and the accepted proposals)")
        boolean apply;

        @Option(names = "--accept", split = ",", paramLabel = "N", description = "mismatch numbers whose proposal is confirmed")
        List<Integer> accept = new ArrayList<>();

        @Override
        public Integer call() {
            UnionDeskCommand root = parent.root;
            Messages m = root.messages();
            YearMonth ym = month(root, month);
            List<cn.uniondesk.excel.PayrollSheet.Line> lines;
            try {
                lines = cn.uniondesk.excel.PayrollSheet.read(payroll, null);
            } catch (cn.uniondesk.excel.UnusableFileException e) {
                throw new UsageException(m.get("cli.import.unusable", payroll.getFileName(),
                        m.get(e.messageKey(), e.args().toArray())));
            }
            List<DuesService.PayrollDeduction> deductions = lines.stream().map(l -> new DuesService.PayrollDeduction(
                    l.rowNumber(), l.name(), l.idNumber(), l.cardNo(), l.amountFen())).toList();
            PrintWriter out = root.spec().commandLine().getOut();
            return root.withContext(ctx -> {
                DuesService.Reconciliation r = ctx.dues().reconcile(ym, deductions);
                out.println(m.get("dues.recon.summary", ym.toString(), r.matches().size(),
                        Money.ofFen(r.matchedFen()).toYuanString(), r.mismatches().size()));
                for (DuesService.Mismatch mm : r.mismatches()) {
                    out.println(m.get("dues.recon." + mm.kind().name(), mm.id(),
                            mm.rowNumber() == null ? "" : mm.rowNumber().toString(), nz(mm.name()),
                            Money.ofFen(mm.kind() == DuesService.MismatchKind.NOT_A_MEMBER ? mm.deductedFen()
                                    : mm.expectedFen()).toYuanString(),
                            Money.ofFen(mm.deductedFen()).toYuanString()));
                }
                if (!apply) {
                    out.println(m.get("dues.recon.needApply"));
                    return r.mismatches().isEmpty() ? UnionDeskCommand.OK : UnionDeskCommand.REJECTED;
                }
                int n = ctx.dues().applyReconciliation(r, new java.util.HashSet<>(accept),
                        DuesService.payrollPaidOn(ym, LocalDate.now(root.clock())), DuesService.payrollBatchRef(ym));
                out.println(m.get("dues.recon.applied", n));
                return UnionDeskCommand.OK;
            });
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
