package org.zugong.organization;

/**
 * Published inside the transaction that moved an organization (or merged one into another): every
 * record kept under {@code oldPath} now belongs under {@code newPath}, and every record of its
 * subtree under {@code oldTreePath} (the organization's ancestry) now under {@code newTreePath}.
 * Modules that place records in the organization tree (members first) move theirs in the same
 * transaction.
 */
public record OrganizationMoved(
    long organizationId, String oldPath, String newPath, String oldTreePath, String newTreePath) {}
