package cn.uniondesk.ui.common;

/** A value offered in a choice box with its display text (a null value stands for 全部 / none). */
public record Choice<T>(T value, String label) {
    @Override
    public String toString() {
        return label;
    }
}
