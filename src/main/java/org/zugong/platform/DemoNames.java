package org.zugong.platform;

import java.util.Arrays;
import java.util.Random;

/**
 * Invented Chinese names for the people of the demo data: a surname and one or two given-name
 * characters, drawn from the {@link Random} of a demo part so that every load names them alike.
 * Parts that share the same lists share them from here; a part that must not meet the others' names
 * keeps its own lists.
 */
public final class DemoNames {

  /**
   * Common surnames and given-name characters: the lists of the members, talents and secretaries.
   */
  public static final DemoNames COMMON =
      new DemoNames(
          "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢钟姜崔谭陆范汪金石廖贾夏韦付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常",
          "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰辉鑫宇浩晨阳建国志红海波文斌宁甬丹俊凯瑞佳琳雪梅松林峰鹏飞亮慧颖婷倩欣怡子轩梓涵一诺浩然思远");

  private final String[] surnames;
  private final String[] given;

  /**
   * @param surnames one surname a character
   * @param given one given-name character a character
   */
  public DemoNames(String surnames, String given) {
    this(surnames.split(""), given.split(""));
  }

  private DemoNames(String[] surnames, String[] given) {
    this.surnames = surnames;
    this.given = given;
  }

  /** The same names with only the first {@code surnames} surnames and {@code given} characters. */
  public DemoNames first(int surnames, int given) {
    if (surnames > this.surnames.length || given > this.given.length) {
      throw new IllegalArgumentException("Fewer names than " + surnames + " and " + given);
    }
    return new DemoNames(Arrays.copyOf(this.surnames, surnames), Arrays.copyOf(this.given, given));
  }

  /** The same surnames with only the first {@code given} given-name characters. */
  public DemoNames firstGiven(int given) {
    return first(surnames.length, given);
  }

  /**
   * A surname and two given characters, but one given character in one name out of {@code
   * singleGivenOneIn}.
   */
  public String name(Random r, int singleGivenOneIn) {
    return surname(r) + given(r) + (r.nextInt(singleGivenOneIn) == 0 ? "" : given(r));
  }

  /** A surname and two given characters. */
  public String twoGivenName(Random r) {
    return surname(r) + given(r) + given(r);
  }

  private String surname(Random r) {
    return surnames[r.nextInt(surnames.length)];
  }

  private String given(Random r) {
    return given[r.nextInt(given.length)];
  }
}
