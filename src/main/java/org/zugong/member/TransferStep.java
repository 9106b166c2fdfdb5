package org.zugong.member;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.zugong.member.transfer.TransferKind;
import org.zugong.member.transfer.TransferState;

/**
 * One step of a transfer as the member's history shows it: the day, which organization took it,
 * from which state to which, between which ends, why, and who recorded it.
 */
public record TransferStep(
    long transferId,
    TransferKind kind,
    LocalDate on,
    @Nullable TransferState from,
    TransferState to,
    String actorName,
    String sourceName,
    String targetName,
    @Nullable String reason,
    String recordedBy) {}
