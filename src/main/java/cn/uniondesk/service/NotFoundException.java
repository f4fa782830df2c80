package cn.uniondesk.service;

/** The thing asked for does not exist. {@link #messageKey()} names the message for the user. */
public final class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String messageKey;
    private final String what;

    public NotFoundException(String messageKey, String what) {
        super(messageKey + ": " + what);
        this.messageKey = messageKey;
        this.what = what;
    }

    public String messageKey() {
        return messageKey;
    }

    public String what() {
        return what;
    }
}
