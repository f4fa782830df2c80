package cn.uniondesk.excel;

import java.util.List;

/** One row of a sheet: its 1-based row number as Excel shows it (or line number in a CSV) and its cells by column. */
public record SheetRow(int rowNumber, List<RawCell> cells) {
    public RawCell cell(int col) {
        return col >= 0 && col < cells.size() ? cells.get(col) : RawCell.EMPTY;
    }

    public boolean isBlank() {
        for (RawCell c : cells) {
            if (!c.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
