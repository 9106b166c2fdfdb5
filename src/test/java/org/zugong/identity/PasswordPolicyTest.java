package org.zugong.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zugong.identity.PasswordPolicy.firstBrokenRule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"Ningbo2022!", "Abcd1234", "abcd-1234", "ABCD_1234", "Abcd!efg", "Zg#9zg#9zg"})
  void acceptsAPasswordThatKeepsEveryRule(String password) {
    assertThat(firstBrokenRule(password, "wangwu")).isEmpty();
  }

  @Test
  void refusesSevenCharacters() {
    assertThat(firstBrokenRule("Abc12#x", "wangwu")).contains("password.rule.length");
  }

  @Test
  void acceptsExactlyEightCharacters() {
    assertThat(firstBrokenRule("Abc12#xy", "wangwu")).isEmpty();
  }

  @Test
  void checksTheLengthBeforeTheClasses() {
    assertThat(firstBrokenRule("abc", "wangwu")).contains("password.rule.length");
    assertThat(firstBrokenRule("", "wangwu")).contains("password.rule.length");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "abcdefgh",
        "ABCDEFGH",
        "12345678",
        "!@#$%^&*",
        "abcdEFGH",
        "abcd1234",
        "ABCD!@#$"
      })
  void refusesFewerThanThreeClasses(String password) {
    assertThat(firstBrokenRule(password, "wangwu")).contains("password.rule.classes");
  }

  @Test
  void countsSymbolsAsAClass() {
    assertThat(firstBrokenRule("abcd1234", "wangwu")).contains("password.rule.classes");
    assertThat(firstBrokenRule("abcd123!", "wangwu")).isEmpty();
  }

  @Test
  void countsASpaceAsASymbol() {
    assertThat(firstBrokenRule("abcd 1234", "wangwu")).isEmpty();
  }

  @Test
  void refusesAPasswordContainingTheUsername() {
    assertThat(firstBrokenRule("Wangwu#2024", "wangwu")).contains("password.rule.username");
  }

  @Test
  void refusesTheUsernameWhateverItsCase() {
    assertThat(firstBrokenRule("x1!WANGWUx", "wangwu")).contains("password.rule.username");
    assertThat(firstBrokenRule("x1!wangwux", "WangWu")).contains("password.rule.username");
  }

  @Test
  void acceptsAPasswordContainingOnlyPartOfTheUsername() {
    assertThat(firstBrokenRule("Wangw#2024", "wangwu")).isEmpty();
  }

  @Test
  void ignoresABlankUsername() {
    // Every string contains the empty string: without this guard no password would ever pass.
    assertThat(firstBrokenRule("Ningbo2022!", "")).isEmpty();
    assertThat(firstBrokenRule("Ningbo2022!", "   ")).isEmpty();
  }

  @Test
  void countsChineseCharactersTowardsTheLengthButInNoClass() {
    // A Han character is a letter to Character.isLetterOrDigit, so not a symbol, yet neither upper
    // nor lower case: it makes a password longer without making it more varied.
    assertThat(firstBrokenRule("宁波Ab1", "wangwu")).contains("password.rule.length");
    assertThat(firstBrokenRule("宁波市Ab12!", "wangwu")).isEmpty();
    assertThat(firstBrokenRule("宁波市组织部12", "wangwu")).contains("password.rule.classes");
    assertThat(firstBrokenRule("宁波市组织部ab12", "wangwu")).contains("password.rule.classes");
    assertThat(firstBrokenRule("宁波市组织部ab12!", "wangwu")).isEmpty();
  }

  @Test
  void countsACharacterOutsideTheBasicPlaneOnce() {
    String sevenCharacters = "Abc12#\uD83D\uDE00"; // 6 ASCII characters and one emoji
    assertThat(sevenCharacters.codePointCount(0, sevenCharacters.length())).isEqualTo(7);
    assertThat(firstBrokenRule(sevenCharacters, "wangwu")).contains("password.rule.length");
  }

  @Test
  void countsAChineseCharacterOutsideTheBasicPlaneInNoClassLikeAnyOther() {
    assertThat(firstBrokenRule("吉abcdef1", "wangwu")).contains("password.rule.classes");
    assertThat(firstBrokenRule("\uD842\uDFB7abcdef1", "wangwu")).contains("password.rule.classes");
  }
}
