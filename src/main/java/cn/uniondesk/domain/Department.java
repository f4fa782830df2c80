package cn.uniondesk.domain;

/** 部门/车间. */
public record Department(long id, String name, boolean active) {
}
