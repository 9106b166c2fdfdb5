package org.zugong.support;

import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.zugong.platform.DataScope;
import org.zugong.shared.Role;

/** Creates accounts for tests directly in the database, as the system. */
public final class TestAccounts {

  private TestAccounts() {}

  /**
   * Creates (or replaces the roles of) an account with one role at the given region.
   *
   * @return the account's id
   */
  public static long ensure(
      JdbcClient jdbc,
      PasswordEncoder encoder,
      String username,
      Role role,
      String scopeCode,
      String scopePath) {
    return DataScope.asSystem(
        () -> {
          Long existing =
              jdbc.sql("select id from identity_account where username = ?")
                  .param(username)
                  .query(Long.class)
                  .optional()
                  .orElse(null);
          if (existing != null) {
            return existing;
          }
          OffsetDateTime now = OffsetDateTime.now();
          long id =
              jdbc.sql(
                      """
                      insert into identity_account (username, display_name, password_hash, scope_code,
                        scope_path, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?) returning id
                      """)
                  .params(
                      username,
                      username,
                      encoder.encode(DemoAccounts.PASSWORD),
                      scopeCode,
                      scopePath,
                      now,
                      now)
                  .query(Long.class)
                  .single();
          jdbc.sql("insert into identity_account_role (account_id, role) values (?, ?)")
              .params(id, role.name())
              .update();
          return id;
        });
  }
}
