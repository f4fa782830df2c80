package cn.uniondesk.service;

/** The clerk cancelled an import; thrown inside the transaction so that nothing of it is kept. */
public final class ImportCancelledException extends RuntimeException {
    public ImportCancelledException() {
        super("import cancelled");
    }
}
