package cn.uniondesk.domain;

/** A local account. Its password is never stored: it only unwraps the account's copy of the database key. */
public record Account(String username, String displayName, Role role, boolean active, boolean mustChangePassword) {
}
