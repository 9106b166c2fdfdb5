package org.zugong.member;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.zugong.person.PersonFacts;

/**
 * A member entered into the register (e.g. when the records of an organization are taken over): the
 * person, the branch that holds the relationship, stage and the dates.
 */
public record Admission(
    PersonFacts person,
    long organizationId,
    MemberStage stage,
    LocalDate joinedOn,
    @Nullable LocalDate fullOn) {}
