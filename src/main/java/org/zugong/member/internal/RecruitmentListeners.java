package org.zugong.member.internal;

import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.zugong.organization.OrganizationMerged;
import org.zugong.organization.OrganizationMoved;
import org.zugong.person.PersonChanged;
import org.zugong.person.PersonView;
import org.zugong.person.Persons;
import org.zugong.shared.ScopePath;

/**
 * Keeps recruitments in step with the tree and the person register, in the transaction that changed
 * them: recruitments, their steps and to-dos move with their branch, and their copy of the person's
 * name, birth date and masked ID number follows the person.
 */
@Component
class RecruitmentListeners {

  static final List<String> TABLES =
      List.of("member_recruitment", "member_recruitment_step", "member_recruitment_todo");

  private final JdbcClient jdbc;
  private final Persons persons;

  RecruitmentListeners(JdbcClient jdbc, Persons persons) {
    this.jdbc = jdbc;
    this.persons = persons;
  }

  @EventListener
  void on(OrganizationMoved e) {
    for (String table : TABLES) {
      jdbc.sql(
              "update "
                  + table
                  + " set scope_path = :new || substr(scope_path, length(:old) + 1) where starts_with(scope_path, :old)")
          .param("new", e.newPath())
          .param("old", e.oldPath())
          .update();
    }
    for (String table : List.of("member_recruitment", "member_recruitment_todo")) {
      jdbc.sql(
              "update "
                  + table
                  + " set org_path = :new || substr(org_path, length(:old) + 1) where starts_with(org_path, :old)")
          .param("new", e.newTreePath())
          .param("old", e.oldTreePath())
          .update();
    }
  }

  @EventListener
  void on(OrganizationMerged e) {
    List<long[]> moved =
        jdbc.sql(
                "update member_recruitment set organization_id = ?, scope_path = ?, org_path = ?"
                    + " where organization_id = ? returning id, person_id, member_id is null")
            .params(e.targetId(), e.targetPath(), e.targetTreePath(), e.sourceId())
            .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getBoolean(3) ? 1 : 0})
            .list();
    for (long[] r : moved) {
      jdbc.sql("update member_recruitment_step set scope_path = ? where recruitment_id = ?")
          .params(e.targetPath(), r[0])
          .update();
      jdbc.sql(
              "update member_recruitment_todo set scope_path = ?, org_path = ? where recruitment_id = ?")
          .params(e.targetPath(), e.targetTreePath(), r[0])
          .update();
      if (r[2] == 1) {
        // Members are placed by the member register; applicants are placed here.
        persons.placeIn(r[1], new ScopePath(e.targetPath()));
      }
    }
  }

  @EventListener
  void on(PersonChanged e) {
    PersonView p = e.person();
    jdbc.sql(
            "update member_recruitment set name = ?, birth_date = ?, id_number_masked = ? where person_id = ?")
        .params(p.name(), p.birthDate(), p.idNumberMasked(), p.id())
        .update();
  }
}
