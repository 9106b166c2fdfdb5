package org.zugong.member.imports;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.zugong.member.MemberStage;
import org.zugong.person.Education;
import org.zugong.person.Ethnicity;
import org.zugong.person.Gender;
import org.zugong.person.NewEmploymentGroup;
import org.zugong.person.OccupationCategory;
import org.zugong.platform.spreadsheet.SheetVocabulary;

/**
 * The values the coded columns take. A cell may hold the value's name in Chinese or English as the
 * bundles spell it (男, Male), its code (01 for 汉族) or its constant (MALE); case and spaces do not
 * matter.
 */
public final class Vocabulary implements SheetVocabulary<MemberColumn> {

  private final Map<MemberColumn, Map<String, Enum<?>>> values = new EnumMap<>(MemberColumn.class);

  /**
   * @param labels the names of a message key in every language the sheet may be written in
   */
  public Vocabulary(Function<String, List<String>> labels) {
    for (MemberColumn column : MemberColumn.values()) {
      List<? extends Enum<?>> choices = choices(column);
      if (choices.isEmpty()) {
        continue;
      }
      Map<String, Enum<?>> byText = new HashMap<>();
      for (Enum<?> choice : choices) {
        byText.put(normalize(choice.name()), choice);
        if (choice instanceof Ethnicity e) {
          byText.put(e.code(), choice);
        }
        for (String label : labels.apply(keyOf(choice))) {
          byText.putIfAbsent(normalize(label), choice);
        }
      }
      values.put(column, byText);
    }
  }

  /** The values a coded column allows, in the order the template lists them; none for others. */
  public static List<? extends Enum<?>> choices(MemberColumn column) {
    return switch (column) {
      case GENDER -> List.of(Gender.values());
      case ETHNICITY -> List.of(Ethnicity.values());
      case EDUCATION -> List.of(Education.values());
      case OCCUPATION_CATEGORY -> List.of(OccupationCategory.values());
      case NEW_EMPLOYMENT_GROUP -> List.of(NewEmploymentGroup.values());
      case STAGE -> List.of(MemberStage.values());
      default -> List.of();
    };
  }

  /** The message key of a value's name. */
  public static String keyOf(Enum<?> value) {
    return switch (value) {
      case Gender g -> g.messageKey();
      case Ethnicity e -> e.messageKey();
      case Education e -> e.messageKey();
      case OccupationCategory c -> c.messageKey();
      case NewEmploymentGroup g -> g.messageKey();
      case MemberStage s -> s.messageKey();
      default -> throw new IllegalArgumentException("Not a sheet value: " + value);
    };
  }

  /** The value a cell's text names in a coded column, or {@code null}. */
  @Override
  public <E extends Enum<E>> @Nullable E find(MemberColumn column, String text, Class<E> type) {
    Enum<?> found = values.getOrDefault(column, Map.of()).get(normalize(text));
    return type.isInstance(found) ? type.cast(found) : null;
  }

  public boolean isCoded(MemberColumn column) {
    return values.containsKey(column);
  }

  private static String normalize(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
        .forEach(out::appendCodePoint);
    return out.toString().toLowerCase(Locale.ROOT);
  }
}
