package org.zugong.organization;

import java.time.LocalDate;

/**
 * Published inside the transaction that merged {@code sourceId} into {@code targetId}: records held
 * by the source organization itself now belong to the target, at its path and tree path. The merge
 * takes effect {@code on}; the source is still active while the event is handled.
 */
public record OrganizationMerged(
    long sourceId, long targetId, String targetPath, String targetTreePath, LocalDate on) {}
