package org.zugong.member.transfer;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One step in a transfer's history: on which day which organization of the city moved it from which
 * state to which, between which source and target, and why when a reason was given. Every
 * transition records one, so that a member's history shows every move.
 *
 * @param from the state before the step; {@code null} for the submission that opened the transfer
 * @param source the source at the time of the step
 * @param target the target at the time of the step (a resubmission may name another)
 * @param reason why the transfer was returned or cancelled, if a reason was given
 */
public record TransferEvent(
    TransferId transfer,
    long memberId,
    LocalDate date,
    long actorOrganizationId,
    @Nullable TransferState from,
    TransferState to,
    OrganizationRef source,
    OrganizationRef target,
    @Nullable String reason) {}
