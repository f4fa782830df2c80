package cn.uniondesk.service;

import java.util.Objects;

/**
 * Who is working: the operator name written into every event. Until accounts exist this is the
 * operating-system user; the login replaces it.
 */
public final class Session {
    private volatile String operator;

    public Session(String operator) {
        this.operator = Objects.requireNonNull(operator);
    }

    public static Session ofSystemUser() {
        String u = System.getProperty("user.name");
        return new Session(u == null || u.isBlank() ? "system" : u);
    }

    public String operator() {
        return operator;
    }

    public void switchTo(String newOperator) {
        this.operator = Objects.requireNonNull(newOperator);
    }
}
