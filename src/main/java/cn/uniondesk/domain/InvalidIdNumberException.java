package cn.uniondesk.domain;

public final class InvalidIdNumberException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final IdNumberError error;

    public InvalidIdNumberException(IdNumberError error, String input) {
        super(error + ": " + input);
        this.error = error;
    }

    public IdNumberError error() {
        return error;
    }
}
