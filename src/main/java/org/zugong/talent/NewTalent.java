package org.zugong.talent;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A talent to register, for a person already on record.
 *
 * @param regionCode the town or district serving the talent
 * @param institutionCode the institution with self-management the talent belongs to, or null
 * @param acceptEmployerCodeWarning keep an employer code that fails the GB 32100 check (some issued
 *     codes do); the officer who accepted it is recorded
 */
public record NewTalent(
    long personId,
    String regionCode,
    @Nullable String institutionCode,
    Degree degree,
    ProfessionalTitle title,
    String employerName,
    String employerCreditCode,
    boolean acceptEmployerCodeWarning,
    Industry industry,
    LocalDate arrivalDate,
    int socialInsuranceMonths,
    boolean firstHome,
    @Nullable String bankAccount) {}
