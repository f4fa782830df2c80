package cn.uniondesk.excel;

import java.util.List;

/** A spreadsheet or CSV opened for reading. Rows are streamed; nothing is evaluated. */
public interface TabularFile extends AutoCloseable {
    /** The sheets' names, in order (a CSV has one). */
    List<String> sheetNames();

    /** Streams the rows of a sheet (null: the first). Blank rows are passed too. */
    void read(String sheet, RowSink sink);

    /** Short format name: xlsx, xls or csv. */
    String format();

    @Override
    void close();
}
