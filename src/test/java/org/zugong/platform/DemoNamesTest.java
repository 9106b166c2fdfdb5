package org.zugong.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The demo data is generated from seeds, so the names drawn from a seed must not change: the
 * expected names are those the demo parts drew before their lists moved here.
 */
class DemoNamesTest {

  @Test
  void drawsTheSameNamesFromTheSameSeed() {
    assertThat(draw(DemoNames.COMMON, 4, 4)).containsExactly("王婷", "于静国", "熊艳梅", "戴雪明");
  }

  @Test
  void keepsOnlyTheFirstGivenCharactersWhenAsked() {
    assertThat(draw(DemoNames.COMMON.firstGiven(60), 3, 4))
        .containsExactly("王佳鑫", "朱强", "熊华兰", "戴杰");
  }

  @Test
  void drawsTheSameNamesFromAPartsOwnLists() {
    DemoNames names =
        new DemoNames("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓", "伟强磊军洋勇杰涛明超华辉宇浩阳建志海波文斌宁俊凯瑞峰鹏亮慧颖婷");
    assertThat(draw(names, 2, 6)).containsExactly("周建", "郭俊", "周华", "杨凯", "马宁婷", "杨瑞鹏");
  }

  @Test
  void refusesToKeepMoreNamesThanItHas() {
    assertThatThrownBy(() -> DemoNames.COMMON.firstGiven(73))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String[] draw(DemoNames names, int singleGivenOneIn, int count) {
    Random r = new Random(2022);
    return Stream.generate(() -> names.name(r, singleGivenOneIn))
        .limit(count)
        .toArray(String[]::new);
  }
}
