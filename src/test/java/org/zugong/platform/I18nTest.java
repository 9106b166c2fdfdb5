package org.zugong.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Chinese first, English complete: both bundles hold the same keys, every key a template or the
 * code names exists, and no template carries text of its own.
 */
class I18nTest {

  static final Path TEMPLATES = Path.of("src/main/resources/templates");
  static final Path SOURCES = Path.of("src/main/java");

  /**
   * All texts of one language: {@code messages} and every module bundle under {@code i18n/},
   * checked for keys defined twice.
   */
  static Properties bundle(String name) throws IOException {
    boolean english = name.endsWith("_en.properties");
    List<Path> files = new ArrayList<>();
    files.add(Path.of("src/main/resources", name));
    Path modules = Path.of("src/main/resources/i18n");
    if (Files.isDirectory(modules)) {
      for (Path f : files(modules, ".properties")) {
        if (f.getFileName().toString().endsWith("_en.properties") == english) {
          files.add(f);
        }
      }
    }
    Properties all = new Properties();
    for (Path f : files) {
      Properties p = new Properties();
      try (var in = new InputStreamReader(Files.newInputStream(f), StandardCharsets.UTF_8)) {
        p.load(in);
      }
      for (String k : p.stringPropertyNames()) {
        assertThat(all.containsKey(k)).as("key %s defined twice (again in %s)", k, f).isFalse();
        all.setProperty(k, p.getProperty(k));
      }
    }
    return all;
  }

  @Test
  void messagesWithArgumentsHaveNoStrayQuotes() throws IOException {
    // MessageFormat treats a single quote as an escape: "parent's {0}" would lose text.
    List<String> stray = new ArrayList<>();
    for (String name : List.of("messages.properties", "messages_en.properties")) {
      Properties p = bundle(name);
      for (String k : p.stringPropertyNames()) {
        String v = p.getProperty(k);
        if (v.matches("(?s).*\\{\\d}.*") && v.replace("''", "").contains("'")) {
          stray.add(name + ": " + k);
        }
      }
    }
    assertThat(stray).isEmpty();
  }

  static List<Path> files(Path root, String suffix) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }

  @Test
  void bothLanguagesHaveTheSameKeysAndNoEmptyText() throws IOException {
    Properties zh = bundle("messages.properties");
    Properties en = bundle("messages_en.properties");
    Set<String> onlyZh = new TreeSet<>(zh.stringPropertyNames());
    onlyZh.removeAll(en.stringPropertyNames());
    Set<String> onlyEn = new TreeSet<>(en.stringPropertyNames());
    onlyEn.removeAll(zh.stringPropertyNames());
    assertThat(onlyZh).as("keys missing in English").isEmpty();
    assertThat(onlyEn).as("keys missing in Chinese").isEmpty();
    assertThat(zh.stringPropertyNames())
        .allSatisfy(k -> assertThat(zh.getProperty(k)).as(k).isNotBlank());
    assertThat(en.stringPropertyNames())
        .allSatisfy(k -> assertThat(en.getProperty(k)).as(k).isNotBlank());
  }

  @Test
  void theEnglishBundleIsEnglish() throws IOException {
    Properties en = bundle("messages_en.properties");
    Pattern han = Pattern.compile("\\p{IsHan}");
    List<String> chinese = new ArrayList<>();
    for (String k : en.stringPropertyNames()) {
      // The language switch names Chinese in Chinese, as every bilingual site does.
      if (!k.equals("header.language.zh") && han.matcher(en.getProperty(k)).find()) {
        chinese.add(k);
      }
    }
    assertThat(chinese).as("English texts with Chinese characters").isEmpty();
  }

  @Test
  void everyKeyATemplateNamesExists() throws IOException {
    Properties zh = bundle("messages.properties");
    Pattern key = Pattern.compile("#\\{([a-zA-Z0-9_.-]+)");
    Set<String> missing = new TreeSet<>();
    for (Path t : files(TEMPLATES, ".html")) {
      Matcher m = key.matcher(Files.readString(t));
      while (m.find()) {
        if (!zh.containsKey(m.group(1))) {
          missing.add(TEMPLATES.relativize(t) + ": " + m.group(1));
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void everyKeyTheCodeNamesExists() throws IOException {
    Properties zh = bundle("messages.properties");
    Set<String> prefixes = new TreeSet<>();
    zh.stringPropertyNames().forEach(k -> prefixes.add(k.substring(0, k.indexOf('.') + 1)));
    Pattern literal = Pattern.compile("\"([a-z][a-z0-9-]*(?:\\.[a-zA-Z0-9_-]+)+)\"");
    Set<String> missing = new TreeSet<>();
    for (Path source : files(SOURCES, ".java")) {
      Matcher m = literal.matcher(Files.readString(source));
      while (m.find()) {
        String candidate = m.group(1);
        boolean looksLikeKey = prefixes.stream().anyMatch(candidate::startsWith);
        boolean dynamic = candidate.endsWith(".");
        if (looksLikeKey
            && !dynamic
            && !zh.containsKey(candidate)
            && !zh.containsKey("indicator." + candidate) // an indicator's key names its label
            && !isPrefixOfKeys(zh, candidate)) {
          missing.add(SOURCES.relativize(source) + ": " + candidate);
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  /** Keys built from a prefix and an enum name, such as {@code role.} + name. */
  private static boolean isPrefixOfKeys(Properties p, String candidate) {
    return p.stringPropertyNames().stream().anyMatch(k -> k.startsWith(candidate + "."));
  }

  @Test
  void templatesHaveNoHardCodedText() throws IOException {
    Pattern text = Pattern.compile(">([^<>]*)<");
    Pattern words = Pattern.compile("[\\p{IsHan}A-Za-z]");
    Pattern attribute = Pattern.compile("\\s(placeholder|title|alt|aria-label|value)=\"([^\"]*)\"");
    List<String> found = new ArrayList<>();
    for (Path t : files(TEMPLATES, ".html")) {
      String html =
          Files.readString(t)
              .replaceAll("(?s)<script.*?</script>", "<x>")
              .replaceAll("(?s)<style.*?</style>", "<x>")
              .replaceAll("(?s)<!--.*?-->", "")
              .replaceAll("(?s)<!DOCTYPE[^>]*>", "");
      Matcher m = text.matcher(html);
      while (m.find()) {
        String between = m.group(1).strip();
        if (!between.isEmpty() && words.matcher(between).find()) {
          found.add(TEMPLATES.relativize(t) + ": text \"" + between + "\"");
        }
      }
      Matcher a = attribute.matcher(html);
      while (a.find()) {
        if (words.matcher(a.group(2)).find() && !a.group(2).startsWith("{")) {
          found.add(TEMPLATES.relativize(t) + ": " + a.group(1) + "=\"" + a.group(2) + "\"");
        }
      }
    }
    assertThat(found).as("text written into templates instead of messages").isEmpty();
  }
}
