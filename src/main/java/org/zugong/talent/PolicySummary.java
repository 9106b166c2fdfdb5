package org.zugong.talent;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.zugong.talent.rules.PolicyKind;

/** A policy with its versions, as the policy list shows it. */
public record PolicySummary(
    String code,
    PolicyKind kind,
    String nameZh,
    String nameEn,
    String issuer,
    String source,
    List<Version> versions) {

  public record Version(
      int version,
      String status,
      LocalDate effectiveFrom,
      @Nullable LocalDate effectiveTo,
      int clauses,
      @Nullable String publishedBy) {}
}
