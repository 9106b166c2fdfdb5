package org.zugong.member.imports;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.zugong.member.MemberStage;
import org.zugong.person.PersonFacts;

/** A row that passed every check: the person, where the relationship is held, stage and dates. */
public record ImportRow(
    int row,
    PersonFacts person,
    OrganizationCheck.Holds organization,
    MemberStage stage,
    LocalDate joinedOn,
    @Nullable LocalDate fullOn) {}
