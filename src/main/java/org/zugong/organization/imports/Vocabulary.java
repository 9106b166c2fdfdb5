package org.zugong.organization.imports;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.zugong.organization.OrganizationCategory;
import org.zugong.organization.OrganizationKind;
import org.zugong.organization.UnitType;
import org.zugong.platform.spreadsheet.SheetVocabulary;

/**
 * The values the coded columns take. A cell may hold the value's name in Chinese or English as the
 * bundles spell it (党支部, Branch) or its constant (BRANCH); case and spaces do not matter.
 */
public final class Vocabulary implements SheetVocabulary<OrganizationColumn> {

  private final Map<OrganizationColumn, Map<String, Enum<?>>> values =
      new EnumMap<>(OrganizationColumn.class);

  /**
   * @param labels the names of a message key in every language the sheet may be written in
   */
  public Vocabulary(Function<String, List<String>> labels) {
    for (OrganizationColumn column : OrganizationColumn.values()) {
      List<? extends Enum<?>> choices = choices(column);
      if (choices.isEmpty()) {
        continue;
      }
      Map<String, Enum<?>> byText = new HashMap<>();
      for (Enum<?> choice : choices) {
        byText.put(normalize(choice.name()), choice);
        for (String label : labels.apply(keyOf(choice))) {
          byText.putIfAbsent(normalize(label), choice);
        }
      }
      values.put(column, byText);
    }
  }

  /** The values a coded column allows, in the order the template lists them; none for others. */
  public static List<? extends Enum<?>> choices(OrganizationColumn column) {
    return switch (column) {
      case KIND -> List.of(OrganizationKind.values());
      case UNIT_TYPE -> List.of(UnitType.values());
      case CATEGORY -> List.of(OrganizationCategory.values());
      default -> List.of();
    };
  }

  /** The message key of a value's name. */
  public static String keyOf(Enum<?> value) {
    return switch (value) {
      case OrganizationKind k -> k.messageKey();
      case UnitType t -> t.messageKey();
      case OrganizationCategory c -> c.messageKey();
      default -> throw new IllegalArgumentException("Not a sheet value: " + value);
    };
  }

  /** The value a cell's text names in a coded column, or {@code null}. */
  @Override
  public <E extends Enum<E>> @Nullable E find(
      OrganizationColumn column, String text, Class<E> type) {
    Enum<?> found = values.getOrDefault(column, Map.of()).get(normalize(text));
    return type.isInstance(found) ? type.cast(found) : null;
  }

  private static String normalize(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
        .forEach(out::appendCodePoint);
    return out.toString().toLowerCase(Locale.ROOT);
  }
}
