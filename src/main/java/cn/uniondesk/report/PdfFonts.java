package cn.uniondesk.report;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The bundled CJK font (WenQuanYi Micro Hei, Apache-2.0), embedded as a subset in every PDF so
 * Chinese prints the same on any machine. Loaded once.
 */
public final class PdfFonts {
    private static volatile BaseFont base;

    private PdfFonts() {
    }

    public static BaseFont base() {
        BaseFont b = base;
        if (b == null) {
            synchronized (PdfFonts.class) {
                b = base;
                if (b == null) {
                    try (InputStream in = PdfFonts.class.getResourceAsStream("/fonts/wqy-microhei.ttc")) {
                        if (in == null) {
                            throw new IllegalStateException("bundled CJK font missing");
                        }
                        byte[] bytes = in.readAllBytes();
                        b = BaseFont.createFont("wqy-microhei.ttc,0", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
                                bytes, null);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    base = b;
                }
            }
        }
        return b;
    }

    public static Font font(float size) {
        return new Font(base(), size);
    }

    public static Font bold(float size) {
        return new Font(base(), size, Font.BOLD);
    }
}
