package org.zugong.member.internal;

import java.time.LocalDate;
import java.util.Random;
import org.zugong.shared.IdCardNumber;

/** The ID numbers and mobile numbers of invented people, as the member demo parts draw them. */
final class DemoPeople {

  private DemoPeople() {}

  /**
   * A valid ID number of someone born in {@code origin} on {@code birth}: two random digits, then
   * the sequence digit that is odd for a man and even for a woman, then the check character.
   */
  static IdCardNumber idNumber(String origin, LocalDate birth, boolean male, Random r) {
    String body =
        origin
            + String.format(
                "%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
            + String.format("%02d", r.nextInt(100))
            + (male ? 1 + 2 * r.nextInt(5) : 2 * r.nextInt(5));
    return new IdCardNumber(body + IdCardNumber.checkCharacter(body));
  }

  /** A mobile number of eleven digits, beginning 13 to 19. */
  static String mobile(Random r) {
    return "1" + (3 + r.nextInt(7)) + String.format("%09d", r.nextInt(1_000_000_000));
  }
}
