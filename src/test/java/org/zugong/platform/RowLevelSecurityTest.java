package org.zugong.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.zugong.shared.ScopePath;
import org.zugong.support.ZugongTest;

/** The data scope is enforced by PostgreSQL itself, for every table that holds scoped rows. */
class RowLevelSecurityTest extends ZugongTest {

  @Test
  void everyTableWithATreePathHasForcedRowLevelSecurity() {
    List<String> unprotected =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        """
                        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = current_schema() and c.relkind = 'r'
                          and exists (select 1 from pg_attribute a where a.attrelid = c.oid and not a.attisdropped
                                      and a.attname in ('path', 'scope_path', 'org_path'))
                          and not (c.relrowsecurity and c.relforcerowsecurity
                                   and exists (select 1 from pg_policy p where p.polrelid = c.oid))
                        """)
                    .query(String.class)
                    .list());
    assertThat(unprotected).isEmpty();
    long protectedTables =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select count(*) from pg_class where relrowsecurity and relforcerowsecurity")
                    .query(Long.class)
                    .single());
    assertThat(protectedTables).isGreaterThanOrEqualTo(4);
  }

  @Test
  void aQueryWithoutAScopeSeesNothing() {
    assertThat(DataScope.current()).isNull();
    assertThat(jdbc.sql("select count(*) from region").query(Long.class).single()).isZero();
    assertThat(jdbc.sql("select count(*) from identity_account").query(Long.class).single())
        .isZero();
  }

  @Test
  void aDistrictScopeSeesItsSubtreeOnly() {
    long haishu =
        DataScope.within(
            new ScopePath("/330200/330203/"),
            () -> jdbc.sql("select count(*) from region").query(Long.class).single());
    long notHaishu =
        DataScope.within(
            new ScopePath("/330200/330203/"),
            () ->
                jdbc.sql(
                        "select count(*) from region where not starts_with(path, '/330200/330203/')")
                    .query(Long.class)
                    .single());
    long all =
        DataScope.asSystem(
            () -> jdbc.sql("select count(*) from region").query(Long.class).single());
    assertThat(haishu).isEqualTo(1 + 17 + 280);
    assertThat(notHaishu).isZero();
    assertThat(all).isEqualTo(3215);
  }

  @Test
  void aScopeIsABoundValueNotSql() {
    // A scope that would widen a query built from strings is just a path that matches nothing.
    long rows =
        DataScope.asSystem(
                () ->
                    jdbc.sql("select set_config('zugong.scope', ?, false) is not null")
                        .param("/' or '1'='1")
                        .query(Boolean.class)
                        .single())
            ? 0
            : 1;
    assertThat(rows).isZero();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ScopePath("/' or '1'='1"))
        .hasMessageContaining("scope.invalid");
  }

  @Test
  void aScopeCannotChangeInsideATransaction() {
    var tx =
        new org.springframework.transaction.support.TransactionTemplate(
            applicationContext.getBean(
                org.springframework.transaction.PlatformTransactionManager.class));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> tx.executeWithoutResult(t -> DataScope.asSystem(() -> 1)))
        .isInstanceOf(IllegalStateException.class);
  }

  @org.springframework.beans.factory.annotation.Autowired
  org.springframework.context.ApplicationContext applicationContext;
}
