package org.zugong.shared;

/**
 * Published when a user views a personal ID number unmasked. Audited in the same transaction as the
 * read that revealed it.
 */
public record PersonalDataRevealed(
    String entity, String entityId, String field, String scopePath) {}
