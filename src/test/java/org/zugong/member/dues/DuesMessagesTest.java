package org.zugong.member.dues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zugong.member.dues.DuesCategory.FARMER;
import static org.zugong.member.dues.DuesCategory.RETIRED;
import static org.zugong.member.dues.DuesCategory.SALARIED;
import static org.zugong.member.dues.DuesCategory.STUDENT;
import static org.zugong.member.dues.DuesFixtures.POLICY;
import static org.zugong.member.dues.DuesFixtures.fen;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.zugong.shared.InvalidValueException;

/**
 * The dues bundles: Chinese first, English complete, every key the code and the dues pages name
 * present and used, and every message of the domain formatting the arguments the code gives it.
 */
class DuesMessagesTest {

  static final Path SOURCES = Path.of("src/main/java/org/zugong/member/dues");

  /** The member module, whose services, pages and menu name the keys of the dues pages. */
  static final Path MODULE = Path.of("src/main/java/org/zugong/member");

  static final Path TEMPLATES = Path.of("src/main/resources/templates/member/dues");
  static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

  record Message(String key, Object[] arguments) {}

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
    return bundle("member-dues.properties");
  }

  static Properties en() throws IOException {
    return bundle("member-dues_en.properties");
  }

  /** The keys the domain names: literals in its sources, and keys built from enum names. */
  static Set<String> keysTheDomainNames() throws IOException {
    Set<String> keys = literals(SOURCES, Pattern.compile("\"(dues\\.[a-z0-9.-]+)\""), ".java");
    Arrays.stream(DuesCategory.values()).map(DuesCategory::messageKey).forEach(keys::add);
    Arrays.stream(DuesClause.values()).map(DuesClause::messageKey).forEach(keys::add);
    return keys;
  }

  /** The keys the domain, the rest of the module and the dues pages name. */
  static Set<String> keysTheCodeNames() throws IOException {
    Set<String> keys = keysTheDomainNames();
    keys.addAll(literals(MODULE, Pattern.compile("\"(dues\\.[a-z0-9.-]+)\""), ".java"));
    keys.addAll(literals(TEMPLATES, Pattern.compile("#\\{(dues\\.[a-z0-9.-]+)"), ".html"));
    Arrays.stream(org.zugong.member.Dues.MonthState.values())
        .map(org.zugong.member.Dues.MonthState::messageKey)
        .forEach(keys::add);
    return keys;
  }

  private static Set<String> literals(Path root, Pattern literal, String suffix)
      throws IOException {
    Set<String> keys = new TreeSet<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path source : files.filter(p -> p.toString().endsWith(suffix)).toList()) {
        Matcher m = literal.matcher(Files.readString(source));
        while (m.find()) {
          if (!m.group(1).endsWith(".")) {
            keys.add(m.group(1));
          }
        }
      }
    }
    return keys;
  }

  /** Messages as the domain produces them, with their real arguments. */
  static List<Message> producedMessages() {
    YearMonth jan = YearMonth.of(2025, 1);
    List<Message> messages = new ArrayList<>();
    for (DuesCategory c : DuesCategory.values()) {
      messages.add(new Message(c.messageKey(), new Object[0]));
    }
    Exemption waiver = Exemption.waiver(jan, jan.plusMonths(2), "重病住院");
    Exemption reduction = Exemption.reduction(jan, jan.plusMonths(2), 500, "家庭困难");
    for (MonthlyDues d :
        List.of(
            POLICY.amountFor(SALARIED, fen("12345.67"), jan, List.of()),
            POLICY.amountFor(RETIRED, fen("4000.00"), jan, List.of()),
            POLICY.amountFor(FARMER, 0, jan, List.of()),
            POLICY.amountFor(STUDENT, 0, jan, List.of()),
            POLICY.amountFor(SALARIED, fen("6000.00"), jan, List.of(waiver)),
            POLICY.amountFor(SALARIED, fen("6000.00"), jan, List.of(reduction)))) {
      messages.add(new Message(d.messageKey(), d.arguments()));
    }
    for (DuesStanding s :
        List.of(
            new DuesStanding.UpToDate(),
            new DuesStanding.InArrears(1, 9000),
            new DuesStanding.InArrears(2, 18000),
            new DuesStanding.Lapsed(jan, jan.plusMonths(5), LocalDate.of(2025, 6, 30)))) {
      messages.add(new Message(s.messageKey(), s.arguments()));
    }
    LocalDate today = LocalDate.of(2025, 3, 10);
    DuesLedger ledger = new DuesLedger(jan);
    MonthlyDues march = POLICY.amountFor(SALARIED, fen("6000.00"), jan.plusMonths(2), List.of());
    List<Decision> refusals =
        List.of(
            ledger.recordPayment(
                POLICY.amountFor(SALARIED, 0, jan.minusMonths(1), List.of()), 0, today, today),
            ledger.recordPayment(march, 9000, today.plusDays(1), today),
            ledger.recordPayment(
                POLICY.amountFor(SALARIED, 0, jan.plusMonths(3), List.of()), 0, today, today),
            ledger.recordPayment(march, 100, today, today));
    ledger.recordPayment(march, 9000, today, today);
    List<Decision> all = new ArrayList<>(refusals);
    all.add(ledger.recordPayment(march, 9000, today, today));
    for (Decision d : all) {
      Decision.Refused r = (Decision.Refused) d;
      messages.add(new Message(r.messageKey(), r.arguments()));
    }
    for (Runnable invalid :
        List.<Runnable>of(
            () -> POLICY.amountFor(SALARIED, -1, jan, List.of()),
            () -> ledger.recordPayment(march, -1, today, today),
            () -> Exemption.waiver(jan, jan, " "),
            () -> Exemption.waiver(jan, jan.minusMonths(1), "理由"),
            () -> Exemption.reduction(jan, jan, -1, "理由"))) {
      try {
        invalid.run();
        throw new AssertionError("expected an invalid value");
      } catch (InvalidValueException e) {
        messages.add(new Message(e.messageKey(), e.arguments()));
      }
    }
    return messages;
  }

  @Test
  void bothLanguagesHaveTheSameKeysAndNoEmptyText() throws IOException {
    Properties zh = zh();
    Properties en = en();
    assertThat(en.stringPropertyNames()).isEqualTo(zh.stringPropertyNames());
    assertThat(zh.stringPropertyNames()).allMatch(k -> !zh.getProperty(k).isBlank());
    assertThat(en.stringPropertyNames()).allMatch(k -> !en.getProperty(k).isBlank());
  }

  @Test
  void everyKeyStartsWithDues() throws IOException {
    assertThat(zh().stringPropertyNames()).allMatch(k -> k.startsWith("dues."));
  }

  @Test
  void theChineseBundleIsChineseAndTheEnglishBundleIsEnglish() throws IOException {
    Pattern han = Pattern.compile("\\p{IsHan}");
    Properties zh = zh();
    Properties en = en();
    assertThat(zh.stringPropertyNames()).allMatch(k -> han.matcher(zh.getProperty(k)).find());
    assertThat(en.stringPropertyNames()).noneMatch(k -> han.matcher(en.getProperty(k)).find());
  }

  @Test
  void everyKeyTheCodeNamesExistsAndEveryKeyIsNamed() throws IOException {
    Set<String> named = keysTheCodeNames();
    assertThat(named).hasSizeGreaterThan(20);
    assertThat(zh().stringPropertyNames()).containsExactlyInAnyOrderElementsOf(named);
  }

  @Test
  void everyProducedMessageUsesExactlyTheArgumentsTheCodeGives() throws IOException {
    List<Message> messages = producedMessages();
    assertThat(messages).extracting(Message::key).containsAll(keysTheDomainNames());
    for (Properties bundle : List.of(zh(), en())) {
      for (Message m : messages) {
        MessageFormat format = new MessageFormat(bundle.getProperty(m.key()), ZH);
        assertThat(format.getFormatsByArgumentIndex()).as(m.key()).hasSize(m.arguments().length);
        assertThat(format.format(m.arguments())).as(m.key()).doesNotContain("{", "}");
      }
    }
  }

  @Test
  void formatsAmountsAsYuanWithTwoDecimals() throws IOException {
    MonthlyDues dues =
        POLICY.amountFor(SALARIED, fen("12345.60"), YearMonth.of(2025, 1), List.of());
    assertThat(new MessageFormat(zh().getProperty(dues.messageKey()), ZH).format(dues.arguments()))
        .isEqualTo("月工资收入（税后）12,345.60元，按2%交纳，每月246.91元（党费规定第二条）");
    assertThat(
            new MessageFormat(en().getProperty(dues.messageKey()), Locale.ENGLISH)
                .format(dues.arguments()))
        .isEqualTo(
            "Monthly after-tax salary of 12,345.60 yuan at 2%: 246.91 yuan a month"
                + " (Dues Regulation, art. 2)");
  }

  @Test
  void escapesApostrophesForMessageFormat() throws IOException {
    for (Properties bundle : List.of(zh(), en())) {
      for (String k : bundle.stringPropertyNames()) {
        assertThat(bundle.getProperty(k).replace("''", "")).as(k).doesNotContain("'");
      }
    }
  }
}
