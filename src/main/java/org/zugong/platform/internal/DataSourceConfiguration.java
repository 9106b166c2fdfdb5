package org.zugong.platform.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;
import org.zugong.platform.ZugongProperties;

/**
 * One connection pool, to the embedded PostgreSQL by default or to the server named by {@code
 * spring.datasource.url}. Either way the pool is wrapped so that each connection carries the data
 * scope, and a role that would bypass row-level security is refused at start.
 */
@Configuration(proxyBeanMethods = false)
class DataSourceConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DataSourceConfiguration.class);

  @Bean(destroyMethod = "close")
  EmbeddedServerHolder embeddedServerHolder(Environment env, ZugongProperties props) {
    if (StringUtils.hasText(env.getProperty("spring.datasource.url"))) {
      return new EmbeddedServerHolder(null);
    }
    return new EmbeddedServerHolder(
        EmbeddedPostgresServer.start(
            props.dataDir().resolve("pgdata"),
            props.embeddedDb().port(),
            props.embeddedDb().startupWait()));
  }

  @Bean(destroyMethod = "close")
  HikariDataSource pooledDataSource(Environment env, EmbeddedServerHolder holder) {
    HikariConfig config = new HikariConfig();
    EmbeddedPostgresServer server = holder.server();
    if (server != null) {
      config.setJdbcUrl(server.jdbcUrl());
      config.setUsername(server.username());
    } else {
      config.setJdbcUrl(env.getRequiredProperty("spring.datasource.url"));
      config.setUsername(env.getProperty("spring.datasource.username"));
      config.setPassword(env.getProperty("spring.datasource.password"));
    }
    config.setPoolName("zugong");
    config.setMaximumPoolSize(env.getProperty("zugong.db.pool-size", Integer.class, 16));
    config.setMinimumIdle(2);
    HikariDataSource pool = new HikariDataSource(config);
    refuseRoleThatBypassesScope(pool);
    return pool;
  }

  @Bean
  @Primary
  DataSource dataSource(HikariDataSource pooledDataSource) {
    return new ScopeSettingDataSource(pooledDataSource);
  }

  private static void refuseRoleThatBypassesScope(DataSource pool) {
    try (Connection c = pool.getConnection();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select rolsuper or rolbypassrls, current_user from pg_roles where rolname ="
                        + " current_user")) {
      if (rs.next() && rs.getBoolean(1)) {
        throw new IllegalStateException(
            "The database role '"
                + rs.getString(2)
                + "' is a superuser or bypasses row-level security, so the data scope would not"
                + " apply. Connect Zugong with an ordinary role that owns its database (see the"
                + " README, External PostgreSQL).");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot connect to PostgreSQL: " + e.getMessage(), e);
    }
    log.info("Connected to PostgreSQL with an ordinary role; row-level security applies");
  }

  /** Holds the embedded server, or nothing where an external PostgreSQL is used. */
  static final class EmbeddedServerHolder implements AutoCloseable {
    private final @Nullable EmbeddedPostgresServer server;

    EmbeddedServerHolder(@Nullable EmbeddedPostgresServer server) {
      this.server = server;
    }

    @Nullable EmbeddedPostgresServer server() {
      return server;
    }

    @Override
    public void close() {
      if (server != null) {
        server.close();
      }
    }
  }
}
