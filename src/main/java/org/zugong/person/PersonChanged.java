package org.zugong.person;

/**
 * Published inside the transaction that registered or changed a person, so that modules keeping
 * copies of the person's facts for their lists and statistics refresh them in the same commit.
 */
public record PersonChanged(PersonView person) {}
