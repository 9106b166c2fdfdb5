package org.zugong.person;

import java.util.Arrays;
import java.util.Optional;

/** The 56 ethnic groups with their GB 3304-1991 codes, and the two codes for others. */
public enum Ethnicity {
  HAN("01"),
  MONGOL("02"),
  HUI("03"),
  TIBETAN("04"),
  UYGHUR("05"),
  MIAO("06"),
  YI("07"),
  ZHUANG("08"),
  BUYEI("09"),
  KOREAN("10"),
  MANCHU("11"),
  DONG("12"),
  YAO("13"),
  BAI("14"),
  TUJIA("15"),
  HANI("16"),
  KAZAKH("17"),
  DAI("18"),
  LI("19"),
  LISU("20"),
  VA("21"),
  SHE("22"),
  GAOSHAN("23"),
  LAHU("24"),
  SHUI("25"),
  DONGXIANG("26"),
  NAXI("27"),
  JINGPO("28"),
  KYRGYZ("29"),
  TU("30"),
  DAUR("31"),
  MULAO("32"),
  QIANG("33"),
  BLANG("34"),
  SALAR("35"),
  MAONAN("36"),
  GELAO("37"),
  XIBE("38"),
  ACHANG("39"),
  PUMI("40"),
  TAJIK("41"),
  NU("42"),
  UZBEK("43"),
  RUSSIAN("44"),
  EVENKI("45"),
  DEANG("46"),
  BONAN("47"),
  YUGUR("48"),
  GIN("49"),
  TATAR("50"),
  DERUNG("51"),
  OROQEN("52"),
  HEZHEN("53"),
  MONBA("54"),
  LHOBA("55"),
  JINO("56"),
  OTHER("97"),
  NATURALIZED("98");

  private final String code;

  Ethnicity(String code) {
    this.code = code;
  }

  /** The two-digit GB 3304 code. */
  public String code() {
    return code;
  }

  public static Optional<Ethnicity> ofCode(String code) {
    return Arrays.stream(values()).filter(e -> e.code.equals(code)).findFirst();
  }

  public String messageKey() {
    return "person.ethnicity." + code;
  }
}
