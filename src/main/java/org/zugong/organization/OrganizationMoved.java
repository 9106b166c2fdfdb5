package org.zugong.organization;

/**
 * Published inside the transaction that moved an organization (or merged one into another): every
 * record kept under {@code oldPath} now belongs under {@code newPath}. Modules that place records
 * in the organization tree (members first) move theirs in the same transaction.
 */
public record OrganizationMoved(long organizationId, String oldPath, String newPath) {}
