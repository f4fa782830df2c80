package cn.uniondesk.report;

import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.CaseDocumentService.Notice;
import cn.uniondesk.service.CaseDocumentService.NoticeLine;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.nio.file.Path;

/**
 * 帮扶救助公示 as PDF (A4 portrait) for the notice board: names partly masked (张*明), no ID
 * numbers, the type, amount and date of each payment, the posting period and whom to tell of an
 * objection, the union's seal and the date.
 */
public final class AidNoticePdf {
    private AidNoticePdf() {
    }

    public static void write(Notice n, Messages m, Path out) {
        String period = m.get("casedoc.period", n.from().toString(), n.to().toString());
        PdfReport.write(out, PageSize.A4, n.unionName(), period, doc -> {
            try {
                body(doc, n, m, period);
            } catch (DocumentException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void body(Document doc, Notice n, Messages m, String period) throws DocumentException {
        Paragraph title = new Paragraph(m.get("casedoc.notice.title"), PdfFonts.bold(18));
        title.setAlignment(Element.ALIGN_CENTER);
        doc.add(title);
        Paragraph intro = new Paragraph(m.get("casedoc.notice.intro", n.unionName(), n.from().toString(),
                n.to().toString(), n.lines().size(), AidLedgerPdf.yuan(n.total())), PdfFonts.font(11));
        intro.setFirstLineIndent(22);
        intro.setSpacingBefore(8);
        intro.setLeading(18);
        doc.add(intro);

        PdfPTable t = PdfReport.table(AidLedgerColumns.noticeHeaders(m), new float[] {0.7f, 1.3f, 2f, 1.8f, 1.4f,
            1.5f});
        for (NoticeLine l : n.lines()) {
            PdfReport.cell(t, Integer.toString(l.no()), true);
            PdfReport.cell(t, l.name(), false);
            PdfReport.cell(t, l.department(), false);
            PdfReport.cell(t, l.type(), false);
            PdfReport.cell(t, AidLedgerPdf.yuan(l.amount()), true);
            PdfReport.cell(t, l.paidOn() == null ? "" : l.paidOn().toString(), false);
        }
        if (n.lines().isEmpty()) {
            PdfPCell none = new PdfPCell(new Phrase(m.get("casedoc.ledger.none"), PdfFonts.font(9)));
            none.setColspan(6);
            none.setHorizontalAlignment(Element.ALIGN_CENTER);
            none.setPadding(6);
            t.addCell(none);
        }
        PdfPCell total = new PdfPCell(new Phrase(m.get("casedoc.ledger.total", n.lines().size()), PdfFonts.bold(9)));
        total.setColspan(4);
        total.setPadding(3);
        t.addCell(total);
        PdfReport.boldCell(t, AidLedgerPdf.yuan(n.total()), true);
        PdfReport.boldCell(t, "", false);
        doc.add(t);

        Paragraph obj = new Paragraph(m.get("casedoc.notice.objection", n.days()), PdfFonts.font(11));
        obj.setFirstLineIndent(22);
        obj.setSpacingBefore(12);
        obj.setLeading(18);
        doc.add(obj);

        PdfPTable foot = new PdfPTable(1);
        foot.setWidthPercentage(40);
        foot.setHorizontalAlignment(Element.ALIGN_RIGHT);
        foot.setSpacingBefore(30);
        foot.setKeepTogether(true);
        for (String s : new String[] {n.unionName() + m.get("casedoc.notice.seal"),
            m.get("casedoc.notice.posted", n.postedOn().getYear(), n.postedOn().getMonthValue(),
                    n.postedOn().getDayOfMonth())}) {
            PdfPCell c = new PdfPCell(new Phrase(s, PdfFonts.font(11)));
            c.setBorder(Rectangle.NO_BORDER);
            c.setHorizontalAlignment(Element.ALIGN_CENTER);
            c.setPaddingBottom(8);
            foot.addCell(c);
        }
        doc.add(foot);
    }
}
