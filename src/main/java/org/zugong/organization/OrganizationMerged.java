package org.zugong.organization;

/**
 * Published inside the transaction that merged {@code sourceId} into {@code targetId}: records held
 * by the source organization itself now belong to the target, at its path and tree path.
 */
public record OrganizationMerged(
    long sourceId, long targetId, String targetPath, String targetTreePath) {}
