package cn.uniondesk.service;

import cn.uniondesk.db.Database;
import cn.uniondesk.db.DuesRepository;
import cn.uniondesk.db.MemberRepository;
import cn.uniondesk.domain.MemberStatus;
import cn.uniondesk.domain.Money;
import cn.uniondesk.domain.Permission;
import cn.uniondesk.domain.TextNormalizer;
import cn.uniondesk.domain.dues.Charge;
import cn.uniondesk.domain.dues.ChargeKind;
import cn.uniondesk.domain.dues.DuesResult;
import cn.uniondesk.domain.dues.DuesRule;
import cn.uniondesk.domain.dues.DuesRuleBook;
import cn.uniondesk.domain.dues.DuesSubject;
import cn.uniondesk.domain.dues.RollSubject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Dues (会费): the rule in force, the monthly roll (preview, then apply in one transaction), wage
 * changes with back-dues, payments with gap-free receipts, arrears and the six-month review list.
 * All amounts are integer 分.
 */
public final class DuesService {
    /** Months in arrears after which a member without a recorded reason is listed for review (章程). */
    public static final int REVIEW_AFTER_MONTHS = 6;
    public static final YearMonth DEFAULT_RULE_FROM = YearMonth.of(2000, 1);

    private final Database db;
    private final DuesRepository dues;
    private final MemberRepository members;
    private final Session session;
    private final AuditService audit;
    private final Clock clock;

    public DuesService(Database db, DuesRepository dues, MemberRepository members, Session session,
            AuditService audit, Clock clock) {
        this.db = db;
        this.dues = dues;
        this.members = members;
        this.session = session;
        this.audit = audit;
        this.clock = clock;
    }

    // --- rules ------------------------------------------------------------------------------

    /** The union's rules; the standard rule (0.5%, 10-yuan floor, retirees exempt) when none is set. */
    public DuesRuleBook ruleBook() {
        List<DuesRule> rules = dues.rules();
        return new DuesRuleBook(rules.isEmpty() ? List.of(DuesRule.standard(DEFAULT_RULE_FROM)) : rules);
    }

    /** Sets a rule from its month on (administrators); past months keep the rule they were rolled with. */
    public void saveRule(DuesRule rule) {
        session.require(Permission.APPROVE);
        db.inTransaction(() -> {
            dues.saveRule(rule);
            audit.record("DUES_RULE_SAVE", "dues_rule", rule.effectiveFrom().toString(), null, rule.toString(), null);
        });
    }

    /** The dues on one wage under the rule in force in {@code month}. */
    public DuesResult calc(long wageFen, YearMonth month) {
        return ruleBook().ruleFor(month).compute(DuesSubject.ofWage(wageFen));
    }

    // --- roll -------------------------------------------------------------------------------

    /** A changed charge: what is stored, and what the roll computes now. */
    public record ChargeChange(Charge before, Charge after) {
    }

    /** What rolling a month would write: new, changed and removed regular charges. */
    public record RollPreview(YearMonth month, List<Charge> added, List<ChargeChange> changed, List<Charge> removed,
            int unchanged, long totalDueFen, int members) {
        public boolean isEmpty() {
            return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
        }

        public boolean firstRoll() {
            return unchanged == 0 && changed.isEmpty() && removed.isEmpty();
        }
    }

    /** The last preview and the audit trail's length when it was computed (see {@link #applyRoll}). */
    private record LastPreview(YearMonth month, int auditMark, RollPreview preview) {
    }

    private volatile LastPreview lastPreview;

    public RollPreview previewRoll(YearMonth month) {
        session.require(Permission.MEMBER_READ);
        int mark = audit.count();
        RollPreview p = computeRoll(month);
        lastPreview = new LastPreview(month, mark, p);
        return p;
    }

    private RollPreview computeRoll(YearMonth month) {
        DuesRule rule = ruleBook().ruleFor(month);
        List<RollSubject> subjects = dues.rollSubjects(month);
        Map<Long, Charge> regular = new HashMap<>();
        Map<Long, Long> others = new HashMap<>();
        for (Charge c : dues.charges(month)) {
            if (c.kind() == ChargeKind.REGULAR) {
                regular.put(c.memberId(), c);
            } else {
                others.merge(c.memberId(), c.amountFen(), Long::sum);
            }
        }
        List<Charge> added = new ArrayList<>();
        List<ChargeChange> changed = new ArrayList<>();
        List<Charge> removed = new ArrayList<>();
        int unchanged = 0;
        long total = 0;
        int count = 0;
        for (RollSubject s : subjects) {
            Charge now = null;
            if (s.span().owes(rule, month)) {
                MemberStatus st = s.span().statusAt(month);
                long wage = s.wageFen() == null ? 0 : s.wageFen();
                DuesResult r = rule.compute(new DuesSubject(wage, st == null ? MemberStatus.ACTIVE : st, s.hardship(),
                        s.hardshipLevel(), s.employmentType()));
                String exemption = r.exemption() == null ? (s.wageFen() == null ? "NO_WAGE" : null)
                        : r.exemption().kind() + ":" + r.exemption().value();
                long regularAmount = r.amountFen() - others.getOrDefault(s.memberId(), 0L);
                now = new Charge(s.memberId(), month, ChargeKind.REGULAR, r.flooredBaseFen(), regularAmount,
                        exemption);
                total += r.amountFen();
                count++;
            }
            Charge stored = regular.remove(s.memberId());
            if (now != null && stored == null) {
                added.add(now);
            } else if (now == null && stored != null) {
                removed.add(stored);
            } else if (now != null) {
                // the amount and exemption decide; a base change that leaves the amount alone is no change
                if (stored.amountFen() == now.amountFen() && Objects.equals(stored.exemption(), now.exemption())) {
                    unchanged++;
                } else {
                    changed.add(new ChargeChange(stored, now));
                }
            }
        }
        removed.addAll(regular.values());
        return new RollPreview(month, List.copyOf(added), List.copyOf(changed), List.copyOf(removed), unchanged, total,
                count);
    }

    /**
     * Rolls the month in one transaction: writes what {@link #previewRoll} shows (nothing when
     * nothing changed) and returns it.
     */
    public RollPreview applyRoll(YearMonth month) {
        session.require(Permission.MEMBER_WRITE);
        return db.inTransaction(() -> {
            // Every write appends an audit row in its own transaction, so an unchanged audit trail
            // means unchanged inputs: the preview the clerk just saw is still exact and is not
            // computed a second time (for 100,000 members that is most of the cost).
            LastPreview last = lastPreview;
            RollPreview p = last != null && last.month().equals(month) && last.auditMark() == audit.count()
                    ? last.preview() : computeRoll(month);
            lastPreview = null;
            if (p.isEmpty()) {
                return p;
            }
            List<Charge> insert = new ArrayList<>(p.added());
            List<Long> delete = new ArrayList<>(p.changed().size() + p.removed().size());
            for (ChargeChange c : p.changed()) {
                delete.add(c.before().memberId());
                insert.add(c.after());
            }
            for (Charge c : p.removed()) {
                delete.add(c.memberId());
            }
            dues.deleteRegular(delete, month);
            dues.insertCharges(insert, LocalDateTime.now(clock));
            audit.record("DUES_ROLL", "dues_month", month.toString(), null,
                    "added=" + p.added().size() + "; changed=" + p.changed().size() + "; removed="
                            + p.removed().size() + "; members=" + p.members() + "; due_fen=" + p.totalDueFen(),
                    null);
            return p;
        });
    }

    // --- wages and back-dues ------------------------------------------------------------------

    /** Back-dues (补交) a past-dated raise produces: per month already rolled, the difference. */
    public record BackDues(long memberId, YearMonth from, List<Charge> charges) {
        public long totalFen() {
            return charges.stream().mapToLong(Charge::amountFen).sum();
        }
    }

    /**
     * Records a wage from {@code from} on and returns the back-dues it produces for months
     * already rolled; they are booked only by {@link #bookBackDues}.
     */
    public BackDues setWage(long memberId, YearMonth from, long wageFen) {
        session.require(Permission.MEMBER_WRITE);
        if (wageFen < 0) {
            throw new RuleViolationException("validation.money");
        }
        members.findById(memberId).orElseThrow(() -> new NotFoundException("member.notFound",
                String.valueOf(memberId)));
        db.inTransaction(() -> {
            dues.saveWage(memberId, from, wageFen, session.operator(), LocalDateTime.now(clock));
            audit.record("WAGE_SET", "member", Long.toString(memberId), null,
                    "from=" + from + "; wage=" + Money.ofFen(wageFen), null);
        });
        return backDues(memberId, from);
    }

    /** Records a wage inside the caller's transaction (bulk loads), audited, without back-dues. */
    void saveWageQuietly(long memberId, YearMonth from, long wageFen) {
        dues.saveWage(memberId, from, wageFen, session.operator(), LocalDateTime.now(clock));
        audit.record("WAGE_SET", "member", Long.toString(memberId), null,
                "from=" + from + "; wage=" + Money.ofFen(wageFen), null);
    }

    /** A member's wage history, oldest first: month → wage base in 分. */
    public List<Map.Entry<YearMonth, Long>> wageHistory(long memberId) {
        session.require(Permission.MEMBER_READ);
        return dues.wageHistory(memberId);
    }

    /** The charges of a month. */
    public List<Charge> monthCharges(YearMonth month) {
        session.require(Permission.MEMBER_READ);
        return dues.charges(month);
    }

    /** The back-dues a member owes for months from {@code from} that were rolled with a lower base. */
    public BackDues backDues(long memberId, YearMonth from) {
        DuesRuleBook book = ruleBook();
        Map<YearMonth, Long> charged = new TreeMap<>();
        for (Charge c : dues.chargesOf(memberId)) {
            if (!c.period().isBefore(from)) {
                charged.merge(c.period(), c.amountFen(), Long::sum);
            }
        }
        List<Charge> out = new ArrayList<>();
        for (Map.Entry<YearMonth, Long> e : charged.entrySet()) {
            YearMonth m = e.getKey();
            RollSubject s = dues.rollSubject(m, memberId).orElseThrow();
            MemberStatus st = s.span().statusAt(m);
            DuesResult r = book.ruleFor(m).compute(new DuesSubject(s.wageFen() == null ? 0 : s.wageFen(),
                    st == null ? MemberStatus.ACTIVE : st, s.hardship(), s.hardshipLevel(), s.employmentType()));
            long diff = r.amountFen() - e.getValue();
            if (diff != 0) {
                out.add(new Charge(memberId, m, ChargeKind.BACK, r.flooredBaseFen(), diff, null));
            }
        }
        return new BackDues(memberId, from, List.copyOf(out));
    }

    /** Books the back-dues shown by {@link #backDues} (recomputed now) in one transaction. */
    public BackDues bookBackDues(long memberId, YearMonth from) {
        session.require(Permission.MEMBER_WRITE);
        return db.inTransaction(() -> {
            BackDues b = backDues(memberId, from);
            dues.insertCharges(b.charges(), LocalDateTime.now(clock));
            audit.record("DUES_BACK", "member", Long.toString(memberId), null,
                    "months=" + b.charges().size() + "; total_fen=" + b.totalFen(), null);
            return b;
        });
    }

    // --- payments, receipts -------------------------------------------------------------------

    public enum Method { PAYROLL, CASH, TRANSFER, REFUND }

    /** A recorded payment, and its receipt number ({@code 2026-000123}) when one was issued. */
    public record PaymentResult(long paymentId, String receiptNo) {
    }

    /**
     * Records a payment (a refund is {@link Method#REFUND} with a positive amount, stored
     * negative). With {@code receipt} a numbered receipt is issued in the same transaction; numbers
     * run without gaps within a year.
     */
    public PaymentResult recordPayment(long memberId, long amountFen, Method method, LocalDate paidOn, String batchRef,
            String note, boolean receipt) {
        session.require(Permission.MEMBER_WRITE);
        if (amountFen <= 0) {
            throw new RuleViolationException("dues.amountPositive");
        }
        members.findById(memberId).orElseThrow(() -> new NotFoundException("member.notFound",
                String.valueOf(memberId)));
        long signed = method == Method.REFUND ? -amountFen : amountFen;
        return db.inTransaction(() -> {
            if (method == Method.REFUND) {
                long paid = dues.paidTotal(memberId);
                if (amountFen > paid) {
                    throw new RuleViolationException("dues.refundTooLarge", Money.ofFen(Math.max(0, paid))
                            .toYuanString());
                }
            }
            Long receiptId = null;
            String receiptNo = null;
            if (receipt && method != Method.REFUND) {
                int year = paidOn.getYear();
                int seq = dues.nextReceiptSeq(year);
                receiptId = dues.insertReceipt(year, seq, memberId, amountFen, monthsCovered(memberId, amountFen),
                        paidOn, session.operator());
                receiptNo = receiptNumber(year, seq);
            }
            long id = dues.insertPayment(memberId, signed, method.name(), paidOn, emptyToNull(batchRef), receiptId,
                    emptyToNull(note), LocalDateTime.now(clock), session.operator());
            audit.record("DUES_PAYMENT", "member", Long.toString(memberId), null,
                    "amount_fen=" + signed + "; method=" + method + "; paid_on=" + paidOn
                            + (receiptNo == null ? "" : "; receipt=" + receiptNo), null);
            return new PaymentResult(id, receiptNo);
        });
    }

    /** One line of a bulk payment (payroll deduction batch). */
    public record PaymentLine(long memberId, long amountFen) {
    }

    /**
     * Records a batch of payments (e.g. the month's payroll deduction 代扣) in ONE transaction:
     * all lines or none. Returns the number of payments written.
     */
    public int recordPayments(List<PaymentLine> lines, Method method, LocalDate paidOn, String batchRef) {
        session.require(Permission.MEMBER_WRITE);
        for (PaymentLine l : lines) {
            if (l.amountFen() <= 0) {
                throw new RuleViolationException("dues.amountPositive");
            }
        }
        return db.inTransaction(() -> {
            LocalDateTime now = LocalDateTime.now(clock);
            List<cn.uniondesk.db.AuditRepository.Draft> rows = new ArrayList<>(lines.size());
            List<long[]> payments = new ArrayList<>(lines.size());
            for (PaymentLine l : lines) {
                long signed = method == Method.REFUND ? -l.amountFen() : l.amountFen();
                payments.add(new long[] {l.memberId(), signed});
                rows.add(new cn.uniondesk.db.AuditRepository.Draft("DUES_PAYMENT", "member",
                        Long.toString(l.memberId()), null, "amount_fen=" + signed + "; method=" + method
                                + "; paid_on=" + paidOn + "; batch=" + batchRef, null));
            }
            dues.insertPayments(payments, method.name(), paidOn, emptyToNull(batchRef), now, session.operator());
            audit.recordAll(rows);
            return lines.size();
        });
    }

    public static String receiptNumber(int year, int seq) {
        return String.format("%d-%06d", year, seq);
    }

    /**
     * Voids a receipt: it stays, marked void, with the reason, and the payment it was issued for
     * is reversed in the same transaction (a negative payment of the same method and date, linked
     * to the receipt), so a corrected receipt issued afterwards does not count the money twice.
     * Returns the amount reversed, in 分.
     */
    public long voidReceipt(int year, int seq, String reason) {
        session.require(Permission.MEMBER_WRITE);
        String why = TextNormalizer.normalize(reason);
        if (why.isEmpty()) {
            throw new RuleViolationException("lifecycle.reasonRequired");
        }
        DuesRepository.ReceiptRow r = dues.receipt(year, seq)
                .orElseThrow(() -> new NotFoundException("dues.receiptNotFound", receiptNumber(year, seq)));
        if (r.voided()) {
            throw new RuleViolationException("dues.receiptAlreadyVoid", receiptNumber(year, seq));
        }
        String number = receiptNumber(year, seq);
        return db.inTransaction(() -> {
            dues.voidReceipt(r.id(), why);
            List<DuesRepository.ReceiptPayment> paid = dues.paymentsOfReceipt(r.id());
            long net = paid.stream().mapToLong(DuesRepository.ReceiptPayment::amountFen).sum();
            if (net > 0) {
                DuesRepository.ReceiptPayment first = paid.get(0);
                dues.insertPayment(first.memberId(), -net, first.method(), first.paidOn(), null, r.id(),
                        "作废收据 " + number + "：" + why, LocalDateTime.now(clock), session.operator());
            }
            audit.record("RECEIPT_VOID", "dues_receipt", number, "voided=false",
                    "voided=true; reversed_fen=" + Math.max(0, net), why);
            return Math.max(0, net);
        });
    }

    public java.util.Optional<DuesRepository.ReceiptRow> receipt(int year, int seq) {
        return dues.receipt(year, seq);
    }

    /** A receipt as lists and printouts show it: number, date, member, months, amount, issuer, void state. */
    public record ReceiptInfo(int year, int seq, LocalDate issuedOn, long memberId, String memberName, String cardNo,
            String months, long amountFen, String issuedBy, boolean voided, String voidReason) {
        public String number() {
            return receiptNumber(year, seq);
        }
    }

    /** The receipts issued in {@code year}, by number (voided ones included, marked). */
    public List<ReceiptInfo> receipts(int year) {
        session.require(Permission.MEMBER_READ);
        Map<Long, cn.uniondesk.domain.Member> who = new HashMap<>();
        List<ReceiptInfo> out = new ArrayList<>();
        for (DuesRepository.ReceiptRow r : dues.receipts(year)) {
            out.add(info(r, who));
        }
        return out;
    }

    /** One receipt by its number ({@code 2026-000123}). */
    public java.util.Optional<ReceiptInfo> receiptInfo(String number) {
        session.require(Permission.MEMBER_READ);
        int[] ys = parseReceiptNumber(number);
        if (ys == null) {
            return java.util.Optional.empty();
        }
        return dues.receipt(ys[0], ys[1]).map(r -> info(r, new HashMap<>()));
    }

    /** {year, seq} of a receipt number such as {@code 2026-000123}, or null when it is not one. */
    public static int[] parseReceiptNumber(String number) {
        String n = number == null ? "" : number.strip();
        int dash = n.indexOf('-');
        if (dash <= 0) {
            return null;
        }
        try {
            int year = Integer.parseInt(n.substring(0, dash));
            int seq = Integer.parseInt(n.substring(dash + 1));
            return year > 0 && seq > 0 ? new int[] {year, seq} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private ReceiptInfo info(DuesRepository.ReceiptRow r, Map<Long, cn.uniondesk.domain.Member> who) {
        cn.uniondesk.domain.Member m = who.computeIfAbsent(r.memberId(), id -> members.findById(id).orElse(null));
        return new ReceiptInfo(r.year(), r.seq(), r.issuedOn(), r.memberId(), m == null ? "" : m.name(),
                m == null ? null : m.cardNo(), r.months(), r.amountFen(), r.issuedBy(), r.voided(), r.voidReason());
    }

    /** What a member has paid in all, refunds deducted: the most a refund may return. */
    public long paidTotal(long memberId) {
        session.require(Permission.MEMBER_READ);
        return dues.paidTotal(memberId);
    }

    /** The months a payment settles, oldest unpaid first (e.g. {@code 2026-09~2026-11}). */
    private String monthsCovered(long memberId, long amountFen) {
        long paid = dues.paidTotal(memberId);
        Map<YearMonth, Long> byMonth = new TreeMap<>();
        for (Charge c : dues.chargesOf(memberId)) {
            byMonth.merge(c.period(), c.amountFen(), Long::sum);
        }
        YearMonth first = null;
        YearMonth last = null;
        long budget = amountFen;
        for (Map.Entry<YearMonth, Long> e : byMonth.entrySet()) {
            long due = e.getValue();
            long fromEarlier = Math.min(paid, due);
            paid -= fromEarlier;
            long open = due - fromEarlier;
            if (open <= 0) {
                continue;
            }
            if (budget <= 0) {
                break;
            }
            budget -= open;
            if (first == null) {
                first = e.getKey();
            }
            last = e.getKey();
        }
        if (first == null) {
            return "预缴";
        }
        return first.equals(last) ? first.toString() : first + "~" + last;
    }

    // --- arrears and summaries ----------------------------------------------------------------

    /** A member who owes: how much, for how many months, since when. */
    public record Arrears(long memberId, long owedFen, int months, YearMonth oldest, String reason) {
    }

    /** Members with unpaid dues up to {@code asOf}, oldest debt first allocation (FIFO). */
    public List<Arrears> arrears(YearMonth asOf) {
        session.require(Permission.MEMBER_READ);
        Map<Long, long[]> balances = dues.balances(asOf);
        Map<Long, String> reasons = dues.arrearsReasons();
        List<Arrears> out = new ArrayList<>();
        for (Map.Entry<Long, long[]> e : balances.entrySet()) {
            long owed = e.getValue()[0] - e.getValue()[1];
            if (owed <= 0) {
                continue;
            }
            long memberId = e.getKey();
            long paid = e.getValue()[1];
            Map<YearMonth, Long> byMonth = new TreeMap<>();
            for (Charge c : dues.chargesOf(memberId)) {
                if (!c.period().isAfter(asOf)) {
                    byMonth.merge(c.period(), c.amountFen(), Long::sum);
                }
            }
            int months = 0;
            YearMonth oldest = null;
            for (Map.Entry<YearMonth, Long> m : byMonth.entrySet()) {
                long due = m.getValue();
                long cover = Math.min(paid, due);
                paid -= cover;
                if (due - cover > 0) {
                    months++;
                    if (oldest == null) {
                        oldest = m.getKey();
                    }
                }
            }
            out.add(new Arrears(memberId, owed, months, oldest, reasons.get(memberId)));
        }
        out.sort((a, b) -> Long.compare(a.memberId(), b.memberId()));
        return out;
    }

    /** Members {@value #REVIEW_AFTER_MONTHS}+ months in arrears with no recorded reason: listed, never acted on. */
    public List<Arrears> reviewList(YearMonth asOf) {
        return arrears(asOf).stream().filter(a -> a.months() >= REVIEW_AFTER_MONTHS && a.reason() == null).toList();
    }

    public void recordArrearsReason(long memberId, String reason) {
        session.require(Permission.MEMBER_WRITE);
        String r = TextNormalizer.normalize(reason);
        if (r.isEmpty()) {
            throw new RuleViolationException("lifecycle.reasonRequired");
        }
        db.inTransaction(() -> {
            dues.saveArrearsReason(memberId, r, LocalDateTime.now(clock), session.operator());
            audit.record("ARREARS_REASON", "member", Long.toString(memberId), null, r, null);
        });
    }

    /** 会费收缴 figures of a month: due (charged for the month), paid in the month, outstanding, rate. */
    public record Collection(YearMonth month, long dueFen, long paidFen, long outstandingFen, int members,
            int paidMembers) {
        /** Collection rate in basis points of due (10000 = 100%); 0 when nothing was due. */
        public long rateBp() {
            return dueFen == 0 ? 0 : Math.min(10000, paidFen * 10000 / dueFen);
        }
    }

    public Collection collection(YearMonth month) {
        session.require(Permission.MEMBER_READ);
        Map<Long, Long> due = new HashMap<>();
        for (Charge c : dues.charges(month)) {
            due.merge(c.memberId(), c.amountFen(), Long::sum);
        }
        Map<Long, Long> paid = dues.paidIn(month);
        long dueTotal = due.values().stream().mapToLong(Long::longValue).sum();
        long paidTotal = paid.values().stream().mapToLong(Long::longValue).sum();
        long outstanding = dues.balances(month).values().stream().mapToLong(b -> Math.max(0, b[0] - b[1])).sum();
        int paidMembers = (int) due.keySet().stream().filter(m -> paid.getOrDefault(m, 0L) > 0).count();
        return new Collection(month, dueTotal, paidTotal, outstanding, due.size(), paidMembers);
    }

    // --- union fund -----------------------------------------------------------------------------

    /** 工会经费: 2% of the payroll total is due; {@code upperShareBp} (e.g. 4000 = 40%) is remitted upward. */
    public record Fund(YearMonth month, long payrollTotalFen, long dueFen, long receivedFen, long remittedFen,
            int upperShareBp) {
        /** 应上解: the upper share of what was received. */
        public long upperShareFen() {
            return cn.uniondesk.domain.dues.UnionFund.upperShareFen(receivedFen, upperShareBp);
        }

        /** 留成: what was received less the upper share. */
        public long retainedFen() {
            return receivedFen - upperShareFen();
        }
    }

    /**
     * Records (or overwrites) a month's 工会经费 figures; the 2% due is computed from the payroll
     * total. Refused, with nothing written, when an amount is negative or beyond
     * {@link cn.uniondesk.domain.dues.UnionFund#MAX_FEN}, when more was remitted than received, or when
     * the share is outside 0–100%. The audit row carries the previous figures of an overwritten month.
     */
    public Fund recordFund(YearMonth month, long payrollTotalFen, long receivedFen, long remittedFen,
            int upperShareBp) {
        session.require(Permission.MEMBER_WRITE);
        java.util.Objects.requireNonNull(month, "month");
        checkFund(payrollTotalFen, receivedFen, remittedFen, upperShareBp);
        long due = cn.uniondesk.domain.dues.UnionFund.dueFen(payrollTotalFen);
        Fund after = new Fund(month, payrollTotalFen, due, receivedFen, remittedFen, upperShareBp);
        db.inTransaction(() -> {
            // a month's remittance may carry an earlier month's share (October's paid in November): the
            // rule is on the year so far, January to this month, not on the month alone
            long receivedSoFar = receivedFen;
            long remittedSoFar = remittedFen;
            for (long[] a : dues.funds(YearMonth.of(month.getYear(), 1), month.minusMonths(1)).values()) {
                receivedSoFar += a[2];
                remittedSoFar += a[3];
            }
            if (remittedSoFar > receivedSoFar) {
                throw new RuleViolationException("dues.fund.remittedOverReceived", month.getYear(),
                        Money.ofFen(remittedSoFar).toYuanString(), Money.ofFen(receivedSoFar).toYuanString());
            }
            String before = dues.fund(month).map(a -> fundAudit(new Fund(month, a[0], a[1], a[2], a[3], (int) a[4])))
                    .orElse(null);
            dues.saveFund(month, payrollTotalFen, due, receivedFen, remittedFen, upperShareBp,
                    LocalDateTime.now(clock));
            audit.record("FUND_SAVE", "union_fund", month.toString(), before, fundAudit(after), null);
        });
        return after;
    }

    private static void checkFund(long payrollTotalFen, long receivedFen, long remittedFen, int upperShareBp) {
        if (payrollTotalFen < 0 || receivedFen < 0 || remittedFen < 0) {
            throw new RuleViolationException("dues.fund.negative");
        }
        long max = cn.uniondesk.domain.dues.UnionFund.MAX_FEN;
        if (payrollTotalFen > max || receivedFen > max || remittedFen > max) {
            throw new RuleViolationException("dues.fund.tooLarge", Money.ofFen(max).toYuanString());
        }
        if (upperShareBp < 0 || upperShareBp > 10000) {
            throw new RuleViolationException("dues.fund.badShare",
                    cn.uniondesk.domain.dues.UnionFund.percentText(upperShareBp));
        }
    }

    private static String fundAudit(Fund f) {
        return "payroll_fen=" + f.payrollTotalFen() + "; due_fen=" + f.dueFen() + "; received_fen=" + f.receivedFen()
                + "; remitted_fen=" + f.remittedFen() + "; upper_share_bp=" + f.upperShareBp();
    }

    /** The 工会经费 figures recorded for {@code month}, if any. */
    public java.util.Optional<Fund> fund(YearMonth month) {
        session.require(Permission.MEMBER_READ);
        return dues.fund(month).map(a -> new Fund(month, a[0], a[1], a[2], a[3], (int) a[4]));
    }

    /** The months of {@code year} with 工会经费 figures recorded, in month order (unrecorded months left out). */
    public List<Fund> funds(int year) {
        session.require(Permission.MEMBER_READ);
        List<Fund> out = new ArrayList<>();
        dues.funds(YearMonth.of(year, 1), YearMonth.of(year, 12))
                .forEach((m, a) -> out.add(new Fund(m, a[0], a[1], a[2], a[3], (int) a[4])));
        return out;
    }

    // --- monthly report ----------------------------------------------------------------------

    /** One member's line in the month's report. */
    public record ReportLine(long memberId, String cardNo, String name, String department, long baseFen, long dueFen,
            long paidFen, long outstandingFen, String exemption) {
    }

    /** One department's totals. */
    public record DepartmentTotals(String department, int dueMembers, long dueFen, int paidMembers, long paidFen,
            long outstandingFen) {
        public long rateBp() {
            return dueFen == 0 ? 0 : Math.min(10000, paidFen * 10000 / dueFen);
        }
    }

    /** 会费收缴月报: per department and per member, for one month. */
    public record MonthlyReport(YearMonth month, List<DepartmentTotals> departments, List<ReportLine> lines,
            Collection totals) {
    }

    /**
     * 会费收缴月报 of a month with a line per member who was charged for it or paid in it.
     * Narrow reads: the month's charges summed per member, the month's payments per member, the
     * balances from the running figures (decision 0010) and card number, name and department.
     */
    public MonthlyReport monthlyReport(YearMonth month) {
        session.require(Permission.MEMBER_READ);
        return monthly(month, true);
    }

    /**
     * The same report without the per-member lines ({@code lines} empty): the department totals
     * and the month's totals only, for the monthly report set and the batch upward.
     */
    public MonthlyReport monthlySummary(YearMonth month) {
        session.require(Permission.MEMBER_READ);
        return monthly(month, false);
    }

    private MonthlyReport monthly(YearMonth month, boolean withLines) {
        Map<Long, DuesRepository.MonthDue> due = dues.monthDues(month);
        Map<Long, Long> paid = dues.paidIn(month);
        Map<Long, Long> balances = dues.balancesAt(month);
        Map<Long, String> deptNames = members.departmentNames();
        List<ReportLine> lines = new ArrayList<>();
        Map<String, long[]> byDept = new TreeMap<>();
        java.util.function.Consumer<MemberRepository.DuesListing> add = r -> {
            DuesRepository.MonthDue d = due.get(r.id());
            long p = paid.getOrDefault(r.id(), 0L);
            if (d == null && p == 0) {
                return;
            }
            long outstanding = Math.max(0, balances.getOrDefault(r.id(), 0L));
            String name = r.departmentId() == null ? null : deptNames.get(r.departmentId());
            String dept = name == null ? "" : name;
            if (withLines) {
                lines.add(new ReportLine(r.id(), r.cardNo(), r.name(), dept, d == null ? 0 : d.baseFen(),
                        d == null ? 0 : d.dueFen(), p, outstanding, d == null ? null : d.exemption()));
            }
            long[] t = byDept.computeIfAbsent(dept, k -> new long[5]);
            if (d != null) {
                t[0]++;
                t[1] += d.dueFen();
            }
            if (p > 0) {
                t[2]++;
                t[3] += p;
            }
            t[4] += outstanding;
        };
        if (withLines) {
            members.forEachDuesListing(add);
        } else {
            // totals only: each member's department from the department index, no member rows
            members.departmentIds().forEach((id, dep) -> add.accept(new MemberRepository.DuesListing(id, null, null,
                    dep)));
        }
        List<DepartmentTotals> depts = new ArrayList<>();
        byDept.forEach((k, t) -> depts.add(new DepartmentTotals(k, (int) t[0], t[1], (int) t[2], t[3], t[4])));
        // the month's totals from the sums already read (same figures as collection(month), read once)
        long dueTotal = due.values().stream().mapToLong(DuesRepository.MonthDue::dueFen).sum();
        long paidTotal = paid.values().stream().mapToLong(Long::longValue).sum();
        long outstanding = balances.values().stream().mapToLong(b -> Math.max(0, b)).sum();
        int paidMembers = (int) due.keySet().stream().filter(m -> paid.getOrDefault(m, 0L) > 0).count();
        return new MonthlyReport(month, List.copyOf(depts), List.copyOf(lines), new Collection(month, dueTotal,
                paidTotal, outstanding, due.size(), paidMembers));
    }

    // --- payroll reconciliation ----------------------------------------------------------------

    /** A deduction as payroll reported it. */
    public record PayrollDeduction(int rowNumber, String name, String idNumber, String cardNo, long amountFen) {
    }

    /** What kind of mismatch. */
    public enum MismatchKind { NOT_A_MEMBER, AMOUNT_DIFFERS, MISSING_FROM_PAYROLL, BAD_AMOUNT, DUPLICATE_LINE }

    /**
     * One mismatch and the proposed adjustment, applied only when the clerk confirms:
     * NOT_A_MEMBER → refund the deduction to the person; AMOUNT_DIFFERS → book what was deducted
     * (the difference stays as arrears or is credited to later months); MISSING_FROM_PAYROLL →
     * nothing booked, the month stays owed (collect in cash).
     */
    public record Mismatch(int id, MismatchKind kind, Integer rowNumber, Long memberId, String name,
            long expectedFen, long deductedFen) {
    }

    /** A payroll line that matches the roll exactly. */
    public record Match(int rowNumber, long memberId, long amountFen) {
    }

    public record Reconciliation(YearMonth month, List<Match> matches, List<Mismatch> mismatches) {
        public long matchedFen() {
            return matches.stream().mapToLong(Match::amountFen).sum();
        }
    }

    /** The batch a month's payroll deduction is booked under; a batch is booked once. */
    public static String payrollBatchRef(YearMonth month) {
        return month + " 工资代扣";
    }

    /** The day a month's deduction is booked on: the month's last day, or today while the month runs. */
    public static LocalDate payrollPaidOn(YearMonth month, LocalDate today) {
        return month.atEndOfMonth().isBefore(today) ? month.atEndOfMonth() : today;
    }

    /** True when the month's payroll deduction ({@link #payrollBatchRef}) has been booked already. */
    public boolean payrollBooked(YearMonth month) {
        session.require(Permission.MEMBER_READ);
        return dues.hasBatch(payrollBatchRef(month));
    }

    /** Matches the month's payroll deduction sheet against the roll; writes nothing. */
    public Reconciliation reconcile(YearMonth month, List<PayrollDeduction> lines) {
        session.require(Permission.MEMBER_READ);
        Map<Long, Long> due = new HashMap<>();
        for (Charge c : dues.charges(month)) {
            due.merge(c.memberId(), c.amountFen(), Long::sum);
        }
        Map<String, Long> byId = members.idNumbers();
        Map<String, Long> byCard = members.cardNumbers();
        Map<Long, String> names = new HashMap<>();
        members.forEachRow(r -> names.put(r.id(), r.name()));
        List<Match> matches = new ArrayList<>();
        List<Mismatch> mismatches = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        int n = 0;
        for (PayrollDeduction d : lines) {
            Long memberId = null;
            if (d.idNumber() != null && !d.idNumber().isEmpty()) {
                try {
                    memberId = byId.get(cn.uniondesk.domain.IdNumber.parse(d.idNumber()).value());
                } catch (cn.uniondesk.domain.InvalidIdNumberException e) {
                    memberId = null;
                }
            }
            if (memberId == null && d.cardNo() != null && !d.cardNo().isEmpty()) {
                memberId = byCard.get(d.cardNo());
            }
            if (d.amountFen() < 0) {
                mismatches.add(new Mismatch(++n, MismatchKind.BAD_AMOUNT, d.rowNumber(), memberId, d.name(), 0, 0));
                continue;
            }
            if (memberId == null || !due.containsKey(memberId)) {
                mismatches.add(new Mismatch(++n, MismatchKind.NOT_A_MEMBER, d.rowNumber(), memberId, d.name(), 0,
                        d.amountFen()));
                continue;
            }
            if (!seen.add(memberId)) {
                mismatches.add(new Mismatch(++n, MismatchKind.DUPLICATE_LINE, d.rowNumber(), memberId, d.name(),
                        due.get(memberId), d.amountFen()));
                continue;
            }
            long expected = due.get(memberId);
            if (expected == d.amountFen()) {
                matches.add(new Match(d.rowNumber(), memberId, d.amountFen()));
            } else {
                mismatches.add(new Mismatch(++n, MismatchKind.AMOUNT_DIFFERS, d.rowNumber(), memberId, d.name(),
                        expected, d.amountFen()));
            }
        }
        for (Map.Entry<Long, Long> e : due.entrySet()) {
            if (e.getValue() > 0 && !seen.contains(e.getKey())) {
                mismatches.add(new Mismatch(++n, MismatchKind.MISSING_FROM_PAYROLL, null, e.getKey(),
                        names.get(e.getKey()), e.getValue(), 0));
            }
        }
        return new Reconciliation(month, List.copyOf(matches), List.copyOf(mismatches));
    }

    /**
     * Books the matched deductions as payroll payments, and of the mismatches only those the
     * clerk confirmed ({@code accepted} ids): AMOUNT_DIFFERS books the deducted amount;
     * NOT_A_MEMBER and DUPLICATE_LINE record the refund owed (audit row); others book nothing.
     * One transaction. Returns the number of payments booked.
     */
    public int applyReconciliation(Reconciliation r, java.util.Set<Integer> accepted, LocalDate paidOn,
            String batchRef) {
        session.require(Permission.MEMBER_WRITE);
        if (dues.hasBatch(batchRef)) {
            throw new RuleViolationException("dues.recon.alreadyBooked", batchRef);
        }
        return db.inTransaction(() -> {
            List<PaymentLine> pay = new ArrayList<>();
            for (Match m : r.matches()) {
                if (m.amountFen() > 0) {
                    pay.add(new PaymentLine(m.memberId(), m.amountFen()));
                }
            }
            List<cn.uniondesk.db.AuditRepository.Draft> notes = new ArrayList<>();
            for (Mismatch mm : r.mismatches()) {
                if (!accepted.contains(mm.id())) {
                    continue;
                }
                switch (mm.kind()) {
                    case AMOUNT_DIFFERS:
                        if (mm.deductedFen() > 0) {
                            pay.add(new PaymentLine(mm.memberId(), mm.deductedFen()));
                        }
                        break;
                    case NOT_A_MEMBER:
                    case DUPLICATE_LINE:
                        notes.add(new cn.uniondesk.db.AuditRepository.Draft("PAYROLL_REFUND_DUE", "payroll",
                                r.month() + "#" + mm.rowNumber(), null, "name=" + mm.name() + "; amount_fen="
                                        + mm.deductedFen(), batchRef));
                        break;
                    default:
                        break;
                }
            }
            int n = recordPayments(pay, Method.PAYROLL, paidOn, batchRef);
            audit.recordAll(notes);
            return n;
        });
    }

    // --- back-dues for many wage changes (wage sheet import) ------------------------------------

    /** A wage from a month on, not yet stored. */
    public record WageChange(long memberId, YearMonth from, long wageFen) {
    }

    /**
     * The back-dues (补交) that storing these wages would produce, computed as {@link #backDues}
     * computes them after the wage is stored: for every month already charged from the change's
     * month on, what the rule gives on the wage then in force, less what is charged. A wage
     * stored for a later month than the change keeps deciding from its month on. Writes nothing.
     * At most one change per member.
     *
     * @return member → back-dues, only members with at least one month that differs
     */
    public Map<Long, BackDues> previewBackDues(List<WageChange> changes) {
        session.require(Permission.MEMBER_READ);
        Map<Long, WageChange> byMember = new HashMap<>();
        YearMonth first = null;
        for (WageChange c : changes) {
            if (byMember.put(c.memberId(), c) != null) {
                throw new IllegalArgumentException("two wage changes for member " + c.memberId());
            }
            first = first == null || c.from().isBefore(first) ? c.from() : first;
        }
        if (first == null) {
            return Map.of();
        }
        DuesRuleBook book = ruleBook();
        Map<Long, TreeMap<YearMonth, Long>> history = dues.wageHistories();
        Map<Long, List<Charge>> out = new HashMap<>();
        for (YearMonth m : dues.chargedMonths(first)) {
            Map<Long, Long> charged = new HashMap<>();
            for (Charge c : dues.charges(m)) {
                WageChange w = byMember.get(c.memberId());
                if (w != null && !w.from().isAfter(m)) {
                    charged.merge(c.memberId(), c.amountFen(), Long::sum);
                }
            }
            if (charged.isEmpty()) {
                continue;
            }
            Map<Long, RollSubject> subjects = new HashMap<>();
            if (charged.size() <= 50) {
                for (Long id : charged.keySet()) {
                    dues.rollSubject(m, id).ifPresent(s -> subjects.put(id, s));
                }
            } else {
                for (RollSubject s : dues.rollSubjects(m)) {
                    if (charged.containsKey(s.memberId())) {
                        subjects.put(s.memberId(), s);
                    }
                }
            }
            DuesRule rule = book.ruleFor(m);
            for (Map.Entry<Long, Long> e : charged.entrySet()) {
                WageChange w = byMember.get(e.getKey());
                RollSubject s = subjects.get(e.getKey());
                if (s == null) {
                    continue;
                }
                TreeMap<YearMonth, Long> h = history.get(e.getKey());
                boolean laterStored = h != null && !h.subMap(w.from(), false, m, true).isEmpty();
                long wage = laterStored ? (s.wageFen() == null ? 0 : s.wageFen()) : w.wageFen();
                MemberStatus st = s.span().statusAt(m);
                DuesResult r = rule.compute(new DuesSubject(wage, st == null ? MemberStatus.ACTIVE : st, s.hardship(),
                        s.hardshipLevel(), s.employmentType()));
                long diff = r.amountFen() - e.getValue();
                if (diff != 0) {
                    out.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                            .add(new Charge(e.getKey(), m, ChargeKind.BACK, r.flooredBaseFen(), diff, null));
                }
            }
        }
        Map<Long, BackDues> result = new HashMap<>();
        out.forEach((id, list) -> result.put(id, new BackDues(id, byMember.get(id).from(), List.copyOf(list))));
        return result;
    }

    /**
     * Stores the wages and, when asked, books the back-dues given, inside the caller's
     * transaction, with one audit row per wage and per member's back-dues.
     */
    void storeWagesAndBackDues(List<WageChange> wages, Map<Long, Long> oldWages, List<BackDues> backDues,
            String source) {
        session.require(Permission.MEMBER_WRITE);
        LocalDateTime now = LocalDateTime.now(clock);
        List<DuesRepository.WageEntry> entries = new ArrayList<>(wages.size());
        List<cn.uniondesk.db.AuditRepository.Draft> rows = new ArrayList<>();
        for (WageChange w : wages) {
            entries.add(new DuesRepository.WageEntry(w.memberId(), w.from(), w.wageFen()));
            Long old = oldWages.get(w.memberId());
            rows.add(new cn.uniondesk.db.AuditRepository.Draft("WAGE_SET", "member", Long.toString(w.memberId()),
                    old == null ? null : "wage=" + Money.ofFen(old), "from=" + w.from() + "; wage="
                            + Money.ofFen(w.wageFen()), source));
        }
        dues.saveWages(entries, session.operator(), now);
        List<Charge> charges = new ArrayList<>();
        for (BackDues b : backDues) {
            charges.addAll(b.charges());
            rows.add(new cn.uniondesk.db.AuditRepository.Draft("DUES_BACK", "member", Long.toString(b.memberId()),
                    null, "months=" + b.charges().size() + "; total_fen=" + b.totalFen(), source));
        }
        dues.insertCharges(charges, now);
        audit.recordAll(rows);
    }

    // --- yearly per-member statement ------------------------------------------------------------

    /** One month of a member's statement: charged, paid in the month, balance at its end, receipts issued. */
    public record StatementMonth(YearMonth month, long dueFen, long paidFen, long balanceFen, List<String> receipts) {
    }

    /**
     * 年度会费对账单 of one member: the balance brought forward (owed at the end of the previous
     * year; negative: paid in advance), twelve months, and the year's totals. Balance = brought
     * forward + due − paid, month by month.
     */
    public record MemberStatement(long memberId, String cardNo, String name, String department,
            long openingFen, List<StatementMonth> months) {
        public long dueFen() {
            return months.stream().mapToLong(StatementMonth::dueFen).sum();
        }

        public long paidFen() {
            return months.stream().mapToLong(StatementMonth::paidFen).sum();
        }

        /** Owed at the end of the year (negative: paid in advance). */
        public long closingFen() {
            return openingFen + dueFen() - paidFen();
        }
    }

    public record YearlyStatement(int year, List<MemberStatement> members) {
        public long dueFen() {
            return members.stream().mapToLong(MemberStatement::dueFen).sum();
        }

        public long paidFen() {
            return members.stream().mapToLong(MemberStatement::paidFen).sum();
        }

        public long closingFen() {
            return members.stream().mapToLong(MemberStatement::closingFen).sum();
        }
    }

    /**
     * The yearly statement of one member ({@code memberId}) or of every member with dues,
     * payments or a balance in the year (null), ordered by card number.
     */
    public YearlyStatement yearlyStatement(int year, Long memberId) {
        session.require(Permission.MEMBER_READ);
        YearMonth jan = YearMonth.of(year, 1);
        YearMonth dec = YearMonth.of(year, 12);
        if (memberId != null) {
            members.findById(memberId).orElseThrow(() -> new NotFoundException("member.notFound",
                    String.valueOf(memberId)));
        }
        Map<Long, long[]> opening = dues.balances(jan.minusMonths(1));
        Map<Long, Map<YearMonth, Long>> due = dues.chargesByMonth(jan, dec, memberId);
        Map<Long, Map<YearMonth, Long>> paid = dues.paymentsByMonth(jan, dec, memberId);
        Map<Long, Map<YearMonth, List<String>>> receipts = new HashMap<>();
        for (DuesRepository.ReceiptRow r : dues.receiptsIssued(jan, dec, memberId)) {
            receipts.computeIfAbsent(r.memberId(), k -> new HashMap<>())
                    .computeIfAbsent(YearMonth.from(r.issuedOn()), k -> new ArrayList<>())
                    .add(receiptNumber(r.year(), r.seq()) + (r.voided() ? "（作废）" : ""));
        }
        List<MemberStatement> out = new ArrayList<>();
        members.forEachRow(r -> {
            if (memberId != null && r.id() != memberId) {
                return;
            }
            long[] b = opening.getOrDefault(r.id(), new long[2]);
            long open = b[0] - b[1];
            Map<YearMonth, Long> d = due.getOrDefault(r.id(), Map.of());
            Map<YearMonth, Long> p = paid.getOrDefault(r.id(), Map.of());
            Map<YearMonth, List<String>> rc = receipts.getOrDefault(r.id(), Map.of());
            if (memberId == null && open == 0 && d.isEmpty() && p.isEmpty() && rc.isEmpty()) {
                return;
            }
            List<StatementMonth> months = new ArrayList<>(12);
            long balance = open;
            for (YearMonth m = jan; !m.isAfter(dec); m = m.plusMonths(1)) {
                long dm = d.getOrDefault(m, 0L);
                long pm = p.getOrDefault(m, 0L);
                balance += dm - pm;
                months.add(new StatementMonth(m, dm, pm, balance, List.copyOf(rc.getOrDefault(m, List.of()))));
            }
            out.add(new MemberStatement(r.id(), r.cardNo(), r.name(), r.departmentName() == null ? ""
                    : r.departmentName(), open, List.copyOf(months)));
        });
        out.sort(java.util.Comparator.comparing((MemberStatement s) -> s.cardNo() == null ? "" : s.cardNo())
                .thenComparingLong(MemberStatement::memberId));
        return new YearlyStatement(year, List.copyOf(out));
    }

    private static String emptyToNull(String s) {
        String n = TextNormalizer.normalize(s);
        return n.isEmpty() ? null : n;
    }
}
