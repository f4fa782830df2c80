package cn.uniondesk.excel;

/** Receives the rows of a sheet in order; returning false stops the reading. */
@FunctionalInterface
public interface RowSink {
    boolean accept(SheetRow row);
}
