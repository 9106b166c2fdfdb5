package org.zugong.member.internal;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.zugong.organization.DissolutionCheck;
import org.zugong.organization.OrganizationMerged;
import org.zugong.organization.OrganizationMoved;
import org.zugong.person.PersonChanged;
import org.zugong.person.PersonView;
import org.zugong.person.Persons;

/**
 * Keeps the member register in step with the tree and the person register, in the transaction that
 * changed them: members move with their organizations, and their copies of a person's facts follow
 * the person.
 */
@Component
class MemberListeners implements DissolutionCheck {

  private final JdbcClient jdbc;
  private final Persons persons;
  private final java.time.Clock clock;

  MemberListeners(JdbcClient jdbc, Persons persons, java.time.Clock clock) {
    this.jdbc = jdbc;
    this.persons = persons;
    this.clock = clock;
  }

  @EventListener
  void on(OrganizationMoved e) {
    // The member update below changes the tally itself (its trigger); the tally rows keep the
    // paths of their organizations and members, which move here like the members'.
    for (String table :
        java.util.List.of(
            "member", "member_event", "member_office", "member_tally", "member_tally_change")) {
      jdbc.sql(
              "update "
                  + table
                  + " set scope_path = :new || substr(scope_path, length(:old) + 1) where starts_with(scope_path, :old)")
          .param("new", e.newPath())
          .param("old", e.oldPath())
          .update();
    }
    jdbc.sql(
            "update member set org_path = :new || substr(org_path, length(:old) + 1) where starts_with(org_path, :old)")
        .param("new", e.newTreePath())
        .param("old", e.oldTreePath())
        .update();
    persons.movePaths(e.oldPath(), e.newPath());
  }

  @EventListener
  void on(OrganizationMerged e) {
    var moved =
        jdbc.sql(
                "update member set organization_id = ?, scope_path = ?, org_path = ?"
                    + " where organization_id = ? returning id, person_id")
            .params(e.targetId(), e.targetPath(), e.targetTreePath(), e.sourceId())
            .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
            .list();
    for (long[] m : moved) {
      jdbc.sql("update member_event set scope_path = ? where member_id = ?")
          .params(e.targetPath(), m[0])
          .update();
      jdbc.sql(
              "insert into member_event (member_id, kind, effective_on, organization_id, detail, scope_path, recorded_by, recorded_at)"
                  + " values (?, 'MOVED', ?, ?, 'merge', ?, 'system', ?)")
          .params(
              m[0],
              LocalDate.now(clock),
              e.targetId(),
              e.targetPath(),
              java.time.OffsetDateTime.now(clock))
          .update();
      persons.placeIn(m[1], new org.zugong.shared.ScopePath(e.targetPath()));
    }
  }

  @EventListener
  void on(PersonChanged e) {
    PersonView p = e.person();
    jdbc.sql(
            """
            update member set name = :name, gender = :gender, ethnicity = :ethnicity, birth_date = :birth,
              id_number_masked = :masked, id_number_index = :index, education = :education, category = :category,
              new_employment_group = :group where person_id = :id
            """)
        .param("id", p.id())
        .param("name", p.name())
        .param("gender", p.gender().name())
        .param("ethnicity", p.ethnicity().code())
        .param("birth", p.birthDate())
        .param("masked", p.idNumberMasked())
        .param("index", persons.idNumberIndexOf(p.id()))
        .param("education", p.education().name())
        .param("category", p.category().name())
        .param("group", p.newEmploymentGroup() == null ? null : p.newEmploymentGroup().name())
        .update();
  }

  @Override
  public Optional<String> refusal(long organizationId) {
    boolean hasMembers =
        jdbc.sql(
                "select exists (select 1 from member where organization_id = ? and status in ('NORMAL', 'LOST_CONTACT', 'STOPPED'))")
            .param(organizationId)
            .query(Boolean.class)
            .single();
    return hasMembers ? Optional.of("member.rule.organization-has-members") : Optional.empty();
  }
}
