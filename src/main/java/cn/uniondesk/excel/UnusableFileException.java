package cn.uniondesk.excel;

import java.util.List;

/**
 * The file cannot be used at all (not a spreadsheet, encrypted, macro-enabled, too large, no
 * header row…). The reason is a message key ({@code import.file.*}) with arguments.
 */
public final class UnusableFileException extends RuntimeException {
    private final String messageKey;
    private final List<Object> args;

    public UnusableFileException(String messageKey, Object... args) {
        this(null, messageKey, args);
    }

    public UnusableFileException(Throwable cause, String messageKey, Object... args) {
        super(messageKey + " " + List.of(args), cause);
        this.messageKey = messageKey;
        this.args = List.of(args);
    }

    public String messageKey() {
        return messageKey;
    }

    public List<Object> args() {
        return args;
    }
}
