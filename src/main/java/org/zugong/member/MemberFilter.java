package org.zugong.member;

import org.jspecify.annotations.Nullable;

/**
 * What a member list shows: a text (part of a name, or a whole ID number), a part of the tree, and
 * at most one statistic's dimension and value — so every figure of the statistics opens its list.
 */
public record MemberFilter(
    String text,
    @Nullable Long under,
    @Nullable Dimension dimension,
    @Nullable String value,
    boolean includeFormer) {

  public static MemberFilter of(String text, @Nullable Long under) {
    return new MemberFilter(text, under, null, null, false);
  }

  /** The dimensions of the party statistics. */
  public enum Dimension {
    STATUS,
    STAGE,
    GENDER,
    AGE_BAND,
    EDUCATION,
    ETHNICITY,
    OCCUPATION,
    NEW_EMPLOYMENT,
    MOBILE;

    public String messageKey() {
      return "member.dimension." + name();
    }

    /** The message key of one value of this dimension, e.g. FEMALE of GENDER. */
    public String labelKey(String value) {
      return switch (this) {
        case STATUS -> "member.status." + value;
        case STAGE -> "member.stage." + value;
        case GENDER -> "person.gender." + value;
        case AGE_BAND -> "member.age-band." + value;
        case EDUCATION -> "person.education." + value;
        case ETHNICITY -> "person.ethnicity." + value;
        case OCCUPATION -> "person.occupation." + value;
        case NEW_EMPLOYMENT -> "person.new-employment." + value;
        case MOBILE -> "member.mobile." + value;
      };
    }
  }
}
