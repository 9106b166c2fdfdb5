package org.zugong.support;

/** The demo accounts the tests sign in with (see the README). */
public final class DemoAccounts {

  public static final String PASSWORD = "Zugong@2022";
  public static final String CITY_ADMIN = "city_admin";
  public static final String HAISHU_ADMIN = "haishu_admin";
  public static final String JIANGBEI_ADMIN = "jiangbei_admin";
  public static final String TOWN_ADMIN = "nanmen_admin";
  public static final String BRANCH_SECRETARY = "chenglang_secretary";
  public static final String MEMBER = "chenglang_member";
  public static final String TALENT = "yinzhou_talent";
  public static final String INSTITUTION_OFFICER = "nbu_officer";
  public static final String SYSTEM_ADMIN = "sysadmin";
  public static final String SECURITY_ADMIN = "secadmin";
  public static final String AUDITOR = "auditor";

  private DemoAccounts() {}
}
