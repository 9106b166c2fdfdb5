package org.zugong.person;

import java.time.OffsetDateTime;
import java.util.List;
import org.zugong.platform.BulkCopy;
import org.zugong.platform.PersonalDataCipher;
import org.zugong.shared.ScopePath;

/**
 * Many persons registered at once (demo data, bulk loads) through COPY, in the caller's
 * transaction: the person module keeps the one layout of its table, the encryption of ID numbers
 * and phones, and the checks of {@link PersonFacts}. The caller assigns the ids and moves {@code
 * person_id_seq} past them.
 */
public final class PersonBatch {

  static final List<String> COLUMNS =
      List.of(
          "id",
          "name",
          "gender",
          "ethnicity",
          "birth_date",
          "id_number_cipher",
          "id_number_index",
          "id_number_masked",
          "phone_cipher",
          "phone_masked",
          "education",
          "occupation",
          "category",
          "new_employment_group",
          "scope_path",
          "created_at",
          "updated_at");

  private final BulkCopy.Copy copy;
  private final PersonalDataCipher cipher;

  PersonBatch(BulkCopy bulkCopy, PersonalDataCipher cipher) {
    this.copy = bulkCopy.into("person", COLUMNS);
    this.cipher = cipher;
  }

  public void add(long id, PersonFacts p, ScopePath scope, OffsetDateTime at) {
    String idNumber = p.idNumber().value();
    copy.row(
        id,
        p.name(),
        p.gender().name(),
        p.ethnicity().code(),
        p.birthDate(),
        cipher.encrypt(idNumber),
        cipher.blindIndex(idNumber),
        p.idNumber().masked(),
        p.phone() == null ? null : cipher.encrypt(p.phone()),
        Persons.maskPhone(p.phone()),
        p.education().name(),
        p.occupation(),
        p.category().name(),
        p.newEmploymentGroup() == null ? null : p.newEmploymentGroup().name(),
        scope.value(),
        at,
        at);
  }

  /** Sends what is left; returns the number of persons copied. */
  public long finish() {
    return copy.finish();
  }
}
