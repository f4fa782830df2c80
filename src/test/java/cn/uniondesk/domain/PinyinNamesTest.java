package cn.uniondesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PinyinNamesTest {

    @Test
    void givesFullPinyinAndInitials() {
        PinyinNames.Keys k = PinyinNames.of("张三");
        assertThat(k.primaryFull()).isEqualTo("zhangsan");
        assertThat(k.primaryInitials()).isEqualTo("zs");
    }

    @Test
    void readsPolyphonicSurnamesAsSurnames() {
        assertThat(PinyinNames.of("单田芳").primaryFull()).startsWith("shan");
        assertThat(PinyinNames.of("曾国藩").primaryFull()).startsWith("zeng");
        assertThat(PinyinNames.of("解缙").primaryFull()).startsWith("xie");
        assertThat(PinyinNames.of("尉迟恭").primaryInitials()).startsWith("ycg");
    }

    @Test
    void keepsAlternativeReadingsOfGivenNames() {
        // 乐 in a given name may be le or yue: both must be findable
        PinyinNames.Keys k = PinyinNames.of("王乐");
        assertThat(k.full()).contains("wangle", "wangyue");
        assertThat(k.fullJoined()).contains("|");
    }

    @Test
    void ignoresSpacesAndMiddleDots() {
        assertThat(PinyinNames.of("阿依古丽·买买提").primaryFull()).doesNotContain("·").doesNotContain(" ");
    }
}
