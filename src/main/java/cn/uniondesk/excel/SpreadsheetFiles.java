package cn.uniondesk.excel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Opens a file the clerk chose as a {@link TabularFile}, after the safety checks of STACK.md:
 * size cap before opening, tightened zip limits, macro-enabled and encrypted workbooks refused,
 * formulas never evaluated. The format is recognised by content, not by the file name.
 */
public final class SpreadsheetFiles {
    /** Default cap: 100 MB is ten times a 100,000-member workbook. */
    public static final long DEFAULT_MAX_BYTES = 100L * 1024 * 1024;

    static {
        tightenZipLimits();
    }

    private SpreadsheetFiles() {
    }

    /**
     * Stricter than POI's defaults (4 GB entries, 1000 entries): a zip bomb or a huge entry is
     * refused before it fills memory. The inflate ratio and text limits stay at POI's (1 %, 10 M chars).
     */
    public static void tightenZipLimits() {
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(512L * 1024 * 1024);
        ZipSecureFile.setMaxFileCount(500);
    }

    public static TabularFile open(Path file) {
        return open(file, DEFAULT_MAX_BYTES);
    }

    /**
     * @throws UnusableFileException when the file is missing, too large, not a spreadsheet,
     *                               encrypted or macro-enabled
     */
    public static TabularFile open(Path file, long maxBytes) {
        long size;
        byte[] head = new byte[8];
        int n;
        try {
            if (!Files.isRegularFile(file)) {
                throw new UnusableFileException("import.file.missing", file.toString());
            }
            size = Files.size(file);
            if (size > maxBytes) {
                throw new UnusableFileException("import.file.tooLarge", size / (1024 * 1024), maxBytes / (1024 * 1024));
            }
            if (size == 0) {
                throw new UnusableFileException("import.file.empty");
            }
            try (InputStream in = Files.newInputStream(file)) {
                n = in.readNBytes(head, 0, head.length);
            }
        } catch (IOException e) {
            throw new UnusableFileException(e, "import.file.unreadable", String.valueOf(e.getMessage()));
        }
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            checkOoxml(file, lower);
            return new XlsxFile(file);
        }
        if (n >= 8 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11
                && (head[3] & 0xFF) == 0xE0) {
            checkOle2(file);
            return XlsFile.open(file);
        }
        if (lower.endsWith(".xlsx") || lower.endsWith(".xls") || lower.endsWith(".xlsm")) {
            throw new UnusableFileException("import.file.notSpreadsheet");
        }
        return CsvFile.open(file);
    }

    private static void checkOoxml(Path file, String lower) {
        if (lower.endsWith(".xlsm")) {
            throw new UnusableFileException("import.file.macro");
        }
        boolean workbook = false;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> en = zip.entries();
            while (en.hasMoreElements()) {
                String name = en.nextElement().getName().toLowerCase(Locale.ROOT);
                if (name.endsWith("vbaproject.bin")) {
                    throw new UnusableFileException("import.file.macro");
                }
                if (name.equals("xl/workbook.xml")) {
                    workbook = true;
                }
            }
            ZipEntry ct = zip.getEntry("[Content_Types].xml");
            if (ct != null) {
                try (InputStream in = zip.getInputStream(ct)) {
                    String types = new String(in.readNBytes(1 << 20), java.nio.charset.StandardCharsets.UTF_8);
                    if (types.contains("macroEnabled")) {
                        throw new UnusableFileException("import.file.macro");
                    }
                }
            }
        } catch (IOException e) {
            throw new UnusableFileException(e, "import.file.notSpreadsheet");
        }
        if (!workbook) {
            throw new UnusableFileException("import.file.notSpreadsheet");
        }
    }

    private static void checkOle2(Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage")) {
                throw new UnusableFileException("import.file.encrypted");
            }
            if (root.hasEntry("_VBA_PROJECT_CUR") || root.hasEntry("Macros")) {
                throw new UnusableFileException("import.file.macro");
            }
            if (!root.hasEntry("Workbook") && !root.hasEntry("Book")) {
                throw new UnusableFileException("import.file.notSpreadsheet");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnusableFileException) {
                throw (UnusableFileException) e;
            }
            throw new UnusableFileException(e, "import.file.notSpreadsheet");
        }
    }
}
