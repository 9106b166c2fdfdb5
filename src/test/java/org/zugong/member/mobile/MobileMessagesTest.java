package org.zugong.member.mobile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The two bundles of this package: Chinese first, English complete, every key the code names. */
class MobileMessagesTest {

  static final Path SOURCES = Path.of("src/main/java/org/zugong/member/mobile");

  static Properties bundle(String name) throws IOException {
    Properties p = new Properties();
    try (var in =
        new InputStreamReader(
            Files.newInputStream(Path.of("src/main/resources/i18n", name)),
            StandardCharsets.UTF_8)) {
      p.load(in);
    }
    return p;
  }

  static Properties zh() throws IOException {
    return bundle("member-mobile.properties");
  }

  static Properties en() throws IOException {
    return bundle("member-mobile_en.properties");
  }

  @Test
  void bothLanguagesHaveTheSameMobileKeysAndNoEmptyText() throws IOException {
    Properties zh = zh();
    Properties en = en();
    assertThat(en.stringPropertyNames()).isEqualTo(zh.stringPropertyNames());
    assertThat(zh.stringPropertyNames()).allSatisfy(k -> assertThat(k).startsWith("mobile."));
    assertThat(zh.stringPropertyNames())
        .allSatisfy(k -> assertThat(zh.getProperty(k)).as(k).isNotBlank());
    assertThat(en.stringPropertyNames())
        .allSatisfy(k -> assertThat(en.getProperty(k)).as(k).isNotBlank());
  }

  @Test
  void writesChineseInTheDefaultBundleAndNoneInTheEnglishOne() throws IOException {
    Pattern han = Pattern.compile("\\p{IsHan}");
    Properties zh = zh();
    Properties en = en();
    assertThat(en.stringPropertyNames())
        .allSatisfy(k -> assertThat(han.matcher(en.getProperty(k)).find()).as(k).isFalse());
    assertThat(zh.stringPropertyNames())
        .allSatisfy(k -> assertThat(han.matcher(zh.getProperty(k)).find()).as(k).isTrue());
  }

  @Test
  void givesEveryRuleAndEveryLabelAMessage() throws IOException {
    List<String> keys = new ArrayList<>();
    for (MobileRule rule : MobileRule.values()) {
      keys.add(rule.messageKey());
    }
    for (Step step : Step.values()) {
      keys.add(step.messageKey());
    }
    for (PlacementRoute route : PlacementRoute.values()) {
      keys.add(route.messageKey());
    }
    for (MobilityStatus status : MobilityStatus.values()) {
      keys.add(status.messageKey());
    }
    for (CoverageStatus status : CoverageStatus.values()) {
      keys.add(status.messageKey());
    }
    for (ContactChannel channel : ContactChannel.values()) {
      keys.add(channel.messageKey());
    }
    assertThat(zh().stringPropertyNames()).containsAll(keys);
  }

  @Test
  void hasAMessageForEveryKeyTheCodeNames() throws IOException {
    Pattern literal = Pattern.compile("\"(mobile\\.[a-zA-Z0-9_.-]+)\"");
    Properties zh = zh();
    Set<String> named = new TreeSet<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path source : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = literal.matcher(Files.readString(source));
        while (m.find()) {
          if (!m.group(1).endsWith(".")) {
            named.add(m.group(1));
          }
        }
      }
    }
    assertThat(named).isNotEmpty();
    assertThat(zh.stringPropertyNames()).containsAll(named);
  }

  @Test
  void formatsEveryMessageWithItsArguments() throws IOException {
    Object[] arguments = {"ARG0", "ARG1"};
    for (Properties bundle : List.of(zh(), en())) {
      for (String key : bundle.stringPropertyNames()) {
        String pattern = bundle.getProperty(key);
        assertThat(pattern.replace("''", "")).as(key).doesNotContain("'");
        String text = new MessageFormat(pattern, Locale.ROOT).format(arguments);
        assertThat(text).as(key).doesNotContain("{").doesNotContain("}");
      }
    }
  }

  @Test
  void usesTheSameArgumentsInBothLanguages() throws IOException {
    Pattern argument = Pattern.compile("\\{(\\d)}");
    Properties zh = zh();
    Properties en = en();
    for (String key : zh.stringPropertyNames()) {
      assertThat(argumentsOf(argument, en.getProperty(key)))
          .as(key)
          .isEqualTo(argumentsOf(argument, zh.getProperty(key)));
    }
  }

  private static Set<String> argumentsOf(Pattern argument, String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = argument.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }
}
