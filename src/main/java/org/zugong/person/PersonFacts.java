package org.zugong.person;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.zugong.shared.IdCardNumber;
import org.zugong.shared.InvalidValueException;

/**
 * The identity facts of a person, checked together: the birth date and gender must agree with the
 * ID number, a new employment group goes with that occupation category only.
 */
public record PersonFacts(
    String name,
    IdCardNumber idNumber,
    Gender gender,
    Ethnicity ethnicity,
    LocalDate birthDate,
    @Nullable String phone,
    Education education,
    @Nullable String occupation,
    OccupationCategory category,
    @Nullable NewEmploymentGroup newEmploymentGroup) {

  public PersonFacts {
    name = name.trim();
    if (name.isEmpty() || name.length() > 40) {
      throw new InvalidValueException("person.invalid.name");
    }
    if (!idNumber.birthDate().equals(birthDate)) {
      throw new InvalidValueException("person.invalid.birth-date-vs-id", idNumber.birthDate());
    }
    Gender fromId = (idNumber.value().charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    if (fromId != gender) {
      throw new InvalidValueException("person.invalid.gender-vs-id");
    }
    if (phone != null
        && !phone.isBlank()
        && !phone.trim().matches("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}")) {
      throw new InvalidValueException("person.invalid.phone");
    }
    phone = phone == null || phone.isBlank() ? null : phone.trim();
    if (newEmploymentGroup != null && category != OccupationCategory.NEW_EMPLOYMENT) {
      throw new InvalidValueException("person.invalid.new-employment");
    }
  }

  /** The gender the ID number's 17th digit gives: odd for men, even for women. */
  public static Gender genderOf(IdCardNumber id) {
    return (id.value().charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
  }
}
