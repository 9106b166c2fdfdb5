package org.zugong.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdCardNumberTest {

  /**
   * ISO 7064 MOD 11-2 written from the standard's own definition (weights 2^(17-i) mod 11, check
   * value (12 - sum mod 11) mod 11, 10 written X), not from the class's weight and check tables.
   */
  static char independentCheckCharacter(String body) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int weight = 1;
      for (int k = 0; k < 17 - i; k++) {
        weight = weight * 2 % 11;
      }
      sum += Character.digit(body.charAt(i), 10) * weight;
    }
    int check = (12 - sum % 11) % 11;
    return check == 10 ? 'X' : (char) ('0' + check);
  }

  static String withCheck(String body) {
    return body + independentCheckCharacter(body);
  }

  static String messageKeyOf(String value) {
    try {
      new IdCardNumber(value);
    } catch (InvalidValueException e) {
      return e.messageKey();
    }
    throw new AssertionError(value + " was accepted");
  }

  @Test
  void computesTheCheckCharactersOfTheStandardsOwnExamples() {
    // The two worked examples printed in GB 11643-1999.
    assertThat(IdCardNumber.checkCharacter("11010519491231002")).isEqualTo('X');
    assertThat(IdCardNumber.checkCharacter("44052418800101001")).isEqualTo('4');
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "11010519491231002",
        "44052418800101001",
        "33020319900101123",
        "33022719700301001",
        "33028319920815003",
        "33020419850615001",
        "33020419850615004",
        "33020419850615005",
        "33020320000229002"
      })
  void computesTheSameCheckCharacterAsAnIndependentMod11Dash2(String body) {
    assertThat(IdCardNumber.checkCharacter(body)).isEqualTo(independentCheckCharacter(body));
  }

  @Test
  void acceptsANumberWhoseCheckCharacterIsX() {
    assertThat(new IdCardNumber("11010519491231002X").value()).isEqualTo("11010519491231002X");
    assertThat(new IdCardNumber("33022719700301001X").value()).isEqualTo("33022719700301001X");
  }

  @Test
  void normalisesALowerCaseXToUpperCase() {
    assertThat(new IdCardNumber("11010519491231002x").value()).isEqualTo("11010519491231002X");
  }

  @Test
  void trimsSurroundingWhitespace() {
    assertThat(new IdCardNumber("  440524188001010014\t\n").value())
        .isEqualTo("440524188001010014");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "44052418800101001",
        "4405241880010100144",
        "440524800101001", // the old 15-digit form
        "44052418800101001A",
        "4405241880X101001X",
        "4405 2418800101001",
        "ABCDEFGHIJKLMNOPQR",
        "４４０５２４１８８００１０１００１４" // full-width digits
      })
  void refusesAWrongShape(String value) {
    assertThat(messageKeyOf(value)).isEqualTo("idcard.invalid.shape");
  }

  @Test
  void refusesAWrongShapeWithAnInvalidValueExceptionCarryingTheKey() {
    assertThatThrownBy(() -> new IdCardNumber("12345"))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> assertThat(e.messageKey()).isEqualTo("idcard.invalid.shape"));
  }

  @Test
  void refusesAWrongCheckCharacter() {
    assertThat(messageKeyOf("440524188001010015")).isEqualTo("idcard.invalid.check");
    assertThat(messageKeyOf("110105194912310021")).isEqualTo("idcard.invalid.check");
  }

  @Test
  void refusesEveryCheckCharacterButTheRightOne() {
    String body = "33020419850615002";
    char right = independentCheckCharacter(body);
    for (char c : "0123456789X".toCharArray()) {
      if (c == right) {
        assertThat(new IdCardNumber(body + c).value()).isEqualTo(body + c);
      } else {
        assertThat(messageKeyOf(body + c))
            .as("check character %s", c)
            .isEqualTo("idcard.invalid.check");
      }
    }
  }

  @Test
  void refusesATransposedPairOfDigits() {
    // MOD 11-2 is chosen because it catches swapped neighbours.
    assertThat(messageKeyOf("330203199010011236")).isEqualTo("idcard.invalid.check");
  }

  @Test
  void refusesAThirtiethOfFebruary() {
    assertThat(messageKeyOf(withCheck("33020319900230001"))).isEqualTo("idcard.invalid.birth");
  }

  @Test
  void refusesAThirteenthMonth() {
    assertThat(messageKeyOf(withCheck("33020319901301001"))).isEqualTo("idcard.invalid.birth");
  }

  @Test
  void refusesADayZero() {
    assertThat(messageKeyOf(withCheck("33020319900100001"))).isEqualTo("idcard.invalid.birth");
  }

  @Test
  void refusesABirthYearBefore1880() {
    assertThat(messageKeyOf(withCheck("33020318791231001"))).isEqualTo("idcard.invalid.birth");
    assertThat(new IdCardNumber(withCheck("33020318800101001")).birthDate())
        .isEqualTo(LocalDate.of(1880, 1, 1));
  }

  @Test
  void acceptsTheTwentyNinthOfFebruaryInALeapYear() {
    assertThat(new IdCardNumber(withCheck("33020320000229002")).birthDate())
        .isEqualTo(LocalDate.of(2000, 2, 29));
    assertThat(new IdCardNumber(withCheck("33020319960229002")).birthDate())
        .isEqualTo(LocalDate.of(1996, 2, 29));
  }

  @Test
  void refusesTheTwentyNinthOfFebruaryInANonLeapYear() {
    assertThat(messageKeyOf(withCheck("33020320010229002"))).isEqualTo("idcard.invalid.birth");
    // 1900 is divisible by 4 but, as a century not divisible by 400, not a leap year.
    assertThat(messageKeyOf(withCheck("33020319000229002"))).isEqualTo("idcard.invalid.birth");
  }

  @Test
  void refusesAProvinceCodeBelow11() {
    assertThat(messageKeyOf(withCheck("10020319900101001"))).isEqualTo("idcard.invalid.region");
    assertThat(messageKeyOf(withCheck("00020319900101001"))).isEqualTo("idcard.invalid.region");
  }

  @Test
  void refusesAProvinceCodeAbove91() {
    assertThat(messageKeyOf(withCheck("92020319900101001"))).isEqualTo("idcard.invalid.region");
    assertThat(messageKeyOf(withCheck("99020319900101001"))).isEqualTo("idcard.invalid.region");
  }

  @Test
  void acceptsTheProvinceCodes11And91() {
    assertThat(new IdCardNumber(withCheck("11020319900101001")).regionCode()).isEqualTo("110203");
    assertThat(new IdCardNumber(withCheck("91020319900101001")).regionCode()).isEqualTo("910203");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "330204", // 江东区, merged into 鄞州区 and 海曙区 in 2016
        "330227", // 鄞县, became 鄞州区 in 2002
        "330283" // 奉化市, became 奉化区 in 2016
      })
  void acceptsTheCodeOfAnAbolishedDistrict(String region) {
    IdCardNumber id = new IdCardNumber(withCheck(region + "19850615003"));
    assertThat(id.regionCode()).isEqualTo(region);
  }

  @Test
  void readsTheBirthDateAndRegionCode() {
    IdCardNumber id = new IdCardNumber("11010519491231002X");
    assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
    assertThat(id.regionCode()).isEqualTo("110105");
  }

  @Test
  void masksAllButTheRegionCodeAndTheLastFourCharacters() {
    IdCardNumber id = new IdCardNumber(withCheck("33020319900101123"));
    assertThat(id.value()).isEqualTo("330203199001011236");
    assertThat(id.masked()).isEqualTo("330203********1236");
    assertThat(new IdCardNumber("11010519491231002x").masked()).isEqualTo("110105********002X");
  }

  @Test
  void neverShowsTheFullNumberInToString() {
    IdCardNumber id = new IdCardNumber("440524188001010014");
    assertThat(id.toString())
        .isEqualTo("440524********0014")
        .doesNotContain(id.value())
        .doesNotContain("18800101");
  }
}
