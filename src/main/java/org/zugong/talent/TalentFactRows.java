package org.zugong.talent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import org.zugong.talent.rules.TalentFacts;

/**
 * How talent rows read as the facts the rules engine sees: the one column list and its reading,
 * shared by the facts of everyone the caller sees and by a benefit run's chunks, so both judge the
 * same facts.
 */
final class TalentFactRows {

  /** Selects the columns {@link #read} expects, in its order; the caller adds where and order. */
  static final String SELECT =
      """
      select id, tier, tier_certified_on, degree, title, industry, substr(region_code, 1, 6),
        institution_code, birth_date, arrival_date, social_insurance_months, first_home,
        bank_account_cipher is not null from talent
      """;

  private TalentFactRows() {}

  /** The facts of the talent at the result set's current row, selected by {@link #SELECT}. */
  static TalentFacts read(ResultSet rs) throws SQLException {
    return new TalentFacts(
        rs.getLong(1),
        rs.getString(2),
        rs.getObject(3, LocalDate.class),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getObject(9, LocalDate.class),
        rs.getObject(10, LocalDate.class),
        rs.getInt(11),
        rs.getBoolean(12),
        rs.getBoolean(13));
  }
}
