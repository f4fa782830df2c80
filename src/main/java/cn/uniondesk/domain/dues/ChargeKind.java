package cn.uniondesk.domain.dues;

/** 应缴 kinds: the month's regular dues, back-dues after a past-dated raise (补交), or a confirmed adjustment. */
public enum ChargeKind { REGULAR, BACK, ADJUST }
