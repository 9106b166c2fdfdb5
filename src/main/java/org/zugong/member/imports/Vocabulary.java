package org.zugong.member.imports;

import java.util.List;
import java.util.function.Function;
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
public final class Vocabulary extends SheetVocabulary<MemberColumn> {

  /**
   * @param labels the names of a message key in every language the sheet may be written in
   */
  public Vocabulary(Function<String, List<String>> labels) {
    super(
        List.of(MemberColumn.values()),
        Vocabulary::choices,
        Vocabulary::keyOf,
        v -> v instanceof Ethnicity e ? e.code() : null,
        labels);
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
}
