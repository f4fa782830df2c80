package cn.uniondesk.ui.login;

import java.time.Instant;

/** Why opening the data failed, in terms the login page can word (the gateway translates the data layer's errors). */
public final class LoginException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind { FAILED, LOCKED, IN_USE }

    private final Kind kind;
    private final transient Instant lockedUntil;
    private final String dataDir;

    public LoginException(Kind kind, Instant lockedUntil, String dataDir, Throwable cause) {
        super(kind.name(), cause);
        this.kind = kind;
        this.lockedUntil = lockedUntil;
        this.dataDir = dataDir;
    }

    public Kind kind() {
        return kind;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }

    public String dataDir() {
        return dataDir;
    }
}
