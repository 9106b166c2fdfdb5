package org.zugong.member;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.zugong.person.Education;
import org.zugong.person.Ethnicity;
import org.zugong.person.OccupationCategory;
import org.zugong.shared.IdCardNumber;

/**
 * A member arriving from outside the city, as the letter and their file describe them: entered into
 * the register of the receiving organization when it accepts. Gender and birth date come from the
 * ID number.
 */
public record ArrivingMember(
    String name,
    IdCardNumber idNumber,
    Ethnicity ethnicity,
    Education education,
    OccupationCategory category,
    MemberStage stage,
    LocalDate joinedOn,
    @Nullable LocalDate fullOn) {}
