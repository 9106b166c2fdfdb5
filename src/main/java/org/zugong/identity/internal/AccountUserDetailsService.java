package org.zugong.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.zugong.platform.DataScope;
import org.zugong.region.Region;
import org.zugong.region.Regions;
import org.zugong.shared.Role;
import org.zugong.shared.ScopePath;

/** Finds an account at sign-in. Nobody is signed in yet, so the look-up runs as the system. */
@Service
class AccountUserDetailsService implements UserDetailsService {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Regions regions;

  AccountUserDetailsService(JdbcClient jdbc, Clock clock, Regions regions) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.regions = regions;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    return DataScope.asSystem(
        () ->
            jdbc.sql(
                    """
                    select a.id, a.username, a.display_name, a.password_hash, a.scope_path,
                           a.enabled, a.locked_until, a.locale,
                           a.scope_code,
                           coalesce((select string_agg(role, ',') from identity_account_role x where x.account_id = a.id), '') as roles
                    from identity_account a where a.username = ?
                    """)
                .param(username.trim().toLowerCase(Locale.ROOT))
                .query(
                    (rs, n) -> {
                      Set<Role> roles = EnumSet.noneOf(Role.class);
                      for (String r : rs.getString("roles").split(",")) {
                        if (!r.isEmpty()) {
                          roles.add(Role.valueOf(r));
                        }
                      }
                      Timestamp locked = rs.getTimestamp("locked_until");
                      return (UserDetails)
                          new ZugongUser(
                              rs.getLong("id"),
                              rs.getString("username"),
                              rs.getString("display_name"),
                              rs.getString("password_hash"),
                              new ScopePath(rs.getString("scope_path")),
                              regions
                                  .find(rs.getString("scope_code"))
                                  .map(Region::name)
                                  .orElse(rs.getString("scope_code")),
                              roles,
                              rs.getBoolean("enabled"),
                              locked == null ? null : locked.toInstant(),
                              Instant.now(clock),
                              Locale.forLanguageTag(rs.getString("locale")));
                    })
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("No such account")));
  }
}
