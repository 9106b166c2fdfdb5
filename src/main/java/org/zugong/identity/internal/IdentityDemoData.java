package org.zugong.identity.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.zugong.platform.BulkCopy;
import org.zugong.platform.DemoData;
import org.zugong.platform.DemoDataContributor;
import org.zugong.platform.PersonalDataCipher;
import org.zugong.region.Regions;
import org.zugong.shared.IdCardNumber;
import org.zugong.shared.Role;
import org.zugong.shared.ScopePath;

/** One demo account for each role, listed on the login page while in demo mode. */
@Component
public class IdentityDemoData implements DemoDataContributor {

  /** The password of every demo account. */
  public static final String PASSWORD = "Zugong@2022";

  /** A demo account: who, where, with which roles. */
  public record DemoAccount(String username, String displayName, String scopeCode, Role role) {}

  public static final List<DemoAccount> ACCOUNTS =
      List.of(
          new DemoAccount("city_admin", "市委组织部 管理员", "330200", Role.CITY_ADMIN),
          new DemoAccount("haishu_admin", "海曙区委组织部 管理员", "330203", Role.DISTRICT_ADMIN),
          new DemoAccount("jiangbei_admin", "江北区委组织部 管理员", "330205", Role.DISTRICT_ADMIN),
          new DemoAccount("nanmen_admin", "南门街道党工委 管理员", "330203001", Role.TOWN_ADMIN),
          new DemoAccount(
              "chenglang_secretary", "澄浪社区党支部 书记", "330203001001", Role.BRANCH_SECRETARY),
          new DemoAccount("chenglang_member", "澄浪社区 党员", "330203001001", Role.MEMBER),
          new DemoAccount("yinzhou_talent", "鄞州区 人才", "330212", Role.TALENT),
          new DemoAccount("nbu_officer", "宁波大学 人才工作专员", "330205", Role.INSTITUTION_OFFICER),
          new DemoAccount("sysadmin", "系统管理员", "330200", Role.SYSTEM_ADMIN),
          new DemoAccount("secadmin", "安全保密管理员", "330200", Role.SECURITY_ADMIN),
          new DemoAccount("auditor", "安全审计员", "330200", Role.AUDITOR));

  private final PasswordEncoder passwords;
  private final PersonalDataCipher cipher;
  private final Regions regions;

  IdentityDemoData(PasswordEncoder passwords, PersonalDataCipher cipher, Regions regions) {
    this.passwords = passwords;
    this.cipher = cipher;
    this.regions = regions;
  }

  @Override
  public String name() {
    return "identity.accounts";
  }

  @Override
  public int order() {
    return 10;
  }

  @Override
  public void load(DemoData demo) {
    String hash = passwords.encode(PASSWORD);
    OffsetDateTime created = OffsetDateTime.parse("2022-01-04T09:00:00+08:00");
    BulkCopy.Copy accounts =
        demo.bulkCopy()
            .into(
                "identity_account",
                List.of(
                    "id",
                    "username",
                    "display_name",
                    "password_hash",
                    "scope_code",
                    "scope_path",
                    "id_number_cipher",
                    "id_number_index",
                    "id_number_masked",
                    "demo",
                    "created_at",
                    "updated_at"));
    BulkCopy.Copy roles =
        demo.bulkCopy().into("identity_account_role", List.of("account_id", "role"));
    long id = 1;
    for (DemoAccount a : ACCOUNTS) {
      ScopePath path =
          regions
              .pathOf(a.scopeCode())
              .orElseThrow(() -> new IllegalStateException("No region " + a.scopeCode()));
      IdCardNumber idNumber = idNumber(a.scopeCode().substring(0, 6), demo.random());
      accounts.row(
          id,
          a.username(),
          a.displayName(),
          hash,
          a.scopeCode(),
          path.value(),
          cipher.encrypt(idNumber.value()),
          cipher.blindIndex(idNumber.value()),
          idNumber.masked(),
          true,
          created,
          created);
      roles.row(id, a.role().name());
      id++;
    }
    accounts.finish();
    roles.finish();
    demo.jdbc()
        .sql("select setval('identity_account_id_seq', (select max(id) from identity_account))")
        .query(Long.class)
        .single();
  }

  /** A valid ID number of someone born between 1965 and 1999 in the given district. */
  static IdCardNumber idNumber(String district, java.util.Random random) {
    int year = 1965 + random.nextInt(35);
    int month = 1 + random.nextInt(12);
    int day = 1 + random.nextInt(28);
    String body =
        district + String.format("%04d%02d%02d%03d", year, month, day, random.nextInt(1000));
    return new IdCardNumber(body + IdCardNumber.checkCharacter(body));
  }

  static Set<String> usernames() {
    return Set.copyOf(ACCOUNTS.stream().map(DemoAccount::username).toList());
  }
}
