package org.zugong.member.recruitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Both languages speak every rule, stage, step and status, and every message formats. */
class RecruitmentMessagesTest {

  static final Path RESOURCES = Path.of("src/main/resources/i18n");
  static final Path SOURCES = Path.of("src/main/java/org/zugong/member/recruitment");

  static Properties bundle(String name) throws IOException {
    Properties p = new Properties();
    try (Reader in =
        new InputStreamReader(
            Files.newInputStream(RESOURCES.resolve(name)), StandardCharsets.UTF_8)) {
      p.load(in);
    }
    return p;
  }

  static Properties chinese() throws IOException {
    return bundle("member-recruitment.properties");
  }

  static Properties english() throws IOException {
    return bundle("member-recruitment_en.properties");
  }

  @Test
  void bothLanguagesHaveTheSameKeysAllUnderRecruitment() throws IOException {
    Set<String> zh = new TreeSet<>(chinese().stringPropertyNames());
    Set<String> en = new TreeSet<>(english().stringPropertyNames());
    assertThat(en).isEqualTo(zh);
    assertThat(zh).isNotEmpty().allSatisfy(k -> assertThat(k).startsWith("recruitment."));
  }

  @Test
  void theChineseBundleIsChineseAndTheEnglishBundleEnglish() throws IOException {
    Pattern han = Pattern.compile("\\p{IsHan}");
    Properties zh = chinese();
    Properties en = english();
    assertThat(zh.stringPropertyNames())
        .allSatisfy(k -> assertThat(han.matcher(zh.getProperty(k)).find()).as(k).isTrue());
    assertThat(en.stringPropertyNames())
        .allSatisfy(
            k -> {
              assertThat(en.getProperty(k)).as(k).isNotBlank();
              assertThat(han.matcher(en.getProperty(k)).find()).as(k).isFalse();
            });
  }

  @Test
  void everyRuleStageStepAndStatusHasAMessage() throws IOException {
    Properties zh = chinese();
    for (RecruitmentRule rule : RecruitmentRule.values()) {
      assertThat(zh).containsKey(rule.messageKey());
    }
    for (RecruitmentStage stage : RecruitmentStage.values()) {
      assertThat(zh).containsKey("recruitment.stage." + stage.name());
    }
    for (RecruitmentStepKind kind : RecruitmentStepKind.values()) {
      assertThat(zh).containsKey("recruitment.step." + kind.name());
    }
    for (TodoStatus status : TodoStatus.values()) {
      assertThat(zh).containsKey("recruitment.todo." + status.name());
    }
  }

  @Test
  void everyRuleHasANameInBothLanguagesForTheRefusalToCite() throws IOException {
    Properties zh = chinese();
    Properties en = english();
    for (RecruitmentRule rule : RecruitmentRule.values()) {
      assertThat(zh).containsKey("recruitment.rule-name." + rule.id());
      assertThat(en).containsKey("recruitment.rule-name." + rule.id());
    }
  }

  @Test
  void everyKeyTheCodeNamesExists() throws IOException {
    Properties zh = chinese();
    Pattern literal = Pattern.compile("\"(recruitment\\.[a-zA-Z0-9_.-]*[a-zA-Z0-9_-])\"");
    Set<String> named = new TreeSet<>();
    try (Stream<Path> sources = Files.list(SOURCES)) {
      for (Path source : sources.toList()) {
        Matcher m = literal.matcher(Files.readString(source));
        while (m.find()) {
          named.add(m.group(1));
        }
      }
    }
    assertThat(named).isNotEmpty();
    assertThat(named).allSatisfy(k -> assertThat(zh).containsKey(k));
  }

  @Test
  void everyMessageFormatsWithoutQuotesToEscape() throws IOException {
    // Spring formats a message only when it has arguments; a quote would read '' in one case and '
    // in the other, so the texts hold none.
    for (Properties bundle : new Properties[] {chinese(), english()}) {
      for (String key : bundle.stringPropertyNames()) {
        String text = bundle.getProperty(key);
        assertThat(text).as(key).doesNotContain("'");
        assertThat(new MessageFormat(text, Locale.ROOT).format(new Object[] {1L, 2L}))
            .as(key)
            .isNotBlank();
      }
    }
  }

  @Test
  void writesAMemberIdWithoutGroupingSeparators() throws IOException {
    String text = english().getProperty(RecruitmentRule.INTRODUCER_FULL_MEMBER.messageKey());
    assertThat(new MessageFormat(text, Locale.ENGLISH).format(new Object[] {1234567L}))
        .contains("member 1234567 ");
  }
}
