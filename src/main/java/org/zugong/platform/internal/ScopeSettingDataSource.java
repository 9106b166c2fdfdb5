package org.zugong.platform.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.zugong.platform.DataScope;
import org.zugong.shared.ScopePath;

/**
 * Gives every connection taken from the pool the data scope of the thread that takes it. The scope
 * is passed as a bound parameter of {@code set_config}; no SQL is ever built from it. A thread with
 * no scope gets one that matches no row.
 */
final class ScopeSettingDataSource extends DelegatingDataSource {

  /** Sorts after every path (paths start with '/'), so it matches no row. */
  static final String NO_SCOPE = "~";

  ScopeSettingDataSource(DataSource target) {
    super(target);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return applyScope(super.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return applyScope(super.getConnection(username, password));
  }

  private static Connection applyScope(Connection connection) throws SQLException {
    ScopePath scope = DataScope.current();
    try (PreparedStatement ps =
        connection.prepareStatement("select set_config('zugong.scope', ?, false)")) {
      ps.setString(1, scope == null ? NO_SCOPE : scope.value());
      ps.execute();
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return connection;
  }
}
