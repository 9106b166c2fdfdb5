package org.zugong.identity.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.zugong.platform.DataScope;
import org.zugong.platform.ZugongProperties;
import org.zugong.region.Regions;
import org.zugong.shared.Role;
import org.zugong.shared.ScopePath;

/**
 * An empty Zugong (demo data off) still needs someone to sign in: the three separated
 * administrators are created once, at the city, with random passwords written to the log.
 */
@Component
@Order(10)
class BootstrapAccounts implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(BootstrapAccounts.class);
  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

  private final JdbcClient jdbc;
  private final PasswordEncoder passwords;
  private final ZugongProperties properties;
  private final Regions regions;
  private final TransactionTemplate tx;
  private final Clock clock;

  BootstrapAccounts(
      JdbcClient jdbc,
      PasswordEncoder passwords,
      ZugongProperties properties,
      Regions regions,
      TransactionTemplate tx,
      Clock clock) {
    this.jdbc = jdbc;
    this.passwords = passwords;
    this.properties = properties;
    this.regions = regions;
    this.tx = tx;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (properties.demo().enabled()) {
      return;
    }
    DataScope.asSystem(
        () ->
            tx.executeWithoutResult(
                t -> {
                  if (jdbc.sql("select count(*) from identity_account").query(Long.class).single()
                      > 0) {
                    return;
                  }
                  ScopePath root = new ScopePath(properties.rootScope());
                  String code = root.leaf();
                  regions
                      .pathOf(code)
                      .orElseThrow(() -> new IllegalStateException("No region " + code));
                  OffsetDateTime now = OffsetDateTime.now(clock);
                  for (Role role : List.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDITOR)) {
                    String username =
                        role.name().toLowerCase(java.util.Locale.ROOT).replace("_", "");
                    String password = randomPassword();
                    long id =
                        jdbc.sql(
                                """
                                insert into identity_account (username, display_name, password_hash, scope_code,
                                  scope_path, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?) returning id
                                """)
                            .params(
                                username,
                                username,
                                passwords.encode(password),
                                code,
                                root.value(),
                                now,
                                now)
                            .query(Long.class)
                            .single();
                    jdbc.sql("insert into identity_account_role (account_id, role) values (?, ?)")
                        .params(id, role.name())
                        .update();
                    log.warn(
                        "Created {} with password {} (shown once; change it)", username, password);
                  }
                }));
  }

  private static String randomPassword() {
    SecureRandom random = new SecureRandom();
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 14; i++) {
      s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return s.append("#7").toString();
  }
}
