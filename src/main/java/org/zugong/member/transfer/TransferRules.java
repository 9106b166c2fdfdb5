package org.zugong.member.transfer;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.zugong.shared.Decision;

/**
 * The rules a transfer is submitted under, each a named function returning a {@link Decision}. The
 * rules of each step of a transfer already submitted (who may act, in which state, by which date)
 * are the {@code can…} methods of {@link Transfer}.
 *
 * <p>Members are held by branches (党支部) and by general branches (党总支) that keep members directly,
 * so only these may receive a transferred member; a committee receives members only through one of
 * its branches, and a group (党小组) is part of its branch, which holds the relationship.
 */
public final class TransferRules {

  /** The kinds of organization that may hold a member's relationship. */
  public static final Set<OrganizationKind> MEMBER_HOLDING_KINDS =
      EnumSet.of(OrganizationKind.BRANCH, OrganizationKind.GENERAL_BRANCH);

  private TransferRules() {}

  /**
   * Only a member in normal status is transferred: one who lost contact is first found again, and
   * one whose membership stopped, who left the party or who died has no relationship to move.
   */
  public static Decision memberInNormalStatus(MemberStatus status) {
    return status == MemberStatus.NORMAL
        ? Decision.ALLOWED
        : Decision.refused(
            "member-in-normal-status", "transfer.rule.member-status." + status.name());
  }

  /** A member has at most one open transfer: a second waits until the first is closed. */
  public static Decision oneOpenTransferPerMember(long memberId, Collection<Transfer> transfers) {
    boolean open = transfers.stream().anyMatch(t -> t.memberId() == memberId && t.isOpen());
    return open
        ? Decision.refused("one-open-transfer-per-member", "transfer.rule.open-transfer-exists")
        : Decision.ALLOWED;
  }

  /** A member is not transferred to the organization that already holds the relationship. */
  public static Decision sourceAndTargetDiffer(long sourceId, long targetId) {
    return sourceId == targetId
        ? Decision.refused("source-and-target-differ", "transfer.rule.same-organization")
        : Decision.ALLOWED;
  }

  /**
   * The receiving organization in the city is one that holds members: a branch or general branch.
   */
  public static Decision targetHoldsMembers(OrganizationKind targetKind) {
    return MEMBER_HOLDING_KINDS.contains(targetKind)
        ? Decision.ALLOWED
        : Decision.refused("target-holds-members", "transfer.rule.target-holds-no-members");
  }

  /** An organization outside the city is known by the name on the letter, which is required. */
  public static Decision externalOrganizationNamed(@Nullable String name) {
    return name == null || name.isBlank()
        ? Decision.refused("external-organization-named", "transfer.rule.external-name-required")
        : Decision.ALLOWED;
  }

  /** A paper letter, out of or into the city, bears its number. */
  public static Decision letterNumberGiven(@Nullable String number) {
    return number == null || number.isBlank()
        ? Decision.refused("letter-number-required", "transfer.rule.letter-number-required")
        : Decision.ALLOWED;
  }

  /**
   * A letter is valid for one to three months from its issue: its last valid day lies between the
   * same day one month later and the same day three months later, both included (a month later than
   * 31 January is 28 or 29 February).
   */
  public static Decision letterValidityInRange(LocalDate issuedOn, LocalDate validUntil) {
    LocalDate earliest = issuedOn.plusMonths(Letter.MIN_VALIDITY_MONTHS);
    LocalDate latest = issuedOn.plusMonths(Letter.MAX_VALIDITY_MONTHS);
    return validUntil.isBefore(earliest) || validUntil.isAfter(latest)
        ? Decision.refused(
            "letter-validity-in-range", "transfer.rule.letter-validity-range", earliest, latest)
        : Decision.ALLOWED;
  }

  /** A letter registered in the city has already been issued: its date is not in the future. */
  public static Decision letterIssuedByToday(LocalDate issuedOn, LocalDate today) {
    return issuedOn.isAfter(today)
        ? Decision.refused("letter-issued-by-today", "transfer.rule.letter-issued-later", issuedOn)
        : Decision.ALLOWED;
  }

  /** A letter is used up to and including its last valid day; after it, it has expired. */
  public static Decision letterNotExpired(LocalDate validUntil, LocalDate today) {
    return today.isAfter(validUntil)
        ? Decision.refused("letter-not-expired", "transfer.rule.letter-expired", validUntil)
        : Decision.ALLOWED;
  }

  /** A transfer sent back to its source says why, so that the source can put it right. */
  public static Decision returnHasReason(@Nullable String reason) {
    return reason == null || reason.isBlank()
        ? Decision.refused("return-needs-reason", "transfer.rule.return-reason-required")
        : Decision.ALLOWED;
  }

  /**
   * The first refusal among the rules, checked in order, or allowed if none refuses. A rule is only
   * checked once those before it allowed, so it may rely on them.
   */
  @SafeVarargs
  static Decision firstRefusal(Supplier<Decision>... rules) {
    for (Supplier<Decision> rule : rules) {
      Decision d = rule.get();
      if (d instanceof Decision.Refused) {
        return d;
      }
    }
    return Decision.ALLOWED;
  }
}
