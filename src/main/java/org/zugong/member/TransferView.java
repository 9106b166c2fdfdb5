package org.zugong.member;

import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.zugong.member.transfer.TransferKind;
import org.zugong.member.transfer.TransferState;
import org.zugong.member.transfer.TransferWorkList.Category;

/**
 * A transfer as lists, pages and the API show it: both ends by name, the letter, the work-list
 * categories it falls in today, and the steps the caller may take on it.
 *
 * @param memberId the member; {@code null} for a member arriving from outside the city who is not
 *     yet in the register
 * @param sourceId the organization of the city the member leaves; {@code null} when it is outside
 * @param sourceActorName who acts for the source: the source, or the registrar of a letter from
 *     outside the city
 * @param targetId the receiving organization of the city; {@code null} when it is outside
 * @param deadline the last valid day of the current letter, if there is one yet
 */
public record TransferView(
    long id,
    TransferKind kind,
    TransferState state,
    int attempt,
    @Nullable Long memberId,
    String memberName,
    @Nullable Long sourceId,
    String sourceName,
    String sourceActorName,
    @Nullable Long targetId,
    String targetName,
    @Nullable String letterNumber,
    @Nullable LocalDate letterIssuedOn,
    @Nullable LocalDate deadline,
    LocalDate submittedOn,
    LocalDate lastStepOn,
    Set<Category> categories,
    Set<TransferAction> actions) {

  public boolean open() {
    return !state.isClosed();
  }

  public boolean may(TransferAction action) {
    return actions.contains(action);
  }
}
