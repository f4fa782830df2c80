package cn.uniondesk.report;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Consumer;

/**
 * The frame every PDF report shares: embedded CJK font, a running header with the union's name
 * and the period, "第 X 页 共 Y 页" in the footer, tables whose header row repeats on every page,
 * and signature lines.
 */
public final class PdfReport {
    private PdfReport() {
    }

    /** Writes a report through a temporary file; {@code body} adds the content. */
    public static void write(Path out, Rectangle pageSize, String headerLeft, String headerRight,
            Consumer<Document> body) {
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        try (OutputStream os = Files.newOutputStream(tmp)) {
            write(os, pageSize, headerLeft, headerRight, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(OutputStream os, Rectangle pageSize, String headerLeft, String headerRight,
            Consumer<Document> body) {
        Document doc = new Document(pageSize, 36, 36, 54, 48);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, os);
            writer.setPageEvent(new Frame(headerLeft, headerRight));
            doc.addCreator("UnionDesk 基层工会工作台");
            doc.open();
            body.accept(doc);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        } finally {
            doc.close();
        }
    }

    /** A table with a header row repeated on every page. */
    public static PdfPTable table(List<String> headers, float[] widths) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        t.setSpacingBefore(6);
        for (String h : headers) {
            PdfPCell c = new PdfPCell(new Phrase(h, PdfFonts.bold(9)));
            c.setBackgroundColor(new Color(230, 230, 230));
            c.setHorizontalAlignment(Element.ALIGN_CENTER);
            c.setPadding(4);
            t.addCell(c);
        }
        return t;
    }

    public static void cell(PdfPTable t, String text, boolean number) {
        PdfPCell c = new PdfPCell(new Phrase(text == null ? "" : text, PdfFonts.font(9)));
        c.setPadding(3);
        c.setHorizontalAlignment(number ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
        t.addCell(c);
    }

    public static void boldCell(PdfPTable t, String text, boolean number) {
        PdfPCell c = new PdfPCell(new Phrase(text == null ? "" : text, PdfFonts.bold(9)));
        c.setPadding(3);
        c.setHorizontalAlignment(number ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
        t.addCell(c);
    }

    /** 填报人 / 审核人 / 单位盖章 / 日期 lines. */
    public static PdfPTable signatures(String... labels) {
        PdfPTable t = new PdfPTable(labels.length);
        t.setWidthPercentage(100);
        t.setSpacingBefore(24);
        for (String l : labels) {
            PdfPCell c = new PdfPCell(new Phrase(l + "：____________", PdfFonts.font(10)));
            c.setBorder(Rectangle.NO_BORDER);
            t.addCell(c);
        }
        return t;
    }

    private static final class Frame extends PdfPageEventHelper {
        private final String left;
        private final String right;
        private PdfTemplate total;

        Frame(String left, String right) {
            this.left = left;
            this.right = right;
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(40, 14);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte cb = writer.getDirectContent();
            // the size of the page being finished (a document may mix portrait and landscape pages;
            // document.getPageSize() already holds the next page's size)
            Rectangle page = writer.getPageSize();
            float l = document.leftMargin();
            float r = page.getWidth() - document.rightMargin();
            ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(left, PdfFonts.font(9)),
                    l, page.getHeight() - 34, 0);
            ColumnText.showTextAligned(cb, Element.ALIGN_RIGHT, new Phrase(right, PdfFonts.font(9)),
                    r, page.getHeight() - 34, 0);
            cb.setLineWidth(0.5f);
            cb.moveTo(l, page.getHeight() - 40);
            cb.lineTo(r, page.getHeight() - 40);
            cb.stroke();
            String text = "第 " + writer.getPageNumber() + " 页 共 ";
            float x = (l + r) / 2;
            float w = PdfFonts.base().getWidthPoint(text, 9);
            cb.beginText();
            cb.setFontAndSize(PdfFonts.base(), 9);
            cb.setTextMatrix(x - w / 2 - 10, 24);
            cb.showText(text);
            cb.endText();
            cb.addTemplate(total, x + w / 2 - 10, 24);
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            total.beginText();
            total.setFontAndSize(PdfFonts.base(), 9);
            total.setTextMatrix(0, 0);
            // at close the writer already counts the page after the last one
            total.showText((writer.getPageNumber() - 1) + " 页");
            total.endText();
        }
    }
}
