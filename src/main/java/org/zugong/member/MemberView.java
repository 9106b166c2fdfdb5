package org.zugong.member;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.zugong.person.Education;
import org.zugong.person.Ethnicity;
import org.zugong.person.Gender;
import org.zugong.person.NewEmploymentGroup;
import org.zugong.person.OccupationCategory;
import org.zugong.shared.ScopePath;

/** A member as lists and cards show them; the ID number masked. */
public record MemberView(
    long id,
    long personId,
    long organizationId,
    String organizationName,
    ScopePath scopePath,
    String name,
    Gender gender,
    Ethnicity ethnicity,
    LocalDate birthDate,
    String idNumberMasked,
    Education education,
    OccupationCategory category,
    @Nullable NewEmploymentGroup newEmploymentGroup,
    MemberStage stage,
    MemberStatus status,
    LocalDate joinedOn,
    @Nullable LocalDate fullOn,
    boolean mobile) {}
