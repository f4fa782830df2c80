package cn.uniondesk.ui.common;

import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.NotFoundException;
import cn.uniondesk.service.PermissionDeniedException;
import cn.uniondesk.service.RuleViolationException;

/** Words a service's refusal the way the command line does; anything else points to the log. */
public final class ErrorText {
    private ErrorText() {
    }

    /** The message for a refusal, or null when {@code error} is not one. */
    public static String refusal(Throwable error, Messages messages) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof PermissionDeniedException p) {
                return messages.get("permission.denied", messages.get("role." + p.role().name()));
            }
            if (t instanceof RuleViolationException r) {
                return messages.get(r.messageKey(), r.args().toArray());
            }
            if (t instanceof NotFoundException n) {
                return messages.get(n.messageKey(), n.what());
            }
        }
        return null;
    }

    /** The message for any failure: a refusal worded, else "failed, see the log". */
    public static String of(Throwable error, Messages messages) {
        String r = refusal(error, messages);
        return r != null ? r : messages.get("ui.error.unexpected", error.getClass().getSimpleName());
    }
}
