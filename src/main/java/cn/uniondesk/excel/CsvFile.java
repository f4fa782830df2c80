package cn.uniondesk.excel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file as Excel saves it: comma separated, quotes doubled inside quoted fields, in UTF-8
 * (with or without BOM) or, as a Chinese Excel saves "CSV", in GBK/GB18030. The rule: valid
 * UTF-8 is UTF-8, anything else is GB18030 (a superset of GBK and GB2312).
 */
public final class CsvFile implements TabularFile {
    public static final Charset GB18030 = Charset.forName("GB18030");

    private final String content;
    private final Charset charset;

    private CsvFile(String content, Charset charset) {
        this.content = content;
        this.charset = charset;
    }

    static CsvFile open(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UnusableFileException(e, "import.file.unreadable", String.valueOf(e.getMessage()));
        }
        int probe = Math.min(bytes.length, 8192);
        for (int i = 0; i < probe; i++) {
            if (bytes[i] == 0) {
                throw new UnusableFileException("import.file.notSpreadsheet");
            }
        }
        Charset cs = detect(bytes);
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        String text = new String(bytes, start, bytes.length - start, cs);
        return new CsvFile(text, cs);
    }

    /** UTF-8 when the bytes are valid UTF-8 (BOM or not), otherwise GB18030. */
    public static Charset detect(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return GB18030;
        }
    }

    public Charset charset() {
        return charset;
    }

    @Override
    public List<String> sheetNames() {
        return List.of("CSV");
    }

    @Override
    public void read(String sheet, RowSink sink) {
        int line = 1;
        int i = 0;
        int len = content.length();
        List<RawCell> cells = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        while (i < len) {
            char c = content.charAt(i++);
            if (quoted) {
                if (c == '"') {
                    if (i < len && content.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
                continue;
            }
            if (c == '"' && field.length() == 0) {
                quoted = true;
                any = true;
            } else if (c == ',') {
                cells.add(RawCell.text(field.toString()));
                field.setLength(0);
                any = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i < len && content.charAt(i) == '\n') {
                    i++;
                }
                cells.add(RawCell.text(field.toString()));
                field.setLength(0);
                if (!sink.accept(new SheetRow(line, List.copyOf(cells)))) {
                    return;
                }
                cells.clear();
                line++;
                any = false;
            } else {
                field.append(c);
                any = true;
            }
        }
        if (any || field.length() > 0) {
            cells.add(RawCell.text(field.toString()));
            sink.accept(new SheetRow(line, List.copyOf(cells)));
        }
    }

    @Override
    public String format() {
        return "csv";
    }

    @Override
    public void close() {
        // content is in memory
    }
}
