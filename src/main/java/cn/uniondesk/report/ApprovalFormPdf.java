package cn.uniondesk.report;

import cn.uniondesk.domain.ChineseAmount;
import cn.uniondesk.domain.Money;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.CaseDocumentService.ApprovalForm;
import cn.uniondesk.service.CaseDocumentService.Entry;
import cn.uniondesk.service.CaseDocumentService.Household;
import cn.uniondesk.service.CaseDocumentService.Relative;
import cn.uniondesk.service.CaseDocumentService.Step;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.awt.Color;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * 帮扶审批表 as PDF (A4 portrait): the case, the applicant, the household from the hardship file,
 * the request, the amounts in figures and in capitals, every step with who, when and comment, and
 * boxes for the signatures and the union's seal.
 */
public final class ApprovalFormPdf {
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Color SECTION = new Color(225, 225, 225);
    private static final Color LABEL = new Color(244, 244, 244);

    private ApprovalFormPdf() {
    }

    public static void write(ApprovalForm f, Messages m, Path out) {
        PdfReport.write(out, PageSize.A4, f.unionName(), m.get("casedoc.form.header", f.caseNo()), doc -> {
            try {
                body(doc, f, m);
            } catch (DocumentException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void body(Document doc, ApprovalForm f, Messages m) throws DocumentException {
        Paragraph title = new Paragraph(m.get("casedoc.form.title"), PdfFonts.bold(17));
        title.setAlignment(Element.ALIGN_CENTER);
        doc.add(title);
        Paragraph union = new Paragraph(f.unionName(), PdfFonts.font(11));
        union.setAlignment(Element.ALIGN_CENTER);
        union.setSpacingAfter(4);
        doc.add(union);

        PdfPTable head = new PdfPTable(new float[] {1, 1, 1, 1});
        head.setWidthPercentage(100);
        plain(head, m.get("casedoc.form.caseNo") + "：" + f.caseNo());
        plain(head, m.get("casedoc.form.type") + "：" + f.typeLabel());
        plain(head, m.get("casedoc.form.registered") + "：" + date(f.registeredOn()));
        plain(head, m.get("casedoc.form.state") + "：" + f.stateLabel());
        doc.add(head);

        // --- applicant
        PdfPTable a = grid();
        section(a, m.get("casedoc.form.section.applicant"), 4);
        label(a, m.get("casedoc.form.name"));
        value(a, f.memberName(), 1);
        label(a, m.get("casedoc.form.gender"));
        value(a, f.gender(), 1);
        label(a, m.get("casedoc.form.cardNo"));
        value(a, f.cardNo(), 1);
        label(a, m.get("casedoc.form.department"));
        value(a, f.department(), 1);
        label(a, m.get("casedoc.form.idNumber"));
        value(a, f.idNumber(), 3);
        doc.add(a);

        // --- household
        doc.add(household(f, m));

        // --- request: the type's own fields
        PdfPTable r = grid();
        section(r, m.get("casedoc.form.section.request", f.typeLabel()), 4);
        List<Entry> fields = f.fields();
        for (Entry e : fields) {
            label(r, e.label());
            value(r, e.value(), 3);
        }
        if (!f.attachments().isEmpty()) {
            label(r, m.get("casedoc.form.attachments"));
            value(r, String.join("；", f.attachments()), 3);
        }
        doc.add(r);

        // --- amounts
        PdfPTable amt = new PdfPTable(new float[] {1.4f, 1.6f, 3.4f, 1.3f, 1.8f});
        amt.setWidthPercentage(100);
        section(amt, m.get("casedoc.form.section.amounts"), 5);
        for (String h : List.of(m.get("casedoc.form.amount.item"), m.get("casedoc.form.amount.figures"),
                m.get("casedoc.form.amount.capitals"), m.get("casedoc.form.amount.date"))) {
            PdfPCell c = cell(h, PdfFonts.bold(9), LABEL);
            c.setHorizontalAlignment(Element.ALIGN_CENTER);
            c.setColspan(h.equals(m.get("casedoc.form.amount.date")) ? 2 : 1);
            amt.addCell(c);
        }
        amountRow(amt, m.get("casedoc.form.requested"), f.requested(), m.get("casedoc.form.registered"),
                f.registeredOn());
        amountRow(amt, m.get("casedoc.form.approved"), f.approved(), m.get("casedoc.form.approvedOn"),
                f.approvedOn());
        amountRow(amt, m.get("casedoc.form.paid"), f.paid(), m.get("casedoc.form.paidOn"), f.paidOn());
        label(amt, m.get("casedoc.form.paymentMethod"));
        value(amt, f.paymentMethod() == null ? "" : f.paymentMethod(), 4);
        doc.add(amt);

        // --- steps
        PdfPTable s = new PdfPTable(new float[] {1.3f, 1.1f, 1.3f, 1.0f, 1.7f, 3.6f});
        s.setWidthPercentage(100);
        s.setHeaderRows(2);
        section(s, m.get("casedoc.form.section.steps"), 6);
        for (String h : List.of(m.get("casedoc.form.step.action"), m.get("casedoc.form.step.state"),
                m.get("casedoc.form.step.operator"), m.get("casedoc.form.step.role"), m.get("casedoc.form.step.at"),
                m.get("casedoc.form.step.comment"))) {
            PdfPCell c = cell(h, PdfFonts.bold(9), LABEL);
            c.setHorizontalAlignment(Element.ALIGN_CENTER);
            s.addCell(c);
        }
        for (Step st : f.steps()) {
            s.addCell(cell(st.action(), PdfFonts.font(9), null));
            s.addCell(cell(st.toState(), PdfFonts.font(9), null));
            s.addCell(cell(st.operator(), PdfFonts.font(9), null));
            s.addCell(cell(st.role(), PdfFonts.font(9), null));
            s.addCell(cell(st.at() == null ? "" : AT.format(st.at()), PdfFonts.font(9), null));
            s.addCell(cell(st.comment(), PdfFonts.font(9), null));
        }
        doc.add(s);

        // --- signatures and seal
        PdfPTable sign = new PdfPTable(3);
        sign.setWidthPercentage(100);
        sign.setKeepTogether(true);
        section(sign, m.get("casedoc.form.section.sign"), 3);
        for (String l : List.of(m.get("casedoc.form.sign.applicant"), m.get("casedoc.form.sign.handler"),
                m.get("casedoc.form.sign.reviewer"), m.get("casedoc.form.sign.approver"),
                m.get("casedoc.form.sign.date"), m.get("casedoc.form.sign.seal"))) {
            PdfPCell c = new PdfPCell(new Phrase(l, PdfFonts.font(10)));
            c.setMinimumHeight(36);
            c.setPadding(5);
            c.setVerticalAlignment(Element.ALIGN_TOP);
            sign.addCell(c);
        }
        PdfPCell printed = new PdfPCell(new Phrase(m.get("casedoc.form.printed", f.printedBy(),
                AT.format(f.printedAt()), f.unmasked() ? m.get("casedoc.form.unmasked") : m.get("casedoc.form.masked")),
                PdfFonts.font(8)));
        printed.setColspan(3);
        printed.setBorder(Rectangle.NO_BORDER);
        printed.setPaddingTop(4);
        sign.addCell(printed);
        doc.add(sign);
    }

    private static PdfPTable household(ApprovalForm f, Messages m) {
        Household h = f.household();
        PdfPTable t = grid();
        section(t, m.get("casedoc.form.section.household"), 4);
        if (h == null) {
            value(t, m.get("casedoc.form.noFile"), 4);
            return t;
        }
        label(t, m.get("casedoc.form.category"));
        value(t, h.category(), 1);
        label(t, m.get("casedoc.form.health"));
        value(t, h.disability().isEmpty() ? h.health() : h.health() + "（" + h.disability() + "）", 1);
        label(t, m.get("casedoc.form.workStatus"));
        value(t, h.workStatus(), 1);
        label(t, m.get("casedoc.form.housing"));
        value(t, h.housing(), 1);
        label(t, m.get("casedoc.form.householdSize"));
        value(t, m.get("casedoc.form.persons", h.size()), 1);
        label(t, m.get("casedoc.form.totalIncome"));
        value(t, m.get("casedoc.yuan", h.totalIncome().toYuanString()), 1);
        label(t, m.get("casedoc.form.perHead"));
        value(t, m.get("casedoc.yuan", h.perHead().toYuanString()), 1);
        label(t, m.get("casedoc.form.line"));
        value(t, h.line() == null ? m.get("casedoc.form.noLine", h.city(), h.lineYear())
                : m.get("casedoc.form.lineValue", h.line().toYuanString(), h.city(), h.lineYear()), 1);
        label(t, m.get("casedoc.form.verdict"));
        value(t, h.verdict(), 3);
        label(t, m.get("casedoc.form.causes"));
        value(t, String.join("、", h.causes()), 3);

        // household members, the worker first
        PdfPTable inner = new PdfPTable(new float[] {1.1f, 1f, 2.3f, 1f, 1.2f, 1.2f});
        inner.setWidthPercentage(100);
        for (String x : List.of(m.get("casedoc.form.rel.name"), m.get("casedoc.form.rel.relation"),
                m.get("casedoc.form.idNumber"), m.get("casedoc.form.health"), m.get("casedoc.form.rel.income"),
                m.get("casedoc.form.rel.occupation"))) {
            PdfPCell c = cell(x, PdfFonts.bold(9), LABEL);
            c.setHorizontalAlignment(Element.ALIGN_CENTER);
            inner.addCell(c);
        }
        List<Relative> rows = new ArrayList<>();
        rows.add(new Relative(f.memberName(), m.get("casedoc.form.rel.self"), f.idNumber(), h.health(),
                h.memberIncome(), ""));
        rows.addAll(h.members());
        for (Relative r : rows) {
            inner.addCell(cell(r.name(), PdfFonts.font(9), null));
            inner.addCell(cell(r.relation(), PdfFonts.font(9), null));
            inner.addCell(cell(r.idNumber(), PdfFonts.font(9), null));
            inner.addCell(cell(r.health(), PdfFonts.font(9), null));
            PdfPCell inc = cell(r.income() == null ? "" : r.income().toYuanString(), PdfFonts.font(9), null);
            inc.setHorizontalAlignment(Element.ALIGN_RIGHT);
            inner.addCell(inc);
            inner.addCell(cell(r.occupation(), PdfFonts.font(9), null));
        }
        PdfPCell holder = new PdfPCell(inner);
        holder.setColspan(4);
        holder.setPadding(0);
        t.addCell(holder);

        label(t, m.get("casedoc.form.bank"));
        value(t, h.account().isEmpty() ? "" : m.get("casedoc.form.bankValue", h.bank(), h.account(),
                h.accountHolder()), 3);
        label(t, m.get("casedoc.form.filed"));
        value(t, m.get("casedoc.form.filedValue", h.filedBy(), date(h.filedOn())), 3);
        return t;
    }

    private static void amountRow(PdfPTable t, String item, Money amount, String dateLabel, LocalDate on) {
        label(t, item);
        PdfPCell fig = cell(amount == null ? "" : "¥" + amount.toYuanString(), PdfFonts.font(10), null);
        fig.setHorizontalAlignment(Element.ALIGN_RIGHT);
        t.addCell(fig);
        t.addCell(cell(amount == null ? "" : ChineseAmount.of(amount), PdfFonts.font(10), null));
        t.addCell(cell(dateLabel, PdfFonts.font(9), LABEL));
        t.addCell(cell(date(on), PdfFonts.font(10), null));
    }

    private static PdfPTable grid() {
        PdfPTable t = new PdfPTable(new float[] {1.1f, 2.4f, 1.1f, 2.4f});
        t.setWidthPercentage(100);
        t.setSpacingBefore(4);
        return t;
    }

    private static void section(PdfPTable t, String text, int cols) {
        PdfPCell c = cell(text, PdfFonts.bold(10), SECTION);
        c.setColspan(cols);
        t.addCell(c);
        t.setSpacingBefore(4);
    }

    private static void label(PdfPTable t, String text) {
        t.addCell(cell(text, PdfFonts.bold(9), LABEL));
    }

    private static void value(PdfPTable t, String text, int colspan) {
        PdfPCell c = cell(text, PdfFonts.font(9.5f), null);
        c.setColspan(colspan);
        t.addCell(c);
    }

    private static PdfPCell cell(String text, com.lowagie.text.Font font, Color bg) {
        PdfPCell c = new PdfPCell(new Phrase(text == null ? "" : text, font));
        c.setPadding(2.5f);
        c.setPaddingBottom(3.5f);
        if (bg != null) {
            c.setBackgroundColor(bg);
        }
        return c;
    }

    private static void plain(PdfPTable t, String text) {
        PdfPCell c = new PdfPCell(new Phrase(text, PdfFonts.font(9)));
        c.setBorder(Rectangle.NO_BORDER);
        t.addCell(c);
    }

    private static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }
}
