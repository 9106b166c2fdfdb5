package org.zugong.organization.imports;

import java.util.List;
import java.util.function.Function;
import org.zugong.organization.OrganizationCategory;
import org.zugong.organization.OrganizationKind;
import org.zugong.organization.UnitType;
import org.zugong.platform.spreadsheet.SheetVocabulary;

/**
 * The values the coded columns take. A cell may hold the value's name in Chinese or English as the
 * bundles spell it (党支部, Branch) or its constant (BRANCH); case and spaces do not matter.
 */
public final class Vocabulary extends SheetVocabulary<OrganizationColumn> {

  /**
   * @param labels the names of a message key in every language the sheet may be written in
   */
  public Vocabulary(Function<String, List<String>> labels) {
    super(
        List.of(OrganizationColumn.values()),
        Vocabulary::choices,
        Vocabulary::keyOf,
        v -> null,
        labels);
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
}
