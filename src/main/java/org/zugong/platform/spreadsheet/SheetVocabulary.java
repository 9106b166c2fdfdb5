package org.zugong.platform.spreadsheet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The values the coded columns of a sheet take. A cell may hold the value's name in any language
 * the bundles spell it in, its constant, or a code of its own; case and spaces do not matter.
 *
 * @param <C> the sheet's columns
 */
public abstract class SheetVocabulary<C extends SheetColumn> {

  // By column index; empty for a column that is not coded.
  private final List<Map<String, Enum<?>>> values;

  /**
   * @param columns the sheet's columns in their order
   * @param choices the values a coded column allows; none for others
   * @param keyOf the message key of a value's name
   * @param code a value's code of its own, if it has one (01 for 汉族)
   * @param labels the names of a message key in every language the sheet may be written in
   */
  protected SheetVocabulary(
      List<C> columns,
      Function<C, List<? extends Enum<?>>> choices,
      Function<Enum<?>, String> keyOf,
      Function<Enum<?>, @Nullable String> code,
      Function<String, List<String>> labels) {
    values = new ArrayList<>(columns.size());
    for (C column : columns) {
      Map<String, Enum<?>> byText = new HashMap<>();
      for (Enum<?> choice : choices.apply(column)) {
        byText.put(normalize(choice.name()), choice);
        String own = code.apply(choice);
        if (own != null) {
          byText.put(own, choice);
        }
        for (String label : labels.apply(keyOf.apply(choice))) {
          byText.putIfAbsent(normalize(label), choice);
        }
      }
      values.add(byText.isEmpty() ? Map.of() : byText);
    }
  }

  /** The value a cell's text names in a coded column, or {@code null}. */
  public <E extends Enum<E>> @Nullable E find(C column, String text, Class<E> type) {
    Enum<?> found = values.get(column.index()).get(normalize(text));
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
