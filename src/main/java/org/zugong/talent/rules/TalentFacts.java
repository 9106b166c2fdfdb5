package org.zugong.talent.rules;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The facts of one talent that conditions read, as the names of {@link FactField}'s domains.
 *
 * @param tier null where not certified
 * @param district the six-digit code of the district serving the talent
 * @param institution the institution's code, or null
 */
public record TalentFacts(
    long talentId,
    @Nullable String tier,
    @Nullable LocalDate tierCertifiedOn,
    String degree,
    String title,
    String industry,
    String district,
    @Nullable String institution,
    LocalDate birthDate,
    LocalDate arrivalDate,
    int socialInsuranceMonths,
    boolean firstHome,
    boolean bankAccount) {}
