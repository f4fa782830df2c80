package cn.uniondesk.domain.cases;

import cn.uniondesk.domain.Role;
import java.util.Objects;

/** Who takes a step: the account and its role. */
public record Actor(String operator, Role role) {
    public Actor {
        Objects.requireNonNull(operator);
        Objects.requireNonNull(role);
    }
}
