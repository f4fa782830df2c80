package cn.uniondesk.ui.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javafx.scene.text.Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundled CJK font (WenQuanYi Micro Hei), so Chinese renders on machines without a CJK font.
 * Loaded once; its family name goes into the root style.
 */
public final class Fonts {
    private static final Logger LOG = LoggerFactory.getLogger(Fonts.class);
    private static final String RESOURCE = "/fonts/wqy-microhei.ttc";
    private static volatile String family;

    private Fonts() {
    }

    /** Loads the bundled font (once) and returns its family name. */
    public static synchronized String loadBundled() {
        if (family == null) {
            try (InputStream in = Fonts.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("font missing from the application: " + RESOURCE);
                }
                Font[] fonts = Font.loadFonts(in, 13);
                if (fonts == null || fonts.length == 0) {
                    throw new IllegalStateException("font could not be loaded: " + RESOURCE);
                }
                family = fonts[0].getFamily();
                LOG.info("Loaded bundled font family {}", family);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return family;
    }

    /** The root style naming the bundled font family. */
    public static String rootStyle() {
        return "-fx-font-family: \"" + loadBundled() + "\"; -fx-font-size: 13px;";
    }
}
