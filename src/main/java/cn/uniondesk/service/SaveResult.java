package cn.uniondesk.service;

import cn.uniondesk.domain.FieldIssue;
import java.util.List;

/** A stored member's id, and the warnings that did not block saving. */
public record SaveResult(long memberId, List<FieldIssue> warnings) {
}
