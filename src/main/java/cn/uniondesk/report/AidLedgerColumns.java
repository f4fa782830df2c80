package cn.uniondesk.report;

import cn.uniondesk.i18n.Messages;
import java.util.List;

/** The columns of the 帮扶救助台账, shared by the PDF and the workbook. */
public final class AidLedgerColumns {
    private AidLedgerColumns() {
    }

    public static List<String> headers(Messages m) {
        return List.of(m.get("casedoc.ledger.col.no"), m.get("casedoc.ledger.col.caseNo"),
                m.get("casedoc.ledger.col.type"), m.get("casedoc.ledger.col.subkind"),
                m.get("casedoc.ledger.col.name"), m.get("casedoc.ledger.col.cardNo"),
                m.get("casedoc.ledger.col.department"), m.get("casedoc.ledger.col.approved"),
                m.get("casedoc.ledger.col.paid"), m.get("casedoc.ledger.col.paidOn"),
                m.get("casedoc.ledger.col.method"), m.get("casedoc.ledger.col.registeredBy"),
                m.get("casedoc.ledger.col.paidBy"));
    }

    /** The notice's columns: no ID numbers, names masked. */
    public static List<String> noticeHeaders(Messages m) {
        return List.of(m.get("casedoc.ledger.col.no"), m.get("casedoc.ledger.col.name"),
                m.get("casedoc.ledger.col.department"), m.get("casedoc.ledger.col.type"),
                m.get("casedoc.notice.col.amount"), m.get("casedoc.ledger.col.paidOn"));
    }
}
