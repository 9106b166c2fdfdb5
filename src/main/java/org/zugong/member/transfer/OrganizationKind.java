package org.zugong.member.transfer;

/**
 * The kind of a party organization in the city, as the transfer rules need it: 党委 {@link
 * #COMMITTEE}, 党工委 {@link #WORKING_COMMITTEE}, 党总支 {@link #GENERAL_BRANCH}, 党支部 {@link #BRANCH},
 * 党小组 {@link #GROUP}.
 */
public enum OrganizationKind {
  COMMITTEE,
  WORKING_COMMITTEE,
  GENERAL_BRANCH,
  BRANCH,
  GROUP
}
