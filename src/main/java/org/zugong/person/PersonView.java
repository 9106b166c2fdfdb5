package org.zugong.person;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.zugong.shared.ScopePath;

/** A person as pages show them: the ID number and phone masked. */
public record PersonView(
    long id,
    String name,
    Gender gender,
    Ethnicity ethnicity,
    LocalDate birthDate,
    String idNumberMasked,
    @Nullable String phoneMasked,
    Education education,
    @Nullable String occupation,
    OccupationCategory category,
    @Nullable NewEmploymentGroup newEmploymentGroup,
    ScopePath scopePath) {}
