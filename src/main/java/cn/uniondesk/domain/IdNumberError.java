package cn.uniondesk.domain;

/** Why a 公民身份号码 was refused. Each has a message key {@code id.error.<name>} in the bundle. */
public enum IdNumberError {
    EMPTY,
    WRONG_LENGTH,
    BAD_CHARACTERS,
    WRONG_CHECK_DIGIT,
    IMPOSSIBLE_BIRTH_DATE,
    FUTURE_BIRTH_DATE,
    UNKNOWN_REGION;

    public String messageKey() {
        return "id.error." + name();
    }
}
