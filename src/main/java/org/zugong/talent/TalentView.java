package org.zugong.talent;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.zugong.shared.ScopePath;

/** A talent as pages and the API show them: the ID number and bank account masked. */
public record TalentView(
    long id,
    long personId,
    String name,
    String gender,
    LocalDate birthDate,
    String idNumberMasked,
    String regionCode,
    @Nullable String institutionCode,
    Degree degree,
    ProfessionalTitle title,
    String employerName,
    String employerCreditCode,
    @Nullable String employerCodeAcceptedBy,
    Industry industry,
    LocalDate arrivalDate,
    int socialInsuranceMonths,
    boolean firstHome,
    @Nullable String bankAccountMasked,
    @Nullable Tier tier,
    @Nullable LocalDate tierCertifiedOn,
    @Nullable String tierBasis,
    @Nullable String tierCertifier,
    @Nullable String tierDirectTrack,
    ScopePath scopePath) {

  /** Whether the employer's code failed the GB 32100 check and an officer accepted it. */
  public boolean employerCodeWarning() {
    return employerCodeAcceptedBy != null;
  }
}
