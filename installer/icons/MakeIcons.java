import java.awt.*;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.*;
import java.nio.file.*;
import javax.imageio.ImageIO;

/** Draws the application icon (工 on union red) and writes uniondesk.png and uniondesk.ico.
 *  Run from the project root: java installer/icons/MakeIcons.java */
public class MakeIcons {
    public static void main(String[] args) throws Exception {
        Font font;
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/fonts/wqy-microhei.ttc"))) {
            font = Font.createFont(Font.TRUETYPE_FONT, in);
        }
        int[] sizes = {256, 64, 48, 32, 16};
        ByteArrayOutputStream[] pngs = new ByteArrayOutputStream[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            BufferedImage img = draw(sizes[i], font);
            pngs[i] = new ByteArrayOutputStream();
            ImageIO.write(img, "png", pngs[i]);
            if (sizes[i] == 256) {
                Files.write(Path.of("installer/icons/uniondesk.png"), pngs[i].toByteArray());
            }
        }
        // ICO with embedded PNG images (Windows Vista and later read these)
        try (DataOutputStream out = new DataOutputStream(new FileOutputStream("installer/icons/uniondesk.ico"))) {
            writeShort(out, 0); writeShort(out, 1); writeShort(out, sizes.length);
            int offset = 6 + 16 * sizes.length;
            for (int i = 0; i < sizes.length; i++) {
                out.writeByte(sizes[i] >= 256 ? 0 : sizes[i]);
                out.writeByte(sizes[i] >= 256 ? 0 : sizes[i]);
                out.writeByte(0); out.writeByte(0);
                writeShort(out, 1); writeShort(out, 32);
                writeInt(out, pngs[i].size()); writeInt(out, offset);
                offset += pngs[i].size();
            }
            for (ByteArrayOutputStream p : pngs) {
                out.write(p.toByteArray());
            }
        }
    }

    static BufferedImage draw(int s, Font font) {
        BufferedImage img = new BufferedImage(s, s, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0xB7, 0x1C, 0x1C));
        double m = s * 0.03;
        g.fill(new RoundRectangle2D.Double(m, m, s - 2 * m, s - 2 * m, s * 0.3, s * 0.3));
        g.setColor(Color.WHITE);
        g.setFont(font.deriveFont(Font.BOLD, s * 0.62f));
        FontMetrics fm = g.getFontMetrics();
        String t = "工";
        int x = (s - fm.stringWidth(t)) / 2;
        int y = (s - fm.getHeight()) / 2 + fm.getAscent();
        g.drawString(t, x, y);
        g.dispose();
        return img;
    }

    static void writeShort(DataOutputStream o, int v) throws IOException { o.writeByte(v & 0xff); o.writeByte((v >> 8) & 0xff); }
    static void writeInt(DataOutputStream o, int v) throws IOException { writeShort(o, v & 0xffff); writeShort(o, (v >>> 16) & 0xffff); }
}
