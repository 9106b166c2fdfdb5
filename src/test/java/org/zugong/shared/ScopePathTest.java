package org.zugong.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScopePathTest {

  static final ScopePath NINGBO = new ScopePath("/330200/");
  static final ScopePath HAISHU = new ScopePath("/330200/330203/");

  @ParameterizedTest
  @ValueSource(strings = {"/", "/330200/", "/330200/330203/", "/330200/330203/330203001/"})
  void acceptsAPathOfCodesBetweenSlashes(String value) {
    assertThat(new ScopePath(value).value()).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "330200/",
        "/330200",
        "//",
        "/330200//",
        "/330200/'/",
        "/330200/\"/",
        "/330 200/",
        "/330200/ ",
        "/330200/\n",
        "/../",
        "/330200/%/",
        "/' or '1'='1",
        "/' or '1'='1/",
        "/330200/'; drop table region; --/"
      })
  void refusesAnythingElse(String value) {
    assertThatThrownBy(() -> new ScopePath(value))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.messageKey()).isEqualTo("scope.invalid");
              assertThat(e.arguments()).containsExactly(value);
            });
  }

  @Test
  void appendsAChildCodeWithItsTrailingSlash() {
    assertThat(ScopePath.ROOT.child("330200")).isEqualTo(NINGBO);
    assertThat(NINGBO.child("330203")).isEqualTo(HAISHU);
  }

  @Test
  void refusesAChildCodeThatWouldBreakThePath() {
    assertThatThrownBy(() -> NINGBO.child("")).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> NINGBO.child("' or '1'='1")).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void containsItself() {
    assertThat(HAISHU.contains(HAISHU)).isTrue();
    assertThat(ScopePath.ROOT.contains(ScopePath.ROOT)).isTrue();
  }

  @Test
  void containsItsDescendants() {
    assertThat(NINGBO.contains(HAISHU)).isTrue();
    assertThat(NINGBO.contains(HAISHU.child("330203001"))).isTrue();
    assertThat(ScopePath.ROOT.contains(HAISHU)).isTrue();
  }

  @Test
  void doesNotContainItsAncestorsOrSiblings() {
    assertThat(HAISHU.contains(NINGBO)).isFalse();
    assertThat(HAISHU.contains(ScopePath.ROOT)).isFalse();
    assertThat(HAISHU.contains(NINGBO.child("330205"))).isFalse();
  }

  @Test
  void doesNotContainAPathThatOnlySharesAPrefixOfItsCode() {
    assertThat(new ScopePath("/33/").contains(new ScopePath("/330/"))).isFalse();
    assertThat(new ScopePath("/330200/3302/").contains(HAISHU)).isFalse();
  }

  @Test
  void givesTheLastCodeAsLeaf() {
    assertThat(HAISHU.leaf()).isEqualTo("330203");
    assertThat(NINGBO.leaf()).isEqualTo("330200");
  }

  @Test
  void givesAnEmptyLeafForTheRoot() {
    assertThat(ScopePath.ROOT.leaf()).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void refusesAChildCodeThatWouldAddTwoLevels() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new ScopePath("/330200/").child("330203/330203001"))
        .isInstanceOf(InvalidValueException.class);
  }
}
