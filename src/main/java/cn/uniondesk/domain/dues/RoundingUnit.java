package cn.uniondesk.domain.dues;

/** The smallest unit dues are rounded to. */
public enum RoundingUnit {
    /** 分 (0.01 yuan) */
    FEN(1),
    /** 角 (0.10 yuan) */
    JIAO(10);

    private final long fen;

    RoundingUnit(long fen) {
        this.fen = fen;
    }

    public long fen() {
        return fen;
    }
}
