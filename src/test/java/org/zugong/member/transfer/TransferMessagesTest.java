package org.zugong.member.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.LocalDate;
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
import org.zugong.shared.Decision;

/**
 * The transfer messages: Chinese first, English complete, every key the code produces present in
 * both, and every refusal's arguments fitting its message.
 */
class TransferMessagesTest {

  static final Path BUNDLES = Path.of("src/main/resources/i18n");
  static final Path SOURCES = Path.of("src/main/java/org/zugong/member/transfer");

  /** The transfer feature outside the domain: its service, pages, menu and templates. */
  static final List<Path> FEATURE =
      List.of(
          Path.of("src/main/java/org/zugong/member"),
          Path.of("src/main/java/org/zugong/member/internal"),
          Path.of("src/main/java/org/zugong/member/web"),
          Path.of("src/main/resources/templates/member/transfer"));

  /** The keys of this bundle: the transfer texts, with its menu entry and home figure. */
  static final Pattern OWN_KEY =
      Pattern.compile("(transfer\\.|menu\\.transfers|home\\.figure\\.transfers)[a-zA-Z0-9_.-]*");

  static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

  static Properties bundle(String name) throws IOException {
    Properties p = new Properties();
    try (var in =
        new InputStreamReader(
            Files.newInputStream(BUNDLES.resolve(name)), StandardCharsets.UTF_8)) {
      p.load(in);
    }
    return p;
  }

  static Properties zh() throws IOException {
    return bundle("member-transfer.properties");
  }

  static Properties en() throws IOException {
    return bundle("member-transfer_en.properties");
  }

  static Set<Integer> placeholders(String message) {
    Set<Integer> found = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(message);
    while (m.find()) {
      found.add(Integer.parseInt(m.group(1)));
    }
    return found;
  }

  /** The keys the code builds from enum names, and the literal keys written in its sources. */
  static Set<String> keysTheCodeProduces() throws IOException {
    Set<String> keys = new TreeSet<>();
    for (TransferKind k : TransferKind.values()) keys.add(k.messageKey());
    for (TransferState s : TransferState.values()) {
      keys.add(s.messageKey());
      keys.add("transfer.rule.in-state." + s.name());
    }
    for (TransferWorkList.Category c : TransferWorkList.Category.values()) keys.add(c.messageKey());
    for (TransferWorkList.Direction d : TransferWorkList.Direction.values())
      keys.add(d.messageKey());
    for (MemberStatus s : MemberStatus.values()) {
      if (TransferRules.memberInNormalStatus(s) instanceof Decision.Refused r) {
        keys.add(r.messageKey());
      }
    }
    for (org.zugong.member.TransferAction a : org.zugong.member.TransferAction.values()) {
      keys.add(a.messageKey());
    }
    for (TransferWorkList.Category c : TransferWorkList.Category.values()) {
      keys.add("transfer.work.hint." + c.name());
    }
    Pattern literal = Pattern.compile("(?:\"|#\\{)([a-z][a-zA-Z0-9_.-]+)[\"(}]");
    List<Path> sources = new ArrayList<>();
    try (Stream<Path> files = Files.list(SOURCES)) {
      sources.addAll(files.toList());
    }
    for (Path dir : FEATURE) {
      try (Stream<Path> files = Files.list(dir)) {
        files
            .filter(
                f ->
                    f.toString().endsWith(".html")
                        || f.getFileName().toString().startsWith("Transfer"))
            .forEach(sources::add);
      }
    }
    for (Path f : sources) {
      Matcher m = literal.matcher(Files.readString(f));
      while (m.find()) {
        String key = m.group(1);
        if (!key.endsWith(".") && OWN_KEY.matcher(key).matches()) {
          keys.add(key);
        }
      }
    }
    return keys;
  }

  @Test
  void bothLanguagesHaveTheSameKeysAndNoEmptyText() throws IOException {
    Properties zh = zh();
    Properties en = en();
    assertThat(en.stringPropertyNames()).isEqualTo(zh.stringPropertyNames());
    assertThat(zh.stringPropertyNames())
        .allSatisfy(k -> assertThat(zh.getProperty(k)).as(k).isNotBlank())
        .allSatisfy(k -> assertThat(en.getProperty(k)).as(k).isNotBlank())
        .allSatisfy(k -> assertThat(k).matches(OWN_KEY));
  }

  @Test
  void theChineseBundleIsChineseAndTheEnglishBundleIsEnglish() throws IOException {
    Pattern han = Pattern.compile("\\p{IsHan}");
    Properties zh = zh();
    Properties en = en();
    assertThat(zh.stringPropertyNames())
        .allSatisfy(k -> assertThat(han.matcher(zh.getProperty(k)).find()).as(k).isTrue());
    assertThat(en.stringPropertyNames())
        .allSatisfy(k -> assertThat(han.matcher(en.getProperty(k)).find()).as(k).isFalse());
  }

  @Test
  void everyKeyTheCodeProducesExistsInBothLanguages() throws IOException {
    Set<String> keys = keysTheCodeProduces();
    assertThat(keys).contains("transfer.rule.letter-expired", "transfer.state.SUBMITTED");
    assertThat(zh().stringPropertyNames()).containsAll(keys);
    assertThat(en().stringPropertyNames()).containsAll(keys);
  }

  @Test
  void noKeyIsLeftThatTheCodeDoesNotProduce() throws IOException {
    Set<String> unused = new TreeSet<>(zh().stringPropertyNames());
    unused.removeAll(keysTheCodeProduces());
    assertThat(unused).isEmpty();
  }

  @Test
  void bothLanguagesUseTheSamePlaceholdersAndValidPatterns() throws IOException {
    Properties zh = zh();
    Properties en = en();
    for (String k : zh.stringPropertyNames()) {
      assertThat(placeholders(en.getProperty(k))).as(k).isEqualTo(placeholders(zh.getProperty(k)));
      for (String text : List.of(zh.getProperty(k), en.getProperty(k))) {
        // A lone single quote would swallow the text after it once MessageFormat applies.
        assertThat(text.replace("''", "")).as(k).doesNotContain("'");
        new MessageFormat(text, Locale.ROOT);
      }
    }
  }

  @Test
  void everyRefusalGivesTheArgumentsItsMessageNeeds() throws IOException {
    LocalDate day = LocalDate.of(2024, 3, 1);
    Transfer submitted = Transfers.withinCitySubmitted();
    List<Decision> refusals = new ArrayList<>();
    for (MemberStatus s : MemberStatus.values()) {
      if (s != MemberStatus.NORMAL) refusals.add(TransferRules.memberInNormalStatus(s));
    }
    refusals.add(TransferRules.oneOpenTransferPerMember(Transfers.MEMBER, List.of(submitted)));
    refusals.add(TransferRules.sourceAndTargetDiffer(1, 1));
    refusals.add(TransferRules.targetHoldsMembers(OrganizationKind.GROUP));
    refusals.add(TransferRules.externalOrganizationNamed(" "));
    refusals.add(TransferRules.letterNumberGiven(null));
    refusals.add(TransferRules.letterValidityInRange(day, day));
    refusals.add(TransferRules.letterIssuedByToday(day.plusDays(1), day));
    refusals.add(TransferRules.letterNotExpired(day, day.plusDays(1)));
    refusals.add(TransferRules.returnHasReason(""));
    refusals.add(submitted.canAccept(Transfers.SOURCE, day));
    refusals.add(submitted.canAccept(Transfers.TARGET, day.minusDays(1)));
    refusals.add(submitted.canReturn(Transfers.SOURCE, "x", day));
    refusals.add(submitted.canCancel(Transfers.TARGET, day));
    refusals.add(submitted.canIssueLetter(Transfers.SOURCE, "1", day, day));
    Properties zh = zh();
    Properties en = en();
    assertThat(refusals).allSatisfy(d -> assertThat(d).isInstanceOf(Decision.Refused.class));
    for (Decision d : refusals) {
      if (d instanceof Decision.Refused r) {
        for (Properties bundle : List.of(zh, en)) {
          String text = bundle.getProperty(r.messageKey());
          assertThat(text).as(r.messageKey()).isNotNull();
          int needed = placeholders(text).stream().mapToInt(i -> i + 1).max().orElse(0);
          assertThat(r.arguments()).as(r.messageKey()).hasSize(needed);
          assertThat(MessageFormat.format(text, r.arguments())).doesNotContain("{");
        }
      }
    }
  }
}
