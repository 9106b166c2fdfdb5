package org.zugong.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.zugong.support.ZugongTest;

/** Conventions of the schema that a new migration must keep. */
class SchemaConventionsTest extends ZugongTest {

  @Test
  void everyForeignKeyIsCheckedAtCommit() {
    // Bulk loads copy tables in batches: a child's batch may arrive before its parent's last one.
    List<String> immediate =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select conrelid::regclass || '.' || conname from pg_constraint"
                            + " where contype = 'f' and connamespace = current_schema()::regnamespace"
                            + " and not (condeferrable and condeferred) order by 1")
                    .query(String.class)
                    .list());
    assertThat(immediate).isEmpty();
  }

  @Test
  void everyDemoPartLoaded() {
    List<String> parts =
        DataScope.asSystem(
            () ->
                jdbc.sql("select part from platform_demo_part order by 1")
                    .query(String.class)
                    .list());
    assertThat(parts)
        .containsExactlyInAnyOrder(
            "identity.accounts",
            "organization.tree",
            "organization-imports",
            "members",
            "member-imports",
            "member-transfers",
            "member-dues",
            "mobile-members",
            "member-offices",
            "recruitments",
            "talents",
            "talent-programs",
            "benefit-runs");
  }
}
