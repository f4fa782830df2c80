package cn.uniondesk.report;

import cn.uniondesk.domain.Money;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.CaseDocumentService.AidLedger;
import cn.uniondesk.service.CaseDocumentService.LedgerLine;
import cn.uniondesk.service.CaseDocumentService.Subtotal;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.nio.file.Path;
import java.util.List;

/**
 * 帮扶救助台账 as PDF (A4 landscape): every case paid in the period with the table header on every
 * page, the totals, subtotals by type and by department, and the 填报人 / 审核人 lines.
 */
public final class AidLedgerPdf {
    private AidLedgerPdf() {
    }

    public static void write(AidLedger l, Messages m, Path out) {
        String period = m.get("casedoc.period", l.from().toString(), l.to().toString());
        PdfReport.write(out, PageSize.A4.rotate(), l.unionName(), period, doc -> {
            try {
                body(doc, l, m, period);
            } catch (DocumentException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void body(Document doc, AidLedger l, Messages m, String period) throws DocumentException {
        Paragraph title = new Paragraph(m.get("casedoc.ledger.title"), PdfFonts.bold(16));
        title.setAlignment(Element.ALIGN_CENTER);
        doc.add(title);
        Paragraph sub = new Paragraph(l.unionName() + "    " + period, PdfFonts.font(10));
        sub.setAlignment(Element.ALIGN_CENTER);
        doc.add(sub);

        PdfPTable t = PdfReport.table(AidLedgerColumns.headers(m),
                new float[] {0.6f, 1.5f, 1.4f, 1f, 1f, 1.3f, 1.5f, 1.6f, 1.6f, 1.3f, 1.1f, 0.9f, 0.9f});
        for (LedgerLine x : l.lines()) {
            PdfReport.cell(t, Integer.toString(x.no()), true);
            PdfReport.cell(t, x.caseNo(), false);
            PdfReport.cell(t, x.type(), false);
            PdfReport.cell(t, x.subkind(), false);
            PdfReport.cell(t, x.memberName(), false);
            PdfReport.cell(t, x.cardNo(), false);
            PdfReport.cell(t, x.department(), false);
            PdfReport.cell(t, yuan(x.approved()), true);
            PdfReport.cell(t, yuan(x.paid()), true);
            PdfReport.cell(t, x.paidOn() == null ? "" : x.paidOn().toString(), false);
            PdfReport.cell(t, x.paymentMethod(), false);
            PdfReport.cell(t, x.registeredBy(), false);
            PdfReport.cell(t, x.paidBy(), false);
        }
        if (l.lines().isEmpty()) {
            PdfPCell none = new PdfPCell(new com.lowagie.text.Phrase(m.get("casedoc.ledger.none"), PdfFonts.font(9)));
            none.setColspan(13);
            none.setHorizontalAlignment(Element.ALIGN_CENTER);
            none.setPadding(6);
            t.addCell(none);
        }
        PdfPCell total = new PdfPCell(new com.lowagie.text.Phrase(m.get("casedoc.ledger.total", l.lines().size()),
                PdfFonts.bold(9)));
        total.setColspan(7);
        total.setPadding(3);
        t.addCell(total);
        PdfReport.boldCell(t, yuan(l.totalApproved()), true);
        PdfReport.boldCell(t, yuan(l.totalPaid()), true);
        PdfPCell rest = new PdfPCell(new com.lowagie.text.Phrase("", PdfFonts.font(9)));
        rest.setColspan(4);
        t.addCell(rest);
        doc.add(t);

        subtotals(doc, m.get("casedoc.ledger.byType"), m.get("casedoc.ledger.col.type"), l.byType(), l, m);
        subtotals(doc, m.get("casedoc.ledger.byDepartment"), m.get("casedoc.ledger.col.department"), l.byDepartment(),
                l, m);

        PdfPTable sign = PdfReport.signatures(m.get("casedoc.sign.preparer"), m.get("casedoc.sign.checker"),
                m.get("casedoc.sign.seal"), m.get("casedoc.sign.date"));
        sign.setKeepTogether(true);
        doc.add(sign);
    }

    private static void subtotals(Document doc, String heading, String nameHeader, List<Subtotal> rows, AidLedger l,
            Messages m) throws DocumentException {
        Paragraph h = new Paragraph(heading, PdfFonts.bold(11));
        h.setSpacingBefore(10);
        doc.add(h);
        PdfPTable t = PdfReport.table(List.of(nameHeader, m.get("casedoc.ledger.col.cases"),
                m.get("casedoc.ledger.col.people"), m.get("casedoc.ledger.col.paid")), new float[] {3, 1, 1, 1.6f});
        t.setWidthPercentage(60);
        t.setHorizontalAlignment(Element.ALIGN_LEFT);
        t.setKeepTogether(rows.size() < 20);
        for (Subtotal s : rows) {
            PdfReport.cell(t, s.name(), false);
            PdfReport.cell(t, Integer.toString(s.cases()), true);
            PdfReport.cell(t, Integer.toString(s.people()), true);
            PdfReport.cell(t, yuan(s.paid()), true);
        }
        PdfReport.boldCell(t, m.get("casedoc.total"), false);
        PdfReport.boldCell(t, Integer.toString(l.lines().size()), true);
        PdfReport.boldCell(t, "", true);
        PdfReport.boldCell(t, yuan(l.totalPaid()), true);
        doc.add(t);
    }

    static String yuan(Money m) {
        return m == null ? "" : String.format(java.util.Locale.ROOT, "%,.2f", m.yuan());
    }
}
