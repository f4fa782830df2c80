package cn.uniondesk.domain;

/** The grassroots union this database belongs to. */
public record UnionInfo(String name, String orgCode, String upperUnion, String regionCode) {
}
