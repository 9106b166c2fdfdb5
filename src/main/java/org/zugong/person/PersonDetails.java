package org.zugong.person;

import org.jspecify.annotations.Nullable;

/** The details of a person that change over time; the ID number, birth date and gender do not. */
public record PersonDetails(
    String name,
    Ethnicity ethnicity,
    @Nullable String phone,
    Education education,
    @Nullable String occupation,
    OccupationCategory category,
    @Nullable NewEmploymentGroup newEmploymentGroup) {}
